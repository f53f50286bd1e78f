import { describe, expect, it } from 'vitest'
import { analyzePoint } from '../../../src/core/analyzePoint'
import type { PointAnalysis } from '../../../src/core/analyzePoint'
import { createAnalysisRequester } from '../../../src/panels/HessianPanel/analysisRequester'

type Target = { x: number; y: number }

/** A requester over a manual clock and hand-settled requests, recording everything it does. */
function setup(minIntervalMs = 100) {
  let now = 0
  const timers: { at: number; f: () => void; id: number }[] = []
  let nextId = 1
  const calls: {
    target: Target
    signal: AbortSignal
    resolve: (a: PointAnalysis) => void
    reject: (e: unknown) => void
  }[] = []
  const results: Target[] = []
  const errors: Target[] = []
  const requester = createAnalysisRequester<Target>({
    analyze: (target, signal) =>
      new Promise<PointAnalysis>((resolve, reject) => {
        calls.push({ target, signal, resolve, reject })
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
      }),
    keyOf: (t) => `${t.x},${t.y}`,
    onResult: (t) => void results.push(t),
    onError: (t) => void errors.push(t),
    minIntervalMs,
    now: () => now,
    setTimer: (f, ms) => {
      const id = nextId++
      timers.push({ at: now + ms, f, id })
      return id
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id)
      if (i >= 0) timers.splice(i, 1)
    },
  })
  const advance = (ms: number) => {
    now += ms
    for (const t of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(t), 1)
      t.f()
    }
  }
  const flush = () => new Promise((r) => setTimeout(r, 0))
  return { requester, calls, results, errors, advance, flush, timers }
}
const saddle = analyzePoint('saddle', 0, 0)

describe('createAnalysisRequester', () => {
  it('request(target) asks at once the first time and delivers the answer', async () => {
    const { requester, calls, results, flush } = setup()
    requester.request({ x: 0, y: 0 })
    expect(calls.map((c) => c.target)).toEqual([{ x: 0, y: 0 }])
    calls[0].resolve(saddle)
    await flush()
    expect(results).toEqual([{ x: 0, y: 0 }])
  })

  it('request(target) sends at most one request per interval, and then only the latest target', () => {
    const { requester, calls, advance } = setup(100)
    requester.request({ x: 1, y: 0 })
    advance(30)
    requester.request({ x: 2, y: 0 })
    requester.request({ x: 3, y: 0 })
    advance(30)
    requester.request({ x: 4, y: 0 })
    expect(calls).toHaveLength(1)
    advance(39)
    expect(calls).toHaveLength(1)
    advance(1)
    expect(calls.map((c) => c.target.x)).toEqual([1, 4])
  })

  it('request(target) aborts the superseded request in flight and never delivers its late answer', async () => {
    const { requester, calls, results, advance, flush } = setup(100)
    requester.request({ x: 1, y: 0 })
    advance(100)
    requester.request({ x: 2, y: 0 })
    expect(calls[0].signal.aborted).toBe(true)
    expect(calls[1].signal.aborted).toBe(false)
    calls[0].resolve(saddle)
    calls[1].resolve(saddle)
    await flush()
    expect(results).toEqual([{ x: 2, y: 0 }])
  })

  it('request(target) asks nothing again for the same point', () => {
    const { requester, calls, advance } = setup()
    requester.request({ x: 1, y: 1 })
    advance(500)
    requester.request({ x: 1, y: 1 })
    expect(calls).toHaveLength(1)
  })

  it('a failed request is reported, an aborted one is not', async () => {
    const { requester, calls, errors, advance, flush } = setup(100)
    requester.request({ x: 1, y: 0 })
    calls[0].reject(new Error('unknown surface'))
    await flush()
    expect(errors).toEqual([{ x: 1, y: 0 }])
    advance(100)
    requester.request({ x: 2, y: 0 })
    advance(100)
    requester.request({ x: 3, y: 0 })
    await flush()
    expect(errors).toHaveLength(1)
  })

  it('dispose() aborts the request in flight and drops the pending one', () => {
    const { requester, calls, advance, timers } = setup(100)
    requester.request({ x: 1, y: 0 })
    requester.request({ x: 2, y: 0 })
    expect(timers).toHaveLength(1)
    requester.dispose()
    expect(calls[0].signal.aborted).toBe(true)
    expect(timers).toHaveLength(0)
    advance(1000)
    requester.request({ x: 3, y: 0 })
    expect(calls).toHaveLength(1)
  })
})
