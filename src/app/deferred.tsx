import { lazy, Suspense } from 'react'
import type { ReactNode } from 'react'
import { AppStoreContext, useT } from '../state/useApp'
import type { EmbedAppProps } from './EmbedApp'

// What the first screen does not need, each in its own chunk, fetched the first time it renders: the
// playground starts without waiting for the classifier lab, the lecture scenes or the export code
// (scripts/size-check.mjs holds the first screen's JS to its budget). The stores stay in the main chunk.

/** The classifier lab (the lab page, classifier scenes). */
export const ClassifierLab = lazy(() =>
  import('../panels/ClassifierLab/ClassifierLab').then((m) => ({ default: m.ClassifierLab })),
)

/** The list of lecture scenes. */
export const ScenesHome = lazy(() =>
  import('../panels/ScenesHome/ScenesHome').then((m) => ({ default: m.ScenesHome })),
)

/** An open scene's narration cards. */
export const SceneCards = lazy(() =>
  import('../panels/SceneCards/SceneCards').then((m) => ({ default: m.SceneCards })),
)

/** "Export and embed" (figures, trajectories, the iframe code); see `ExportMenuPending` for its stand-in. */
export const ExportMenu = lazy(() =>
  import('../panels/ExportMenu/ExportMenu').then((m) => ({ default: m.ExportMenu })),
)

const EmbedRoot = lazy(() => import('./EmbedApp').then((m) => ({ default: m.EmbedApp })))

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

/** `children` once their chunk has arrived; until then `fallback` (default: a "Loading…" line) in their place. */
export function Deferred({
  children,
  fallback = <Loading />,
}: {
  children: ReactNode
  fallback?: ReactNode
}) {
  return <Suspense fallback={fallback}>{children}</Suspense>
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
