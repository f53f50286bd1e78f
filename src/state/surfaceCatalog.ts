import { surfaceMetaList } from '../core/surfaces/meta'
import type { SurfaceMeta } from '../core/types'

/** What the store needs to know about a surface: its id, names and default view/start. */
export type SurfaceInfo = Pick<SurfaceMeta, 'id' | 'name' | 'extent' | 'start' | 'minima' | 'examples'>

/**
 * The surfaces the store may select, injected so tests (and embeds showing a subset) choose their own list.
 * `ids` keeps registry order; the first id is the fallback when a requested surface does not exist.
 */
export interface SurfaceCatalog {
  readonly ids: readonly string[]
  get(id: string): SurfaceInfo | undefined
}

/**
 * Builds a catalog from surface descriptors (an array, or a record keyed by id as a registry may export).
 * Lookups go through a `Map`, so ids such as `__proto__` or `constructor` from a URL find nothing.
 */
export function createSurfaceCatalog(
  surfaces: readonly SurfaceInfo[] | Readonly<Record<string, SurfaceInfo>>,
): SurfaceCatalog {
  const byId = new Map<string, SurfaceInfo>()
  for (const s of Object.values(surfaces)) if (!byId.has(s.id)) byId.set(s.id, s)
  if (byId.size === 0) throw new Error('createSurfaceCatalog: no surfaces')
  const ids = [...byId.keys()]
  return { ids, get: (id) => byId.get(id) }
}

/** A catalog of every surface of the core's meta registry, in menu order (what the app offers). */
export function createRegistryCatalog(): SurfaceCatalog {
  return createSurfaceCatalog(surfaceMetaList)
}
