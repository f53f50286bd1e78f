// The only wiring point: creates the worker client, adapts it to the store's and panels' interfaces, reads
// the link, mounts <App/>. Everything below receives its dependencies from here.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import './app/layout.css'
import { detectLanguage } from './state/i18n/translate'
import type { Services } from './state/services'
import { createDefaultSettings } from './state/settings'
import { createAppStore } from './state/store'
import { createRegistryCatalog } from './state/surfaceCatalog'
import { startUrlSync } from './state/urlSync'
import { parseUrl } from './state/urlState'
import { createWorkerClient } from './worker/client'

const client = createWorkerClient()
const services: Services = {
  requestGrid: (surface, extent, nx, ny, signal, options) =>
    client.requestGrid(surface, extent, nx, ny, { signal, ...options }),
  analyze: (surface, x, y, signal) => client.analyze(surface, x, y, { signal }),
}

const catalog = createRegistryCatalog()
const defaults = createDefaultSettings(catalog, detectLanguage(navigator.languages ?? [navigator.language]))
const { settings, notices } = parseUrl(location.search, { catalog, defaults })
const store = createAppStore({ driver: client, catalog, initialSettings: settings })
startUrlSync(store)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} services={services} notices={notices} />
  </StrictMode>,
)
store.getState().restartIfNeeded()
