import type { Ping } from '../protocol'
import { field, isInteger } from './fields'
import type { Check } from './fields'

/** The heartbeat (src/worker/protocol/health.ts): only its sequence number. */
export const healthChecks: Record<Ping['type'], Check> = {
  ping: field('seq', (v) => isInteger(v, 0, Number.MAX_SAFE_INTEGER), 'a non-negative integer'),
}
