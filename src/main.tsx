// The only wiring point: creates the worker client, adapts it to the stores' and panels' interfaces, reads
// the link, mounts <App/>. Everything below receives its dependencies from here.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { EmbedApp } from './app/EmbedApp'
import './app/layout.css'
import { startEmbedBridge } from './embed/bridge'
import { stripEmbedQuery } from './state/url/embedView'
import { createLabPlayback } from './embed/labPlayback'
import { createRacePlayback } from './embed/playback'
import { detectLanguage } from './i18n/translate'
import { createDefaultLabSettings } from './state/lab/labSettings'
import { createLabStore } from './state/lab/labStore'
import { createSceneStore } from './state/scene/sceneStore'
import { parseSceneUrl } from './state/scene/sceneUrl'
import { parseLabUrl, serializeLabUrl, splitLabQuery } from './state/lab/labUrl'
import { selectShareQuery } from './state/selectors'
import type { Services } from './state/services'
import { createDefaultSettings } from './state/settings'
import { createAppStore } from './state/store'
import { createRegistryCatalog } from './state/surfaceCatalog'
import { composeQuery, ShareLinkContext, shareLink, startUrlSync } from './state/urlSync'
import type { QueryPart } from './state/urlSync'
import { createWorkerClient } from './worker/client'

const client = createWorkerClient()
const services: Services = {
  requestGrid: (surface, extent, nx, ny, signal, options) =>
    client.requestGrid(surface, extent, nx, ny, { signal, ...options }),
  analyze: (surface, x, y, signal) => client.analyze(surface, x, y, { signal }),
}

// The link holds the playground's keys and the lab's (`lab`, `l.*`); each schema reads only its own.
const { lab: labQuery, rest: playgroundQuery } = splitLabQuery(location.search)
const catalog = createRegistryCatalog()
const defaults = createDefaultSettings(catalog, detectLanguage(navigator.languages ?? [navigator.language]))
// A link naming a scene (`scene=…&card=…`) opens it as the lecture does; other keys override the scene's.
const { settings, notices } = parseSceneUrl(playgroundQuery, { catalog, defaults })
const store = createAppStore({ driver: client, catalog, initialSettings: settings })
const lab = parseLabUrl(labQuery)
const labStore = createLabStore(client.train, {
  initialSettings: lab.settings,
  notices: lab.notices,
  language: settings.language,
})
// One language for the whole app: the playground's setting (it is in the link) drives the lab's.
store.subscribe((s, prev) => {
  if (s.settings.language !== prev.settings.language) labStore.getState().setLanguage(s.settings.language)
})

const queryParts: QueryPart[] = [
  {
    read: () => selectShareQuery(store.getState()),
    subscribe: (on) => store.subscribe((s, p) => s.settings !== p.settings && on()),
  },
  {
    read: () => serializeLabUrl(labStore.getState().settings),
    subscribe: (on) => labStore.subscribe((s, p) => s.settings !== p.settings && on()),
  },
]
startUrlSync(queryParts)
const scenes = createSceneStore({ app: store, lab: labStore })
// `embed=1`: the chrome-free view for an iframe in course notes, driven by its host page over postMessage.
const embed = settings.embed
if (embed !== undefined) document.documentElement.classList.add('embedded')
const fullAppLink = (): string =>
  `${location.origin}${location.pathname}?${stripEmbedQuery(composeQuery(queryParts))}`

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ShareLinkContext.Provider value={() => shareLink(queryParts)}>
      {embed === undefined ? (
        <App store={store} services={services} notices={notices} scenes={scenes} lab={labStore} />
      ) : (
        <EmbedApp
          store={store}
          services={services}
          scenes={scenes}
          lab={labStore}
          view={embed}
          notices={notices}
          fullAppLink={fullAppLink}
        />
      )}
    </ShareLinkContext.Provider>
  </StrictMode>,
)
if (embed === undefined) {
  // A link whose lab keys differ from the lab's defaults (and names no scene) was shared from the lab: open it.
  const labChanged = labQuery !== '' && labQuery !== serializeLabUrl(createDefaultLabSettings())
  if (labChanged && settings.scene === undefined) scenes.getState().showPage('classifier')
  // Start the race only where one is shown (not behind the lab or the scene list).
  if (scenes.getState().playbackTarget() === 'race') store.getState().restartIfNeeded()
} else {
  // An embed shows one panel: the race plays unless that panel is the classifier lab.
  if (embed.panel !== 'classifier') store.getState().restartIfNeeded()
  startEmbedBridge({
    self: window,
    parent: window.parent,
    view: embed,
    app: store,
    scenes,
    playback: embed.panel === 'classifier' ? createLabPlayback(labStore) : createRacePlayback(store),
  })
}
