import { describe, expect, it } from 'vitest'
import {
  createOrbit,
  DISTANCE_MAX,
  DISTANCE_MIN,
  ELEVATION_MAX,
  ELEVATION_MIN,
  ORBIT_HOME,
} from '../../../src/render/three/orbit'
import { assertInDelta } from '../../helpers/assertInDelta'

describe('createOrbit', () => {
  it('starts at home, turns, zooms within its limits and resets', () => {
    const o = createOrbit()
    expect(o.state()).toEqual(ORBIT_HOME)
    o.turn(0.5, 0.1)
    assertInDelta(
      [o.state().azimuth, o.state().elevation],
      [ORBIT_HOME.azimuth + 0.5, ORBIT_HOME.elevation + 0.1],
      1e-12,
    )
    o.turn(0, 10)
    expect(o.state().elevation).toBe(ELEVATION_MAX)
    o.turn(0, -10)
    expect(o.state().elevation).toBe(ELEVATION_MIN)
    o.zoom(2)
    assertInDelta(o.state().distance, ORBIT_HOME.distance / 2, 1e-12)
    o.zoom(1000)
    expect(o.state().distance).toBe(DISTANCE_MIN)
    o.zoom(1e-6)
    expect(o.state().distance).toBe(DISTANCE_MAX)
    o.zoom(NaN)
    o.zoom(-1)
    o.turn(NaN, NaN)
    expect(o.state().distance).toBe(DISTANCE_MAX)
    o.reset()
    expect(o.state()).toEqual(ORBIT_HOME)
  })

  it('keeps the azimuth in [−π, π) however far it turns', () => {
    const o = createOrbit()
    for (let i = 0; i < 100; i++) o.turn(1, 0)
    const a = o.state().azimuth
    expect(a).toBeGreaterThanOrEqual(-Math.PI)
    expect(a).toBeLessThan(Math.PI)
    // 100 rad from home, modulo 2π.
    const expected =
      ((((ORBIT_HOME.azimuth + 100 + Math.PI) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI)) - Math.PI
    assertInDelta(a, expected, 1e-9)
  })
})
