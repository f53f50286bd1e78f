import { Component, lazy, Suspense } from 'react'
import type { ReactNode } from 'react'
import { loadSection } from '../i18n/loadLanguage'
import { loadSceneLibrary } from '../state/scene/sceneLibrary'
import { AppStoreContext, useT } from '../state/useApp'
import type { EmbedAppProps } from './EmbedApp'

// What the first screen does not need, each in its own chunk, fetched the first time it renders: the
// playground starts without waiting for the classifier lab, the lecture scenes or the export code
// (scripts/size-check.mjs holds the first screen's JS to its budget). The stores stay in the main chunk.

/** The classifier lab (the lab page, classifier scenes), with its strings (a section of their own). */
export const ClassifierLab = lazy(() =>
  Promise.all([import('../panels/ClassifierLab/ClassifierLab'), loadSection('lab')]).then(([m]) => ({
    default: m.ClassifierLab,
  })),
)

/** The list of lecture scenes; the scenes' content is fetched alongside (the list shows its own failure). */
export const ScenesHome = lazy(() => {
  void loadSceneLibrary().catch(() => undefined)
  return import('../panels/ScenesHome/ScenesHome').then((m) => ({ default: m.ScenesHome }))
})

/** An open scene's narration cards. */
export const SceneCards = lazy(() =>
  import('../panels/SceneCards/SceneCards').then((m) => ({ default: m.SceneCards })),
)

/** "Export and embed" (figures, trajectories, the iframe code); see `ExportMenuPending` for its stand-in. */
// Its lab figure names the networks in the lab's strings, which the lab (the only page it is exported from)
// has loaded.
export const ExportMenu = lazy(() =>
  import('../panels/ExportMenu/ExportMenu').then((m) => ({ default: m.ExportMenu })),
)

/** The slice tool (the loss along a line, drawn on the map or typed in), beside the surface. */
export const SlicePanel = lazy(() =>
  import('../panels/SlicePanel/SlicePanel').then((m) => ({ default: m.SlicePanel })),
)

/** The 3D view of the surface; three.js itself is a further chunk it fetches once mounted. */
export const Surface3DPanel = lazy(() =>
  import('../panels/Surface3D/Surface3DPanel').then((m) => ({ default: m.Surface3DPanel })),
)

/** The surface in the 3D modes (`surf=3d|both`): the 3D view, beside the map or alone (with the 3D panel). */
export const Surface3DArea = lazy(() =>
  import('../panels/Surface3D/Surface3DArea').then((m) => ({ default: m.Surface3DArea })),
)

/** The 2D / 3D / side-by-side switch above the surface. */
export const SurfaceModeToggle = lazy(() =>
  import('../panels/Surface3D/SurfaceModeToggle').then((m) => ({ default: m.SurfaceModeToggle })),
)

const EmbedRoot = lazy(() =>
  Promise.all([import('./EmbedApp'), loadSection('lab')]).then(([m]) => ({ default: m.EmbedApp })),
)

/**
 * `<EmbedApp>` of ./EmbedApp, fetched only for `embed=1`, with the lab it imports directly; the full app's first
 * screen never downloads either.
 */
export function EmbedApp(props: EmbedAppProps) {
  return (
    <AppStoreContext.Provider value={props.store}>
      <Deferred>
        <EmbedRoot {...props} />
      </Deferred>
    </AppStoreContext.Provider>
  )
}

/**
 * `children` once their chunk has arrived; until then `fallback` (default: a "Loading…" line) in their place,
 * and a message (`LoadFailed`) if the chunk cannot be fetched.
 */
export function Deferred({
  children,
  fallback = <Loading />,
}: {
  children: ReactNode
  fallback?: ReactNode
}) {
  return (
    <ChunkBoundary>
      <Suspense fallback={fallback}>{children}</Suspense>
    </ChunkBoundary>
  )
}

/**
 * Catches what a deferred part throws while it renders, above all a chunk that failed to arrive (offline,
 * a new deployment that removed the old files): the rest of the app keeps working and this part says so.
 */
class ChunkBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children
  }
}

/** What shows in place of a part of the app that could not be loaded, with a way to reload the page. */
export function LoadFailed() {
  const t = useT()
  return (
    <p className="notice" role="alert" data-testid="load-failed">
      {t('app.loadFailed')}{' '}
      <button type="button" onClick={() => location.reload()}>
        {t('app.reload')}
      </button>
    </p>
  )
}

/** The default stand-in: one status line in the app's language. */
export function Loading() {
  const t = useT()
  return (
    <p className="app-loading" role="status">
      {t('app.loading')}
    </p>
  )
}

/** The export menu's button, inert, while its chunk loads: the header keeps its layout. */
export function ExportMenuPending() {
  const t = useT()
  return (
    <button type="button" className="export-toggle" disabled aria-busy="true">
      {t('export.menu')} <span aria-hidden="true">▾</span>
    </button>
  )
}
