import type { AppState } from './store'

/**
 * How the error surface is shown: the 2D contour map (the default), the 3D view, or both side by side
 * (`surf=3d`, `surf=both` in a link; `Settings.surfaceMode` is absent for 2D).
 */
export type SurfaceMode = '2d' | '3d' | 'both'
export const SURFACE_MODES: readonly SurfaceMode[] = ['2d', '3d', 'both']

export function isSurfaceMode(v: unknown): v is SurfaceMode {
  return typeof v === 'string' && (SURFACE_MODES as readonly string[]).includes(v)
}

/** The mode the settings ask for ('2d' when unset). */
export const selectSurfaceMode = (s: AppState): SurfaceMode => s.settings.surfaceMode ?? '2d'
