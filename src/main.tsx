// The only wiring point: creates the worker client, builds the linked stores from the link (createStores),
// mounts <App/>, then starts the address-bar sync and, in an embed, the host page's bridge.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { EmbedApp } from './app/deferred' // lazy: only embeds fetch it
import './app/layout.css'
import { startEmbedBridge } from './embed/bridge'
import { createLabPlayback } from './embed/labPlayback'
import { createRacePlayback } from './embed/playback'
import { createStores } from './state/createStores'
import type { Services } from './state/services'
import { createRegistryCatalog } from './state/surfaceCatalog'
import { stripEmbedQuery } from './state/url/embedView'
import { composeQuery, ShareLinkContext, shareLink, startUrlSync } from './state/urlSync'
import { createWorkerClient } from './worker/client'

const client = createWorkerClient()
const services: Services = {
  requestGrid: (surface, extent, nx, ny, signal, options) =>
    client.requestGrid(surface, extent, nx, ny, { signal, ...options }),
  analyze: (surface, x, y, signal) => client.analyze(surface, x, y, { signal }),
}

const { app, lab, scenes, notices, queryParts, embed } = createStores({
  raceDriver: client,
  trainDriver: client.train,
  catalog: createRegistryCatalog(),
  search: location.search,
  languages: navigator.languages ?? [navigator.language],
})

// `embed=1`: the chrome-free view for an iframe in course notes, driven by its host page over postMessage.
if (embed !== undefined) document.documentElement.classList.add('embedded')
const fullAppLink = (): string =>
  `${location.origin}${location.pathname}?${stripEmbedQuery(composeQuery(queryParts))}`

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

startUrlSync(queryParts)
if (embed !== undefined) {
  startEmbedBridge({
    self: window,
    parent: window.parent,
    view: embed,
    app,
    scenes,
    playback: embed.panel === 'classifier' ? createLabPlayback(lab) : createRacePlayback(app),
  })
}
