/**
 * Counts of a fuzz session: calls per target, outcomes, known issues, failures and the slowest call, and
 * the report printed at the end (the numbers an issue note quotes).
 */
import type { CallReply } from './protocol'

export interface Failure {
  target: string
  outcome: string
  detail: string
  args: string
}

interface TargetTally {
  tried: number
  outcomes: Record<string, number>
  known: Record<string, number>
  failures: Failure[]
}

/** A short rendering of call arguments for a report line (typed arrays summarized, strings clipped). */
export function describeArgs(args: unknown[]): string {
  const text = JSON.stringify(args, (_, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v)
    if (typeof v === 'bigint') return `${v}n`
    if (v === undefined) return 'undefined'
    if (ArrayBuffer.isView(v)) return `${v.constructor.name}(${(v as unknown as ArrayLike<number>).length})`
    if (typeof v === 'string' && v.length > 60) return `${v.slice(0, 40)}…(${v.length} chars)`
    return v
  })
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}

export function createTally() {
  const targets = new Map<string, TargetTally>()
  let slowest = { target: '', ms: 0, args: '' }

  const of = (target: string): TargetTally => {
    let t = targets.get(target)
    if (!t) targets.set(target, (t = { tried: 0, outcomes: {}, known: {}, failures: [] }))
    return t
  }

  return {
    /** A call made: its reply, and the known issue it matches (then it is not a failure). */
    record(target: string, args: unknown[], reply: CallReply, known: string | undefined): void {
      const t = of(target)
      t.tried++
      t.outcomes[reply.outcome] = (t.outcomes[reply.outcome] ?? 0) + 1
      if (reply.ms > slowest.ms && reply.outcome !== 'hang')
        slowest = { target, ms: reply.ms, args: describeArgs(args) }
      const good = reply.outcome === 'ok' || reply.outcome === 'SpecError' || reply.outcome === 'DatasetError'
      if (good) return
      if (known) t.known[known] = (t.known[known] ?? 0) + 1
      else
        t.failures.push({
          target,
          outcome: reply.outcome,
          detail: reply.detail ?? '',
          args: describeArgs(args),
        })
    },
    /** A case not run because it matches a known hang. */
    skip(target: string, known: string): void {
      const t = of(target)
      t.outcomes.skipped = (t.outcomes.skipped ?? 0) + 1
      t.known[known] = (t.known[known] ?? 0) + 1
    },
    failures(target: string): Failure[] {
      return of(target).failures
    },
    report(): string {
      const lines: string[] = []
      let tried = 0
      const total: Record<string, number> = {}
      const known: Record<string, number> = {}
      let failures = 0
      for (const [name, t] of targets) {
        tried += t.tried
        for (const [k, n] of Object.entries(t.outcomes)) total[k] = (total[k] ?? 0) + n
        for (const [k, n] of Object.entries(t.known)) known[k] = (known[k] ?? 0) + n
        failures += t.failures.length
        const parts = Object.entries(t.outcomes).map(([k, n]) => `${k} ${n}`)
        lines.push(`  ${name.padEnd(26)} ${String(t.tried).padStart(5)} calls: ${parts.join(', ')}`)
        for (const f of t.failures.slice(0, 3))
          lines.push(`      ✗ ${f.outcome}: ${f.detail.slice(0, 160)} ← ${f.args.slice(0, 200)}`)
      }
      const head = [
        `core fuzz: ${tried} calls; ${Object.entries(total)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}; unexpected failures ${failures}`,
        `  slowest call: ${slowest.target} ${slowest.ms.toFixed(1)} ms ${slowest.args}`,
      ]
      const knownLines = Object.entries(known).map(([k, n]) => `  known issue (${n}×): ${k}`)
      return [...head, ...lines, ...knownLines].join('\n')
    },
  }
}

export type Tally = ReturnType<typeof createTally>
