import { detectLanguage } from '../i18n/translate'
import type { DataVault } from './lab/dataVault'
import { createDefaultLabSettings } from './lab/labSettings'
import { createLabStore } from './lab/labStore'
import type { LabStore } from './lab/labStore'
import { parseLabUrl, serializeLabUrl, splitLabQuery } from './lab/labUrl'
import type { TrainDriver } from './lab/trainDriver'
import type { InterpolationDriver, LandscapeDriver } from '../worker/protocol'
import type { RaceDriver } from './raceDriver'
import { loadedSceneLibrary } from './scene/sceneLibrary'
import type { SceneLibrary } from './scene/sceneLibrary'
import { createSceneStore } from './scene/sceneStore'
import type { SceneStore } from './scene/sceneStore'
import { parseSceneUrl } from './scene/sceneUrl'
import { selectShareQuery } from './selectors'
import { createDefaultSettings } from './settings'
import { createAppStore } from './store'
import type { AppStore } from './store'
import { createRegistryCatalog } from './surfaceCatalog'
import type { SurfaceCatalog } from './surfaceCatalog'
import type { EmbedView } from './url/embedView'
import type { UrlNotice } from './url/notices'
import type { QueryPart } from './urlSync'

/** What the stores are built from: the worker behind its two drivers, and what the page was opened with. */
export interface StoreInputs {
  /** The race side of the worker (main.tsx passes the worker client itself, tests a fake). */
  raceDriver: RaceDriver
  /** The training side of the worker (`client.train`). */
  /** The lab's driver; with `landscape`, the lab also draws the networks' loss landscapes (#12). */
  trainDriver: TrainDriver & Partial<LandscapeDriver & InterpolationDriver>
  /** The surfaces to offer; default: every surface of the core registry. */
  catalog?: SurfaceCatalog
  /** The page's query (`location.search`): the playground's keys and the lab's (`lab`, `l.*`). */
  search: string
  /** The browser's preferred languages (`navigator.languages`): the language when the link names none. */
  languages: readonly string[]
  /**
   * The lecture scenes' content (default: the page's, if fetched). A link that names a scene needs it to open
   * the scene's set-up: main.tsx awaits `loadSceneLibrary()` first; without it the scenes page fetches it.
   */
  sceneLibrary?: SceneLibrary
  /** Fetches the lab's dot.csv (default: `fetch`). */
  fetchText?: (url: string) => Promise<string>
  /** Where the lab keeps users' CSV files across reloads (main.tsx: IndexedDB; default: in memory). */
  vault?: DataVault
}

/** The app's three stores, linked, with what the link asked for. */
export interface Stores {
  app: AppStore
  lab: LabStore
  scenes: SceneStore
  /** What the playground's part of the link asked for that was ignored (the lab's are in `lab.notices`). */
  notices: UrlNotice[]
  /** The address bar's query, one part per store with a link schema: the playground's, then the lab's. */
  queryParts: readonly QueryPart[]
  /** The embedded view (`embed=1`), or undefined for the full app. */
  embed: EmbedView | undefined
  /** Cuts the links and detaches every store from the worker. */
  dispose(): void
}

/** True when a link carries lab keys that differ from the lab's defaults: it was shared from the lab. */
function isLabLink(labQuery: string): boolean {
  return labQuery !== '' && labQuery !== serializeLabUrl(createDefaultLabSettings())
}

/**
 * Builds the app store, the lab's and the scene store from one link, and keeps them in step: one language
 * for the whole app (the playground's setting, which is in the link, drives the lab's), one query made of
 * both stores' keys, the scene store walking both. The link decides what shows first: a scene it names, the
 * lab page for a lab link, else the playground; the race starts only where one is on screen (an embed of the
 * classifier, the lab page and the list of scenes start none until the playground is shown).
 */
export function createStores(inputs: StoreInputs): Stores {
  const catalog = inputs.catalog ?? createRegistryCatalog()
  // Each schema reads only its own keys, so neither parser reports the other's as unknown.
  const { lab: labQuery, rest: playgroundQuery } = splitLabQuery(inputs.search)
  const defaults = createDefaultSettings(catalog, detectLanguage(inputs.languages))
  // A link naming a scene (`scene=…&card=…`) opens it as the lecture does; other keys override the scene's.
  const library = inputs.sceneLibrary ?? loadedSceneLibrary() ?? undefined
  const { settings, notices } = parseSceneUrl(playgroundQuery, { catalog, defaults, library })
  const app = createAppStore({ driver: inputs.raceDriver, catalog, initialSettings: settings })
  const labLink = parseLabUrl(labQuery)
  const lab = createLabStore(inputs.trainDriver, {
    initialSettings: labLink.settings,
    notices: labLink.notices,
    language: settings.language,
    ...(inputs.fetchText !== undefined && { fetchText: inputs.fetchText }),
    ...(inputs.vault !== undefined && { vault: inputs.vault }),
  })
  const unlinkLanguage = app.subscribe((s, prev) => {
    if (s.settings.language !== prev.settings.language) lab.getState().setLanguage(s.settings.language)
  })
  const queryParts: QueryPart[] = [
    {
      read: () => selectShareQuery(app.getState()),
      subscribe: (on) => app.subscribe((s, p) => s.settings !== p.settings && on()),
    },
    {
      read: () => serializeLabUrl(lab.getState().settings),
      subscribe: (on) => lab.subscribe((s, p) => s.settings !== p.settings && on()),
    },
  ]
  const scenes = createSceneStore({ app, lab, ...(library !== undefined && { library }) })

  const embed = settings.embed
  if (embed === undefined) {
    if (isLabLink(labQuery) && settings.scene === undefined) scenes.getState().showPage('classifier')
    if (scenes.getState().playbackTarget() === 'race') app.getState().restartIfNeeded()
  } else if (embed.panel !== 'classifier') {
    // An embed shows one panel: the race plays unless that panel is the classifier lab.
    app.getState().restartIfNeeded()
  }

  return {
    app,
    lab,
    scenes,
    notices,
    queryParts,
    embed,
    dispose() {
      unlinkLanguage()
      scenes.getState().dispose()
      lab.getState().dispose()
      app.getState().disposeRace()
    },
  }
}
