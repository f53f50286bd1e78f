import type { Settings } from '../settings'
import type { SurfaceCatalog } from '../surfaceCatalog'

/** What parsing needs besides the query: the surfaces that exist and the settings absent keys fall back to. */
export interface UrlContext {
  catalog: SurfaceCatalog
  defaults: Settings
}
