import type { Settings } from '../settings'
import type { SurfaceCatalog } from '../surfaceCatalog'
import type { UrlNotice } from '../url/notices'
import { splitQuery } from '../url/tokens'
import { parseUrl } from '../urlState'
import { loadedSceneLibrary } from './sceneLibrary'
import type { SceneLibrary } from './sceneLibrary'
import { settingsWithSetup, setupBeforeCard } from './sceneSettings'

/**
 * Reads a link like `parseUrl`, and when it names a scene (`scene=…&card=…`) the keys it leaves out take
 * that card's set-up instead of `defaults`: so `?scene=momentum-ball` opens the scene as the lecture does
 * (its surface, start, racers, view, speed, arrows), while a full shared link still comes back exactly. The
 * start follows the scene as long as the link does not switch the surface. The scenes' content comes from
 * `options.library` (default: the page's, once fetched); without it the link is read as `parseUrl` reads it
 * (the scene and card kept, the set-up not), which happens only when its fetch failed.
 */
export function parseSceneUrl(
  query: string,
  options: { catalog: SurfaceCatalog; defaults: Settings; library?: SceneLibrary | null },
): { settings: Settings; notices: UrlNotice[] } {
  const first = parseUrl(query, options)
  const { scene: id, card } = first.settings
  const library = options.library ?? loadedSceneLibrary()
  const scene = id === undefined ? undefined : library?.findScene(id)
  if (scene === undefined) return first
  const opening = settingsWithSetup(options.defaults, scene, setupBeforeCard(scene, card ?? 0), {
    mode: 'open',
    card: card ?? 0,
  })
  if (options.catalog.get(opening.surfaceId) === undefined) return first
  const again = parseUrl(query, { catalog: options.catalog, defaults: opening })
  const keys = new Set(splitQuery(query).map((p) => p.key))
  if (!keys.has('start') && again.settings.surfaceId === opening.surfaceId)
    again.settings.start = [opening.start[0], opening.start[1]]
  // Likewise what the scene's steps count (epochs or updates) when the link does not say.
  if (!keys.has('count') && opening.count !== undefined) again.settings.count = opening.count
  return again
}
