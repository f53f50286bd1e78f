import { usePresenterKeys } from '../panels/PresenterKeys/usePresenterKeys'
import type { LabStore } from '../state/lab/labStore'
import type { SceneStore } from '../state/scene/sceneStore'
import { SceneStoreContext, selectPage, useOpenScene, useScene, useSceneStore } from '../state/scene/useScene'
import { selectPresenter } from '../state/selectors'
import type { UrlNotice } from '../state/url/notices'
import type { Services } from '../state/services'
import { ServicesContext } from '../state/services'
import type { AppStore } from '../state/store'
import { AppStoreContext, useApp, useAppStore } from '../state/useApp'
import { NET_SURFACE_ID } from '../core/landscape/netSurface.meta'
import { ClassifierLab, Deferred, ExportMenu, ExportMenuPending, ScenesHome } from './deferred'
import { Header } from './Header'
import { HelpOverlayOnDemand } from './HelpOverlayOnDemand'
import { Notices } from './Notices'
import { Playground } from './Playground'
import { useDocumentLang } from './useDocumentLang'
import './presenter.css'

export interface AppProps {
  store: AppStore
  services: Services
  /** What the link contained that was ignored (shown once, dismissible). */
  notices: readonly UrlNotice[]
  /** Lecture mode (pages, scenes, cards, help), built on `store` by main.tsx. */
  scenes: SceneStore
  /** The classifier lab's store; without it the lab page and the lab of classifier scenes are left out. */
  lab?: LabStore
}

/** Composes the pages; no logic of its own. */
export function App({ store, services, notices, scenes, lab }: AppProps) {
  return (
    <AppStoreContext.Provider value={store}>
      <ServicesContext.Provider value={services}>
        <SceneStoreContext.Provider value={scenes}>
          <Pages notices={notices} lab={lab} />
        </SceneStoreContext.Provider>
      </ServicesContext.Provider>
    </AppStoreContext.Provider>
  )
}

/**
 * The page the scene store names (an open scene: the playground with its cards), in presenter mode or not.
 */
function Pages({ notices, lab }: { notices: readonly UrlNotice[]; lab?: LabStore }) {
  const page = useScene(selectPage)
  const scene = useOpenScene()
  const presenter = useApp(selectPresenter)
  const scenes = useSceneStore()
  const appStore = useAppStore()
  usePresenterKeys()
  useDocumentLang()
  const labView =
    lab === undefined ? null : (
      <Deferred>
        <ClassifierLab
          store={lab}
          onRaceOnSlice={(net) => {
            // The playground on this network's slice, from its default view and start (#12).
            const app = appStore.getState()
            const meta = app.catalog.get(NET_SURFACE_ID)
            if (meta === undefined) return
            app.loadSettings({
              ...app.settings,
              surfaceId: NET_SURFACE_ID,
              view: null,
              start: [meta.start[0], meta.start[1]],
              net,
            })
            scenes.getState().showPage('playground')
          }}
        />
      </Deferred>
    )
  return (
    <div className={presenter ? 'app presenter' : 'app'} data-page={page}>
      <Header
        page={page}
        onPage={(p) => scenes.getState().showPage(p)}
        tools={
          <Deferred fallback={<ExportMenuPending />}>
            <ExportMenu
              lab={page === 'classifier' || scene?.panels.includes('classifier') ? lab : undefined}
            />
          </Deferred>
        }
      />
      <Notices notices={notices} />
      <main className="app-main" id="app-main" tabIndex={-1}>
        {page === 'playground' && <Playground />}
        {page === 'scenes' &&
          (scene === null ? (
            <Deferred>
              <ScenesHome />
            </Deferred>
          ) : (
            <Playground scene={scene} lab={labView} />
          ))}
        {page === 'classifier' && labView}
      </main>
      <HelpOverlayOnDemand />
    </div>
  )
}
