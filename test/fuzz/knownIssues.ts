/**
 * Failures the fuzz suite knows about and does not fail on yet: open work in files outside this suite's
 * scope, each with the file to fix. A case matching one is counted under its text in the report instead of
 * failing; one that would hang or allocate gigabytes is counted without being run. core.fuzz.test.ts runs
 * each entry's `example` under `it.fails`, so the fix makes that test fail: then delete the entry.
 */
import { LONG_STRING } from './hostile'
import type { CallReply } from './protocol'
import { exampleConfig, exampleDataset, explicitWeights } from './specs'

export interface KnownIssue {
  /** What fails, and where to fix it. */
  text: string
  /** Cases not to run (they would hang or exhaust memory). */
  skip?(target: string, args: unknown[]): boolean
  /** Failed calls this issue explains. */
  matches(target: string, args: unknown[], reply: CallReply): boolean
  /** One call that fails today, for `it.fails`. */
  example: { target: string; args: unknown[]; timeoutMs?: number }
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const threw = (reply: CallReply, name: string) =>
  reply.outcome === 'throw' && reply.detail?.startsWith(name) === true

export const knownIssues: KnownIssue[] = [
  {
    text: '#11 learningRate never returns for cosine-restarts with tMult < 1 or not a number, t ≥ t0 (src/core/schedules; cases with t0 < 1 or tMult outside [1, 10] not run)',
    skip(target, args) {
      const s = args[1] as Record<string, unknown> | null | undefined
      if (target !== 'learningRate' || typeof s !== 'object' || s === null || s.kind !== 'cosine-restarts')
        return false
      // Conservative: only cycle lengths that are sure to end the restart loop quickly are run.
      const t0 = s.t0
      const tMult = s.tMult
      return !(
        isNumber(t0) &&
        t0 >= 1 &&
        (tMult === undefined || (isNumber(tMult) && tMult >= 1 && tMult <= 10))
      )
    },
    matches: () => false,
    example: {
      target: 'learningRate',
      args: [0.1, { kind: 'cosine-restarts', t0: 10, tMult: 0 }, 50],
      timeoutMs: 1500,
    },
  },
  {
    text: '#11 learningRate trusts its base and schedule: NaN or negative η, TypeErrors (src/core/schedules)',
    matches: (target) => target === 'learningRate',
    example: { target: 'learningRate', args: [NaN, { kind: 'constant' }, 0] },
  },
  {
    text: 'SpecError quotes a string value whole: a 5,000-character string gives a 5,000-character message (src/core/errors.ts describeValue)',
    matches: (_, __, reply) =>
      reply.outcome === 'bad-result' && !!reply.detail?.startsWith('SpecError message of'),
    example: { target: 'validateOptimizerSpec', args: [{ kind: LONG_STRING, lr: 0.1 }] },
  },
  {
    text: 'createOptimizer does not bound n (any integer ≥ 1): RangeError at n = 1e300, 16 GB of state at n = 2³¹ (src/core/optimizers/index.ts; n > 10⁷ not run)',
    skip: (target, args) => target === 'createOptimizer' && typeof args[1] === 'number' && args[1] > 1e7,
    matches: (target, _, reply) => target === 'createOptimizer' && threw(reply, 'RangeError'),
    example: { target: 'createOptimizer', args: [{ kind: 'adam', lr: 0.1 }, 1e300] },
  },
  {
    text: 'sampleGrid takes any non-string as a Surface: TypeError (src/core/grid.ts)',
    matches: (target, args, reply) =>
      target === 'sampleGrid' && typeof args[0] !== 'string' && threw(reply, 'TypeError'),
    example: { target: 'sampleGrid', args: [null, { x: [-1, 1], y: [-1, 1] }, 4, 4] },
  },
  {
    text: 'maxCurvature / stabilityLimit do not validate `at`: TypeError or NaN, and NaN where H overflows (src/core/scenes/curvature.ts, src/core/math/mat2.ts for entries ≈ 1e308)',
    matches: (target) => target === 'maxCurvature' || target === 'stabilityLimit',
    example: { target: 'maxCurvature', args: ['saddle', null] },
  },
  {
    text: 'applySceneAction does not validate the action: TypeErrors, ∞ in the set-up (src/core/scenes/sceneSetup.meta.ts)',
    matches: (target) => target === 'applySceneAction',
    example: { target: 'applySceneAction', args: ['minimum-ratio', null] },
  },
  {
    text: 'classifierConfigOf does not validate the choice: TypeError for an unknown preset, λ = ∞ kept (src/core/scenes/classifierPresets.meta.ts)',
    matches: (target) => target === 'classifierConfigOf',
    example: { target: 'classifierConfigOf', args: [{ preset: 'nope' }] },
  },
  {
    text: 'generateDataset accepts any finite noise: features overflow to ±∞ at noise ≈ 1e308 (src/core/mlp/generateDataset.ts)',
    matches: (target, _, reply) => target === 'generateDataset' && reply.outcome === 'bad-result',
    example: { target: 'generateDataset', args: ['circle', 20, Number.MAX_VALUE, 1] },
  },
  {
    text: 'createObjective / lossHessian do not validate their options (rows, step, relativeTolerance): TypeError, RangeError, NaN (src/core/mlp/objective.ts, lossHessian.ts)',
    matches: (target, _, reply) =>
      (target === 'createObjective' || target === 'lossHessian') &&
      (reply.outcome === 'throw' || reply.outcome === 'bad-result'),
    example: { target: 'lossHessian', args: [exampleConfig, exampleDataset, explicitWeights, { step: NaN }] },
  },
]

/** The known issue a case would hit without being run, if any. */
export function knownSkip(target: string, args: unknown[]): string | undefined {
  return knownIssues.find((k) => k.skip?.(target, args))?.text
}

/** The known issue a failed call matches, if any. */
export function knownFailure(target: string, args: unknown[], reply: CallReply): string | undefined {
  return knownIssues.find((k) => k.matches(target, args, reply))?.text
}
