// The only wiring point: creates the worker client, builds the linked stores from the link (createStores),
// mounts <App/>, then starts the address-bar sync and, in an embed, the host page's bridge.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { EmbedApp } from './app/deferred' // lazy: only embeds fetch it
import './app/layout.css'
import { createStores } from './state/createStores'
import { createBrowserVault } from './state/lab/dataVaultIdb'
import { loadSceneLibrary, queryNamesScene } from './state/scene/sceneLibrary'
import type { Services } from './state/services'
import { createRegistryCatalog } from './state/surfaceCatalog'
import { stripEmbedQuery } from './state/url/embedView'
import { composeQuery, ShareLinkContext, shareLink, startUrlSync } from './state/urlSync'
import { createWorkerClient } from './worker/client'
import { createExploreClient } from './worker/exploreClient'
import { NET_SURFACE_ID } from './core/landscape/netSurface.meta'
import { toNetSurfaceSpec } from './state/netSurfaceSettings'

const client = createWorkerClient()
// The network surface (#12) is one registry id whose network the settings name: its grids and analyses carry
// that network's spec, read when asked.
const netOf = (surface: string) => {
  const net = surface === NET_SURFACE_ID ? app.getState().settings.net : undefined
  return net === undefined ? undefined : { net: toNetSurfaceSpec(net) }
}
const services: Services = {
  requestGrid: (surface, extent, nx, ny, signal, options) =>
    client.requestGrid(surface, extent, nx, ny, { signal, ...options, ...netOf(surface) }),
  analyze: (surface, x, y, signal) => client.analyze(surface, x, y, { signal, ...netOf(surface) }),
  explore: createExploreClient(client),
  noiseCloud: (surface, x, y, size, seed, signal) => client.noiseCloud(surface, x, y, size, seed, { signal }),
}

// A link that names a scene (an embed's too) opens it: its content (a chunk of its own) comes first. If it
// cannot be fetched the app still starts, and the scenes page says so.
if (queryNamesScene(location.search)) await loadSceneLibrary().catch(() => undefined)

const { app, lab, scenes, notices, queryParts, embed } = createStores({
  raceDriver: client,
  trainDriver: client.train,
  catalog: createRegistryCatalog(),
  search: location.search,
  languages: navigator.languages ?? [navigator.language],
  vault: createBrowserVault(),
})

// `embed=1`: the chrome-free view for an iframe in course notes, driven by its host page over postMessage.
if (embed !== undefined) document.documentElement.classList.add('embedded')
const fullAppLink = (): string =>
  `${location.origin}${location.pathname}?${stripEmbedQuery(composeQuery(queryParts))}`

const mount = (): void =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ShareLinkContext.Provider value={() => shareLink(queryParts)}>
        {embed === undefined ? (
          <App store={app} services={services} notices={notices} scenes={scenes} lab={lab} />
        ) : (
          <EmbedApp
            store={app}
            services={services}
            scenes={scenes}
            lab={lab}
            view={embed}
            notices={notices}
            fullAppLink={fullAppLink}
          />
        )}
      </ShareLinkContext.Provider>
    </StrictMode>,
  )

// The strings of the link's or the browser's language come before the first render (zh is a chunk of its
// own; the page never flashes English); if they cannot be loaded the app starts in English and says so. Not a
// top-level await: lazy chunks import shared modules from this entry, which must finish evaluating first.
void app.getState().settleLanguage().then(mount)

startUrlSync(queryParts)
if (embed !== undefined) {
  // The host page's bridge is fetched only for `embed=1`; the full app never downloads it.
  const [{ startEmbedBridge }, { createLabPlayback }, { createRacePlayback }, { createDocumentContentSize }] =
    await Promise.all([
      import('./embed/bridge'),
      import('./embed/labPlayback'),
      import('./embed/playback'),
      import('./embed/contentSize'),
    ])
  startEmbedBridge({
    self: window,
    parent: window.parent,
    view: embed,
    app,
    scenes,
    playback: embed.panel === 'classifier' ? createLabPlayback(lab) : createRacePlayback(app),
    contentSize: createDocumentContentSize(document),
  })
}
