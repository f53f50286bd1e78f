/**
 * Failures the fuzz suite knows about and does not fail on yet: open work in files outside this suite's
 * scope, each with the file to fix. A case matching one is counted under its text in the report instead of
 * failing; one that would hang or allocate gigabytes is counted without being run. core.fuzz.test.ts runs
 * each entry's `example` under `it.fails`, so the fix makes that test fail: then delete the entry.
 */
import type { CallReply } from './protocol'

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

/**
 * Empty: the issues #11 listed here (learningRate hang and NaN, long SpecError messages, createOptimizer's n,
 * sampleGrid's surface, maxCurvature's point and mat2's overflow, applySceneAction, classifierConfigOf,
 * generateDataset's noise, createObjective / lossHessian options) are fixed at the core's edges.
 */
export const knownIssues: KnownIssue[] = []

/** The known issue a case would hit without being run, if any. */
export function knownSkip(target: string, args: unknown[]): string | undefined {
  return knownIssues.find((k) => k.skip?.(target, args))?.text
}

/** The known issue a failed call matches, if any. */
export function knownFailure(target: string, args: unknown[], reply: CallReply): string | undefined {
  return knownIssues.find((k) => k.matches(target, args, reply))?.text
}
