import { useEffect, useState } from 'react'
import type { PointAnalysis } from '../../core/analyzePoint'
import { useServices } from '../../state/services'
import { useAppStore } from '../../state/useApp'
import { createAnalysisRequester } from './analysisRequester'
import { inspectKeyOf, inspectTargetOf } from './inspectTarget'
import type { InspectTarget } from './inspectTarget'

/** Least time between two analyses while the inspected racer moves: at most 10 requests per second. */
export const ANALYSIS_INTERVAL_MS = 100

/** The inspector's state: the analysed point with its analysis, or why there is none yet. */
export type InspectState =
  | { status: 'pending'; target: InspectTarget | null }
  | { status: 'ok'; target: InspectTarget; analysis: PointAnalysis }
  | { status: 'error'; target: InspectTarget }

/**
 * Keeps the analysis of the inspected point (see `inspectTargetOf`) up to date: listens to the store (the
 * playhead moves every frame, so this is a subscription, not a render), asks the worker through
 * `Services.analyze` at most every 100 ms, aborts superseded requests, and publishes each result with
 * `setInspectAnalysis` for the surface's eigen-axes. The component re-renders per result, not per frame.
 */
export function useInspectAnalysis(): InspectState {
  const store = useAppStore()
  const services = useServices()
  const [state, setState] = useState<InspectState>({ status: 'pending', target: null })

  useEffect(() => {
    const requester = createAnalysisRequester<InspectTarget>({
      analyze: (target, signal) =>
        services.analyze(target.surfaceId, target.point[0], target.point[1], signal),
      keyOf: inspectKeyOf,
      onResult(target, analysis) {
        setState({ status: 'ok', target, analysis })
        store.getState().setInspectAnalysis(analysis)
      },
      onError(target) {
        setState({ status: 'error', target })
        store.getState().setInspectAnalysis(null)
      },
      minIntervalMs: ANALYSIS_INTERVAL_MS,
      now: () => performance.now(),
      setTimer: (f, ms) => setTimeout(f, ms),
      clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
    })
    requester.request(inspectTargetOf(store.getState()))
    const unsubscribe = store.subscribe((s, prev) => {
      if (
        s.inspectPoint !== prev.inspectPoint ||
        s.cursor !== prev.cursor ||
        s.version !== prev.version ||
        s.tracks !== prev.tracks ||
        s.settings.surfaceId !== prev.settings.surfaceId ||
        s.settings.start !== prev.settings.start ||
        s.settings.selectedRacer !== prev.settings.selectedRacer
      )
        requester.request(inspectTargetOf(s))
    })
    return () => {
      unsubscribe()
      requester.dispose()
      store.getState().setInspectAnalysis(null)
    }
  }, [store, services])

  return state
}
