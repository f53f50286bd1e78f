import { updatesPerEpoch } from '../../core/miniBatch.meta'
import type { RacerSettings, StepUnit } from '../../state/settings'

/**
 * The charts' x-axis in updates or epochs (issue #10). On a data surface (its meta states `examples` = N) a
 * racer with batch size B makes ⌈N/B⌉ updates per epoch, so with the axis in epochs its point k (after k
 * updates) sits at x = k/⌈N/B⌉; a full-batch racer, and every racer on a surface without examples, makes one
 * update per epoch (x = k). With the axis in updates, x = k for everyone.
 */
export function xPerUpdate(
  unit: StepUnit,
  examples: number | undefined,
  racer: Pick<RacerSettings, 'batch'>,
): number {
  return unit === 'epochs' ? 1 / updatesPerEpoch(examples, racer.batch) : 1
}

/** The x (in the axis' unit) of update k of a racer whose points are `perUpdate` apart. */
export function xOfUpdate(k: number, perUpdate: number): number {
  return k * perUpdate
}

/** The update of a racer nearest to x on the axis (clamped to 0 … last). */
export function updateAtX(x: number, perUpdate: number, last: number): number {
  const k = Math.round(x / perUpdate + 1e-9)
  return Math.max(0, Math.min(k, Math.floor(last)))
}

/** Whether the Updates / Epochs toggle means anything: some racer has a batch size, or steps count epochs. */
export function epochAxisApplies(
  racers: readonly Pick<RacerSettings, 'batch'>[],
  count: 'epochs' | undefined,
  examples: number | undefined,
): boolean {
  return count === 'epochs' || (examples !== undefined && racers.some((r) => r.batch !== undefined))
}
