import type { StateCreator } from 'zustand/vanilla'
import type { PointAnalysis } from '../../core/analyzePoint'
import type { Vec2 } from '../../core/types'
import type { AppState } from '../store'

/**
 * The Hessian inspector's point. The SurfacePanel sets `inspectPoint` (Shift/Alt-hover, or a long press on
 * touch) and draws the eigen-axes of `inspectAnalysis`; the HessianPanel analyses `inspectPoint` (or, when it is
 * null, the selected racer's current point) through `Services.analyze` and stores the result here. Not part of
 * the settings: a link does not carry it.
 */
export interface InspectSlice {
  /** The point of parameter space being inspected, or null to follow the selected racer. */
  inspectPoint: Vec2 | null
  /** The analysis the HessianPanel last received (of `inspectPoint`, or of the selected racer's point). */
  inspectAnalysis: PointAnalysis | null
  /** Sets the inspected point (ignored unless both coordinates are finite), or null to follow the racer. */
  setInspectPoint(point: Vec2 | null): void
  setInspectAnalysis(analysis: PointAnalysis | null): void
}

export function createInspectSlice(): StateCreator<AppState, [], [], InspectSlice> {
  return (set, get) => ({
    inspectPoint: null,
    inspectAnalysis: null,

    setInspectPoint(point) {
      if (point === null) {
        if (get().inspectPoint !== null) set({ inspectPoint: null })
        return
      }
      const x = point?.[0]
      const y = point?.[1]
      if (!(Number.isFinite(x) && Number.isFinite(y))) return
      const old = get().inspectPoint
      if (old === null || old[0] !== x || old[1] !== y) set({ inspectPoint: [x, y] })
    },

    setInspectAnalysis(analysis) {
      set({ inspectAnalysis: analysis })
    },
  })
}
