/**
 * The fuzz worker thread: runs one core call per message and says how it ended. Loaded by boot.mjs (tsx),
 * driven by sandbox.ts, which terminates it when a call does not answer in time (a hang).
 */
import { parentPort } from 'node:worker_threads'
import { targets } from './targets'
import type { CallReply, CallRequest } from './protocol'

/** Longest error message accepted: input quoted in a message is clipped (40 characters for data). */
const MAX_MESSAGE_LENGTH = 600

if (!parentPort) throw new Error('fuzzWorker.ts runs in a worker thread')
const port = parentPort

port.on('message', ({ id, target, args }: CallRequest) => {
  const t0 = performance.now()
  let reply: CallReply
  try {
    const run = targets[target]
    if (!run) throw new Error(`no fuzz target '${target}'`)
    const problems = run(...(args as never[]))
    reply =
      problems.length === 0
        ? { id, outcome: 'ok', ms: 0 }
        : { id, outcome: 'bad-result', ms: 0, detail: problems.join('; ') }
  } catch (e) {
    const name = e instanceof Error ? e.name : typeof e
    const message = e instanceof Error ? e.message : String(e)
    if (name !== 'SpecError' && name !== 'DatasetError')
      reply = { id, outcome: 'throw', ms: 0, detail: `${name}: ${message}`.slice(0, 300) }
    else if (message.length > MAX_MESSAGE_LENGTH)
      // An error quoting its input whole: a 1 MB cell must not make a 1 MB alert.
      reply = {
        id,
        outcome: 'bad-result',
        ms: 0,
        detail: `${name} message of ${message.length} characters: ${message.slice(0, 80)}…`,
      }
    else reply = { id, outcome: name, ms: 0, detail: message }
  }
  reply.ms = performance.now() - t0
  port.postMessage(reply)
})
port.postMessage({ id: -1, outcome: 'ready', ms: 0 } satisfies CallReply)
