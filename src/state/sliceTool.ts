import type { Vec2 } from '../core/types'
import { isInRule, LIMITS } from './limits'
import type { AppState } from './store'

/** A segment of parameter space: the slice tool's line, from `from` (0 %) to `to` (100 %). */
export interface SliceLine {
  from: Vec2
  to: Vec2
}

/**
 * `line` as a valid slice (a fresh copy), or undefined: four finite coordinates within `LIMITS.coordinate`
 * and two distinct end points (a line of zero length has no direction to slice along).
 */
export function validSliceLine(line: unknown): SliceLine | undefined {
  const l = line as Partial<SliceLine> | null | undefined
  const v = [l?.from?.[0], l?.from?.[1], l?.to?.[0], l?.to?.[1]]
  if (!v.every((x) => isInRule(LIMITS.coordinate, x))) return undefined
  const [x0, y0, x1, y1] = v as number[]
  if (x0 === x1 && y0 === y1) return undefined
  return { from: [x0, y0], to: [x1, y1] }
}

/** The slice tool's line, or null while the tool is closed (`Settings.slice` absent). */
export const selectSliceLine = (s: AppState): SliceLine | null => s.settings.slice ?? null

/** True while a drag on the 2D map draws the slice line (the tool is open and its draw mode on). */
export const selectSliceDrawing = (s: AppState): boolean => s.sliceDrawing && s.settings.slice !== undefined
