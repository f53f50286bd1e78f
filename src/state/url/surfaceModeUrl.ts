import type { Settings } from '../settings'
import { isSurfaceMode } from '../surfaceMode'
import type { SurfaceMode } from '../surfaceMode'
import type { UrlContext } from './urlContext'
import { urlProp } from './urlSchema'
import type { UrlProp } from './urlSchema'

/**
 * The row of `surf` (Settings.surfaceMode): `3d` shows the 3D view, `both` the 2D map and the 3D view side by
 * side; left out for the 2D map, so links without it keep their exact form.
 */
export const SURFACE_MODE_URL_PROP: UrlProp<Settings, UrlContext> = urlProp<
  Settings,
  SurfaceMode,
  UrlContext
>({
  key: 'surf',
  maxLength: 8,
  get: (s) => s.surfaceMode ?? '2d',
  set: (d, v) => {
    if (v === '2d') delete d.surfaceMode
    else d.surfaceMode = v
  },
  format: (v) => (v === '2d' ? undefined : v),
  parse: (raw) => (isSurfaceMode(raw) ? raw : undefined),
  fallback: () => '2d',
})
