import { describe, expect, it } from 'vitest'
import { offViewExit } from '../../../src/panels/SurfacePanel/offView'
import { viewScales } from '../../../src/render/scales'

// [0, 10]² on a 100 × 100 px plot: x ↦ 10x px, y ↦ 100 − 10y px.
const scales = viewScales({ x: [0, 10], y: [0, 10] }, { widthPx: 100, heightPx: 100 })

describe('offViewExit', () => {
  it('is null while the head is inside the view', () => {
    expect(offViewExit(Float64Array.of(1, 2), Float64Array.of(5, 5), 2, scales)).toBeNull()
  })

  it('is where the path last crossed the border, pointing the way it went', () => {
    // (5, 5) → (15, 5) → (25, 5): it left through the right edge at (10, 5) = (100, 50) px, going +x.
    const exit = offViewExit(Float64Array.of(5, 15, 25), Float64Array.of(5, 5, 5), 3, scales)!
    expect(exit.x).toBeCloseTo(100, 9)
    expect(exit.y).toBeCloseTo(50, 9)
    expect([exit.dx, exit.dy]).toEqual([1, 0])
    // Only the points shown count: at n = 2 the head (15, 5) is already off the view.
    expect(offViewExit(Float64Array.of(5, 15, 25), Float64Array.of(5, 5, 5), 2, scales)!.x).toBeCloseTo(
      100,
      9,
    )
  })

  it('handles a diverged run (non-finite tail) and a run that was never inside (ray from the centre)', () => {
    const exit = offViewExit(Float64Array.of(5, 5, NaN), Float64Array.of(5, 1e300, NaN), 3, scales)!
    expect(exit.x).toBeCloseTo(50, 9)
    expect(exit.y).toBeCloseTo(0, 9)
    expect(exit.dy).toBe(-1)
    const never = offViewExit(Float64Array.of(-20, -30), Float64Array.of(5, 5), 2, scales)!
    expect(never.x).toBeCloseTo(0, 9)
    expect(never.dx).toBe(-1)
  })
})
