import { analysisChecks } from './checks/analysis'
import { exploreChecks } from './checks/explore'
import { describe, isInteger, isObject } from './checks/fields'
import type { Check } from './checks/fields'
import { gridChecks } from './checks/grid'
import { healthChecks } from './checks/health'
import { noiseCloudChecks } from './checks/noiseCloud'
import { raceChecks } from './checks/race'
import { trainChecks } from './checks/train'
import { landscapeChecks } from './checks/landscape'
import type { ToWorker } from './protocol'

/** A structural problem in an incoming message: a readable text and the path of the offending field. */
export interface MessageProblem {
  message: string
  field?: string
  /** The ids the message carried, when readable, so the error reaches the right run or request. */
  runId?: number
  requestId?: number
}

export type ParseResult = { ok: true; message: ToWorker } | { ok: false; problem: MessageProblem }

/**
 * The structural schema of every message type, one table per family (./checks). Typed as a record over
 * `ToWorker['type']`, so adding a message to the protocol without a check fails to compile.
 */
const checks: Record<ToWorker['type'], Check> = {
  ...raceChecks,
  ...gridChecks,
  ...analysisChecks,
  ...noiseCloudChecks,
  ...trainChecks,
  ...landscapeChecks,
  ...healthChecks,
  ...exploreChecks,
}

/**
 * Checks that `data` (a `MessageEvent.data`) is a well-formed `ToWorker` message: an object whose `type` is
 * known and whose fields have the right types and ranges. Content the core validates (trajectory specs,
 * classifier configs, surface ids) is only checked for shape here.
 */
export function parseMessage(data: unknown): ParseResult {
  if (!isObject(data)) return bad({ message: `expected a message object { type, … }, got ${describe(data)}` })
  const ids = {
    ...(isInteger(data.runId, 0, Number.MAX_SAFE_INTEGER) && { runId: data.runId }),
    ...(isInteger(data.requestId, 0, Number.MAX_SAFE_INTEGER) && { requestId: data.requestId }),
  }
  const type = data.type
  if (typeof type !== 'string' || !Object.hasOwn(checks, type))
    return bad({ message: `unknown message type ${describe(type)}`, field: 'type', ...ids })
  const problem = checks[type as ToWorker['type']](data)
  if (problem) return bad({ message: `${type}: ${problem[1]}`, field: problem[0], ...ids })
  return { ok: true, message: data as unknown as ToWorker }
}

const bad = (problem: MessageProblem): ParseResult => ({ ok: false, problem })
