import type { Vec2 } from '../../core/types'
import type { AppState } from '../../state/store'

/** The point the Hessian inspector analyses, and why it is that point. */
export interface InspectTarget {
  surfaceId: string
  point: Vec2
  /** 'inspect': Shift/Alt-hovered on the surface; 'racer': the selected racer at the playhead; 'start'. */
  source: 'inspect' | 'racer' | 'start'
  /** For 'racer': whose point it is and at which step (the playhead, or the racer's last point if it stopped). */
  racerId?: string
  step?: number
}

/**
 * What the inspector looks at: the inspected point when there is one, else the selected racer's point at the
 * playhead (its last finite point when its run ended earlier, e.g. diverged), else the start point (before the
 * race has sent a point).
 */
export function inspectTargetOf(s: AppState): InspectTarget {
  const surfaceId = s.settings.surfaceId
  const inspected = s.inspectPoint
  if (inspected != null) return { surfaceId, point: [inspected[0], inspected[1]], source: 'inspect' }
  const id = s.settings.selectedRacer
  const track = s.tracks.find((tr) => tr.id === id)
  if (track !== undefined && track.count > 0) {
    const step = Math.max(0, Math.min(s.cursor, track.count - 1))
    const x = track.x[step]
    const y = track.y[step]
    if (Number.isFinite(x) && Number.isFinite(y))
      return { surfaceId, point: [x, y], source: 'racer', racerId: id, step }
  }
  return { surfaceId, point: [s.settings.start[0], s.settings.start[1]], source: 'start' }
}

/** Targets with the same key need the same analysis (the label may differ: the start is the racer's step 0). */
export function inspectKeyOf(target: InspectTarget): string {
  return `${target.surfaceId}|${target.point[0]}|${target.point[1]}`
}
