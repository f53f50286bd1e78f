/**
 * Runs core calls in a worker thread, one at a time, each bounded by a timeout: a call that does not answer
 * in time is a 'hang' (the worker is terminated and a fresh one started for the next call), a worker that
 * dies is a 'crash'. So an infinite loop in the core fails a test instead of freezing the suite.
 */
import { Worker } from 'node:worker_threads'
import type { CallReply } from './protocol'

export interface Sandbox {
  /** Runs `targets[target](...args)` in the worker (see targets.ts). */
  call(target: string, args: unknown[], timeoutMs?: number): Promise<CallReply>
  /** Workers started so far (1 + one per hang or crash). */
  readonly starts: number
  close(): Promise<void>
}

const BOOT = new URL('./boot.mjs', import.meta.url)
const ENTRY = new URL('./fuzzWorker.ts', import.meta.url).href
/** Loading the core through tsx takes seconds on a busy machine; only the calls themselves are timed. */
const START_TIMEOUT_MS = 120_000

export function createSandbox(defaultTimeoutMs: number): Sandbox {
  let worker: Worker | undefined
  let ready: Promise<void> | undefined
  let starts = 0
  let nextId = 0
  let settle: ((reply: CallReply) => void) | undefined

  function start(): Promise<void> {
    starts++
    const w = new Worker(BOOT, {
      workerData: { entry: ENTRY },
      // An allocation storm ends this worker ('crash'), not the test process.
      resourceLimits: { maxOldGenerationSizeMb: 768 },
    })
    worker = w
    const down = (detail: string) => {
      if (worker !== w) return
      worker = undefined
      ready = undefined
      settle?.({ id: -1, outcome: 'crash', ms: 0, detail })
    }
    w.on('error', (e) => down(`${e.name}: ${e.message}`))
    w.on('exit', (code) => down(`worker exited with code ${code}`))
    w.on('message', (reply: CallReply) => settle?.(reply))
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the fuzz worker did not start')), START_TIMEOUT_MS)
      settle = (reply) => {
        clearTimeout(timer)
        settle = undefined
        if (reply.outcome === 'ready') resolve()
        else reject(new Error(`the fuzz worker failed to start: ${reply.detail}`))
      }
    })
  }

  return {
    get starts() {
      return starts
    },
    async call(target, args, timeoutMs = defaultTimeoutMs) {
      if (!ready) ready = start()
      await ready
      const w = worker!
      const id = nextId++
      return new Promise<CallReply>((resolve) => {
        const timer = setTimeout(() => {
          settle = undefined
          worker = undefined
          ready = undefined
          void w.terminate()
          resolve({ id, outcome: 'hang', ms: timeoutMs, detail: `no answer within ${timeoutMs} ms` })
        }, timeoutMs)
        settle = (reply) => {
          if (reply.id !== id && reply.outcome !== 'crash') return
          clearTimeout(timer)
          settle = undefined
          resolve({ ...reply, id })
        }
        w.postMessage({ id, target, args })
      })
    },
    async close() {
      const w = worker
      worker = undefined
      ready = undefined
      if (w) await w.terminate()
    },
  }
}
