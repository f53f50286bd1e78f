/**
 * The 3D view's camera as an orbit around the surface's centre: azimuth (radians, 0 = looking along −z, i.e.
 * from the map's bottom edge, positive turns the viewer to the right), elevation (radians above the plane,
 * clamped to [ELEVATION_MIN, ELEVATION_MAX] so the camera never goes under the surface or flips over the top)
 * and distance (world units, clamped to [DISTANCE_MIN, DISTANCE_MAX]). Plain numbers: the mouse, touch and
 * keyboard handlers all go through `turn` and `zoom`, and `reset` returns to `ORBIT_HOME`.
 */
export interface OrbitState {
  azimuth: number
  elevation: number
  distance: number
}

export interface Orbit {
  state(): Readonly<OrbitState>
  turn(dAzimuth: number, dElevation: number): void
  /** Divides the distance by `factor` (> 1 moves closer), within the limits. */
  zoom(factor: number): void
  reset(): void
}

export const ELEVATION_MIN = 0.05
export const ELEVATION_MAX = 1.5
export const DISTANCE_MIN = 1.2
export const DISTANCE_MAX = 9
/** Where the camera starts: from the front left, 35° up, the whole surface in view. */
export const ORBIT_HOME: Readonly<OrbitState> = { azimuth: -0.6, elevation: 0.62, distance: 3.6 }

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v))

export function createOrbit(home: Readonly<OrbitState> = ORBIT_HOME): Orbit {
  const s: OrbitState = { ...home }
  return {
    state: () => s,
    turn(dAzimuth, dElevation) {
      if (Number.isFinite(dAzimuth))
        s.azimuth = ((((s.azimuth + dAzimuth + Math.PI) % TWO_PI) + TWO_PI) % TWO_PI) - Math.PI
      if (Number.isFinite(dElevation))
        s.elevation = clamp(s.elevation + dElevation, ELEVATION_MIN, ELEVATION_MAX)
    },
    zoom(factor) {
      if (factor > 0 && Number.isFinite(factor))
        s.distance = clamp(s.distance / factor, DISTANCE_MIN, DISTANCE_MAX)
    },
    reset() {
      Object.assign(s, home)
    },
  }
}

const TWO_PI = 2 * Math.PI
