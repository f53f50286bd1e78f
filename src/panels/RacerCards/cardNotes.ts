import { optimizers } from '../../core/optimizers'
import type { Bilingual, Convention, OptimizerKind } from '../../core/types'
import type { RaceScheduleSpec } from '../../state/scheduleRules'
import type { RacerSettings } from '../../state/settings'

/** Something to notice under a formula card; the component words it in the current language. */
export type CardNote =
  /** The registry's note for this kind and convention (first-step identities, missing ε, …). */
  | { kind: 'rule'; text: Bilingual }
  /** Momentum under a non-constant schedule: where η_t enters differs between the lecture and the frameworks. */
  | { kind: 'momentumSchedule' }
  /** Another racer runs the same kind in another convention: same name, different arithmetic. */
  | { kind: 'sameKind'; other: RacerSettings }
  /** The lecture's RMS Adagrad with η/√(t+1) is exactly the 2017 lecture's sum-of-squares Adagrad. */
  | { kind: 'adagradInverseSqrt' }
  /** L2 weight decay λ_wd > 0 is added to g before the rule (every kind but AdamW and Newton). */
  | { kind: 'weightDecay'; value: number }

/** The kinds whose `weightDecay` is the L2 term λ_wd·θ added to g (AdamW decouples it; Newton has none). */
export function addsWeightDecayToGradient(racer: RacerSettings): boolean {
  const wd = racer.optimizer.weightDecay
  return wd !== undefined && wd > 0 && racer.optimizer.kind !== 'adamw' && racer.optimizer.kind !== 'newton'
}

/**
 * True when two conventions of a kind compute the same thing: the same TeX rule and the same hyper-parameter
 * defaults apart from η (e.g. SGD and Newton everywhere, Adam in the lecture and in PyTorch), so a note about
 * "different arithmetic" would be false.
 */
export function sameArithmetic(kind: OptimizerKind, a: Convention, b: Convention): boolean {
  const ra = optimizers[kind]?.conventions[a]
  const rb = optimizers[kind]?.conventions[b]
  if (ra === undefined || rb === undefined) return a === b
  const defaults = (r: typeof ra) =>
    r.hyperParams
      .filter((p) => p.key !== 'lr')
      .map((p) => `${p.key}=${p.default}`)
      .join()
  return ra.rule === rb.rule && defaults(ra) === defaults(rb)
}

/**
 * What a card should point out for `racer` in this race: its rule's note, then the conventions' differences
 * that matter here (momentum under a schedule, another racer of the same kind in another convention, the
 * 2017 Adagrad identity, L2 weight decay).
 */
export function cardNotes(
  racer: RacerSettings,
  shared: RaceScheduleSpec,
  racers: readonly RacerSettings[],
): CardNote[] {
  const { kind } = racer.optimizer
  const convention = racer.optimizer.convention ?? 'lecture'
  const schedule = racer.schedule ?? shared
  const notes: CardNote[] = []
  const note = optimizers[kind]?.conventions[convention]?.note
  if (note !== undefined) notes.push({ kind: 'rule', text: note })
  if (kind === 'momentum' && schedule.kind !== 'constant') notes.push({ kind: 'momentumSchedule' })
  const other = racers.find(
    (r) =>
      r.id !== racer.id &&
      r.optimizer.kind === kind &&
      !sameArithmetic(kind, convention, r.optimizer.convention ?? 'lecture'),
  )
  if (other !== undefined) notes.push({ kind: 'sameKind', other })
  if (kind === 'adagrad' && convention === 'lecture' && schedule.kind === 'inverse-sqrt')
    notes.push({ kind: 'adagradInverseSqrt' })
  if (addsWeightDecayToGradient(racer))
    notes.push({ kind: 'weightDecay', value: racer.optimizer.weightDecay! })
  return notes
}
