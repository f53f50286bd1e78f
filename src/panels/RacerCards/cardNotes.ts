import { getScheduleMeta, optimizerMeta } from '../../core/meta'
import type { OptimizerCardNote } from '../../core/meta'
import type { Bilingual, Convention, OptimizerKind } from '../../core/types'
import type { RaceScheduleSpec } from '../../state/scheduleRules'
import type { RacerSettings } from '../../state/settings'

/** Something to notice under a formula card; the component words it in the current language. */
export type CardNote =
  /** The registry's note for this kind and convention (first-step identities, missing ε, …). */
  | { kind: 'rule'; text: Bilingual }
  /** Another racer runs the same kind in another convention: same name, different arithmetic. */
  | { kind: 'sameKind'; other: RacerSettings }
  /** L2 weight decay λ_wd > 0 is added to g before the rule (every kind but AdamW and Newton). */
  | { kind: 'weightDecay'; value: number }
  /**
   * A note of the kind's meta whose condition this race meets (`OptimizerCardNote`), e.g. `momentumSchedule`
   * (momentum under a schedule) or `adagradInverseSqrt` (the 2017 identity); `kind` is the note's id.
   */
  | EntryNote

/** A card note declared in an optimizer's meta: its id as `kind`, and its text. */
export interface EntryNote {
  kind: string
  text: Bilingual
  entry: true
}

/**
 * True when the racer's `weightDecay` is the L2 term λ_wd·θ added to g: it is set, its convention reads it,
 * and the kind does not decouple it (AdamW's meta says it does; Newton reads none).
 */
export function addsWeightDecayToGradient(racer: RacerSettings): boolean {
  const { kind, convention, weightDecay: wd } = racer.optimizer
  const meta = optimizerMeta[kind]
  if (meta === undefined || wd === undefined || !(wd > 0)) return false
  const reads = meta.conventions[convention ?? 'lecture']?.hyperParams.some((p) => p.key === 'weightDecay')
  return reads === true && meta.capabilities.decoupledWeightDecay !== true
}

/**
 * True when two conventions of a kind compute the same thing: the same TeX rule and the same hyper-parameter
 * defaults apart from η (e.g. SGD and Newton everywhere, Adam in the lecture and in PyTorch), so a note about
 * "different arithmetic" would be false.
 */
export function sameArithmetic(kind: OptimizerKind, a: Convention, b: Convention): boolean {
  const ra = optimizerMeta[kind]?.conventions[a]
  const rb = optimizerMeta[kind]?.conventions[b]
  if (ra === undefined || rb === undefined) return a === b
  const defaults = (r: typeof ra) =>
    r.hyperParams
      .filter((p) => p.key !== 'lr')
      .map((p) => `${p.key}=${p.default}`)
      .join()
  return ra.rule === rb.rule && defaults(ra) === defaults(rb)
}

/**
 * What a card should point out for `racer` in this race: its rule's note, the notes of the kind's meta whose
 * conditions hold (momentum under a schedule, the 2017 Adagrad identity), another racer of the same kind
 * whose convention computes differently, and L2 weight decay.
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
  const meta = optimizerMeta[kind]
  const note = meta?.conventions[convention]?.note
  if (note !== undefined) notes.push({ kind: 'rule', text: note })
  const scheduled = getScheduleMeta(schedule.kind).identity !== true
  const applies = ({ when }: OptimizerCardNote): boolean =>
    (when.convention === undefined || when.convention === convention) &&
    (when.schedule === undefined || when.schedule === schedule.kind) &&
    (when.scheduled === undefined || when.scheduled === scheduled)
  for (const n of meta?.cardNotes ?? []) if (applies(n)) notes.push({ kind: n.id, text: n.text, entry: true })
  const other = racers.find(
    (r) =>
      r.id !== racer.id &&
      r.optimizer.kind === kind &&
      !sameArithmetic(kind, convention, r.optimizer.convention ?? 'lecture'),
  )
  if (other !== undefined) notes.push({ kind: 'sameKind', other })
  if (addsWeightDecayToGradient(racer))
    notes.push({ kind: 'weightDecay', value: racer.optimizer.weightDecay! })
  return notes
}
