import { describe, expect, it } from 'vitest'
import { getSurface } from '../../src/core/surfaces/index'
import { CANYON_BASIN_SHIFT } from '../../src/core/surfaces/canyonBasin.meta'
import { testLossAlong, testSurfaceOf } from '../../src/core/testLoss'
import { assertInDelta } from '../helpers/assertInDelta'

// L(w) = 1 − e^{−‖w − (−1.5, 0)‖²/2} − e^{−‖w − (1.5, 0)‖²/(2·0.2²)} + 0.05‖w‖² (docs/lectures.md S6), by hand.
// L_test(1.8, 0) = L(1.5, 0) = 1 − e^{−4.5} − 1 + 0.05·2.25 = 0.1125 − 0.011108996538242 = 0.101391003461758.
// L_test(0.3, 0.1) = L(0, 0.1) = 1 − e^{−2.26/2} − e^{−2.26/0.08} + 0.05·0.01
//                  = 1 − 0.323033256423 − 5.4e−13 + 0.0005 = 0.677466743577…
describe('testing surface of canyon-basin', () => {
  it('the shift is δ = (0.3, 0), and canyon-basin names canyon-basin-test as its testing surface', () => {
    expect(CANYON_BASIN_SHIFT).toEqual([0.3, 0])
    expect(getSurface('canyon-basin').testSurface).toBe('canyon-basin-test')
    expect(testSurfaceOf(getSurface('canyon-basin'))?.id).toBe('canyon-basin-test')
    expect(testSurfaceOf(getSurface('booth'))).toBeNull()
  })

  it('L_test(w) = L(w − δ) at two points computed by hand', () => {
    const test = getSurface('canyon-basin-test')
    assertInDelta(test.f(1.8, 0), 0.101391003461758, 1e-12, 'L_test(1.8, 0)')
    assertInDelta(test.f(0.3, 0.1), 0.677466743577, 1e-9, 'L_test(0.3, 0.1)')
    const train = getSurface('canyon-basin')
    assertInDelta(train.f(1.5, 0), 0.101391003461758, 1e-12, 'L(1.5, 0)')
    assertInDelta(train.f(0, 0.1), 0.677466743577, 1e-9, 'L(0, 0.1)')
  })

  it('testLossAlong evaluates L_test at points from..from+count−1, NaN where a point is not finite', () => {
    const test = getSurface('canyon-basin-test')
    const x = Float64Array.of(9, 1.8, 0.3, NaN)
    const y = Float64Array.of(9, 0, 0.1, 0)
    const out = testLossAlong(test, x, y, 1, 3)
    expect(out).toHaveLength(3)
    assertInDelta(out[0], 0.101391003461758, 1e-12, 'k = 1')
    assertInDelta(out[1], 0.677466743577, 1e-9, 'k = 2')
    expect(out[2]).toBeNaN()
  })
})
