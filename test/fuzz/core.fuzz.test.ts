/**
 * Fuzzes every public core function that takes a spec (src/core/index.ts) with hostile input: each call runs
 * in a worker thread under a timeout (sandbox.ts), and must return a well-formed result (no NaN fields, see
 * targets.ts) or throw SpecError / DatasetError with a short message: never a TypeError or RangeError, never
 * a hang. Fixed seeds, so a run is reproducible; the counts (calls, outcomes, known issues, slowest call)
 * are printed at the end.
 */
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { largeCsvTexts } from './csv'
import { knownFailure, knownIssues, knownSkip } from './knownIssues'
import { regressions } from './regressions'
import { createSandbox } from './sandbox'
import { cases } from './specs'
import { createTally } from './tally'

/** Longest a large CSV may take before it counts as a hang (a busy two-core machine parses 100,001 rows in ≲ 3 s). */
const LARGE_CSV_HANG_MS = 30_000

const SEED = 20_251_111
/** Calls per target (parseDataset gets the CSV generators' many shapes). */
const RUNS: Record<string, number> = { parseDataset: 1500, learningRate: 400, runTrajectory: 300 }
const DEFAULT_RUNS = 200
/** A call answering later than this is a hang (generous: the machine may be busy; calls take ≪ 100 ms). */
const TIMEOUT_MS = 5000
/** A target stops after this many hangs (each costs the timeout and a worker restart). */
const MAX_HANGS = 2

const sandbox = createSandbox(TIMEOUT_MS)
const tally = createTally()

/** A stable per-target seed, so adding a target leaves the others' cases unchanged. */
function seedOf(target: string): number {
  let h = SEED
  for (let i = 0; i < target.length; i++) h = (Math.imul(h, 31) + target.charCodeAt(i)) | 0
  return h
}

afterAll(async () => {
  await sandbox.close()
  console.log(`${tally.report()}\n  worker starts: ${sandbox.starts}`)
})

describe('core functions under hostile specs (each call in a worker thread, with a timeout)', () => {
  for (const [target, arbitrary] of Object.entries(cases)) {
    const runs = RUNS[target] ?? DEFAULT_RUNS
    it(`${target}: ${runs} calls end in a well-formed result, a SpecError or a DatasetError`, async () => {
      let hangs = 0
      for (const args of fc.sample(arbitrary, { seed: seedOf(target), numRuns: runs })) {
        const known = knownSkip(target, args)
        if (known) {
          tally.skip(target, known)
          continue
        }
        const reply = await sandbox.call(target, args)
        tally.record(target, args, reply, knownFailure(target, args, reply))
        if (reply.outcome === 'hang' && ++hangs >= MAX_HANGS) break
      }
      expect(tally.failures(target)).toEqual([])
    })
  }

  for (const [name, text] of Object.entries(largeCsvTexts)) {
    // Speed is the benchmark's business; here a generous bound only tells a hang from an answer.
    it(`parseDataset on ${name}: a data set or a short DatasetError, never a hang`, async () => {
      const args = [text()]
      const reply = await sandbox.call('parseDataset', args, LARGE_CSV_HANG_MS)
      tally.record('parseDataset (large)', [name], reply, undefined)
      expect(reply.outcome === 'ok' || reply.outcome === 'DatasetError', reply.detail).toBe(true)
    })
  }
})

describe('fixed issues (each former known issue, one call)', () => {
  for (const { text, target, args, expected, timeoutMs } of regressions) {
    it(`${text}: ${expected}`, async () => {
      const reply = await sandbox.call(target, args, timeoutMs)
      expect(reply.outcome, reply.detail).toBe(expected)
    })
  }
})

describe('known issues (it.fails until fixed; then delete the entry in knownIssues.ts)', () => {
  it('lists none', () => expect(knownIssues.map((k) => k.text)).toEqual([]))
  for (const { text, example } of knownIssues) {
    it.fails(text, async () => {
      const reply = await sandbox.call(example.target, example.args, example.timeoutMs)
      expect(['ok', 'SpecError', 'DatasetError']).toContain(reply.outcome)
    })
  }
})
