import { useState } from 'react'
import { ChartsPanel } from '../panels/ChartsPanel/ChartsPanel'
import { ClassifierLab } from '../panels/ClassifierLab/ClassifierLab'
import { SurfacePanel } from '../panels/SurfacePanel/SurfacePanel'
import { TransportBar } from '../panels/TransportBar/TransportBar'
import { hasWebGL } from '../render/three/webglSupport'
import type { EmbedView } from '../state/url/embedView'
import type { LabStore } from '../state/lab/labStore'
import type { SceneStore } from '../state/scene/sceneStore'
import { SceneStoreContext } from '../state/scene/useScene'
import { selectLanguage, selectShareQuery } from '../state/selectors'
import { ServicesContext } from '../state/services'
import type { Services } from '../state/services'
import type { AppStore } from '../state/store'
import type { UrlNotice } from '../state/url/notices'
import { AppStoreContext, useApp, useT } from '../state/useApp'
import { Deferred, Surface3DPanel } from './deferred'
import { Notices } from './Notices'
import './EmbedApp.css'

export interface EmbedAppProps {
  store: AppStore
  services: Services
  scenes: SceneStore
  lab?: LabStore
  /** What the link asked to show (`embed=1&panel=…&controls=…`). */
  view: EmbedView
  /** What the link contained that was ignored. */
  notices: readonly UrlNotice[]
  /** The full app's link to the same settings (main.tsx: every store's query without the embed keys). */
  fullAppLink: () => string
}

/**
 * The chrome-free root of `?embed=1`, for an iframe in course notes: the one requested panel (the surface with
 * the transport bar for `controls=full|minimal`, the classifier lab, or the charts with the η schedule), filling
 * the frame at any size without ever scrolling it, and a small "open in the full playground ↗" link. A host
 * page drives it through the postMessage bridge main.tsx starts. Composition only.
 */
export function EmbedApp({ store, services, scenes, lab, view, notices, fullAppLink }: EmbedAppProps) {
  return (
    <AppStoreContext.Provider value={store}>
      <ServicesContext.Provider value={services}>
        <SceneStoreContext.Provider value={scenes}>
          <EmbedPage view={view} lab={lab} notices={notices} fullAppLink={fullAppLink} />
        </SceneStoreContext.Provider>
      </ServicesContext.Provider>
    </AppStoreContext.Provider>
  )
}

function EmbedPage({
  view,
  lab,
  notices,
  fullAppLink,
}: Pick<EmbedAppProps, 'view' | 'lab' | 'notices' | 'fullAppLink'>) {
  const t = useT()
  const language = useApp(selectLanguage)
  const { panel, controls } = view
  const transport = controls !== 'none' && (
    <div className="embed-transport">
      <TransportBar />
    </div>
  )
  return (
    <div
      className={`embed embed-panel-${panel} embed-controls-${controls}`}
      data-testid="embed-app"
      data-panel={panel}
      data-controls={controls}
      lang={language === 'zh' ? 'zh-CN' : 'en'}
    >
      <Notices notices={notices} />
      <main className="embed-main" aria-label={t('embed.region')}>
        {panel === 'surface' && <SurfacePanel />}
        {panel === 'surface3d' && <Embed3D />}
        {panel === 'schedule' && <ChartsPanel />}
        {panel === 'classifier' &&
          (lab === undefined ? <p role="alert">{t('embed.noLab')}</p> : <ClassifierLab store={lab} />)}
      </main>
      {panel !== 'classifier' && transport}
      <footer className="embed-foot">
        <FullAppLink fullAppLink={fullAppLink} />
      </footer>
    </div>
  )
}

/** The 3D view for `panel=surface3d`; where WebGL is missing, the 2D map with a note saying why. */
function Embed3D() {
  const t = useT()
  const [webgl] = useState(hasWebGL)
  if (!webgl)
    return (
      <>
        <p className="notice" role="note" data-testid="surface-mode-no-webgl">
          {t('surfaceMode.noWebGL')}
        </p>
        <SurfacePanel />
      </>
    )
  return (
    <Deferred>
      <Surface3DPanel />
    </Deferred>
  )
}

/** "Full playground ↗", in a new tab; its address follows the settings (refreshed before use). */
function FullAppLink({ fullAppLink }: { fullAppLink: () => string }) {
  const t = useT()
  // Re-render with the settings, so the address shown on hover is current.
  useApp(selectShareQuery)
  const refresh = (e: { currentTarget: HTMLAnchorElement }): void => {
    e.currentTarget.href = fullAppLink()
  }
  return (
    <a
      className="embed-open"
      data-testid="embed-open"
      href={fullAppLink()}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={t('embed.openFullLabel')}
      title={t('embed.openFullLabel')}
      onPointerDown={refresh}
      onFocus={refresh}
    >
      {t('embed.openFull')} <span aria-hidden="true">↗</span>
    </a>
  )
}
