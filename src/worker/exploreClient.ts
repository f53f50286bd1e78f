import type { WorkerClient } from './client'
import type { BasinLevel, ExploreDriver, FromWorker } from './protocol'

const SCOPE = 'basin.'

/**
 * The explore family's driver over the worker client's raw access (`beginRun`, `subscribe`, `send`,
 * `request`): one basin map at a time (a new one claims a fresh runId, so the old one's levels are dropped by
 * the client's stale-run filter, and cancels it in the worker), slices and stability bands as requests.
 */
export function createExploreClient(client: WorkerClient): ExploreDriver {
  let stop: (() => void) | null = null
  return {
    basins(specs, sides, onLevel) {
      stop?.()
      const runId = client.beginRun(SCOPE)
      const unsubscribe = client.subscribe(SCOPE, (message: FromWorker) => {
        if (message.type === 'basin.level' && message.runId === runId) onLevel(message as BasinLevel)
      })
      client.send({ type: 'basin.start', runId, specs, sides })
      const cancel = (): void => {
        unsubscribe()
        if (client.currentRun(SCOPE) === runId) client.send({ type: 'basin.cancel', runId })
        if (stop === cancel) stop = null
      }
      stop = cancel
      return cancel
    },
    async slice(surface, from, to, n, options) {
      return (await client.request('slice', { surface, from, to, n }, options)).values
    },
    async stability(spec, options) {
      const {
        type: _type,
        requestId: _requestId,
        ...band
      } = await client.request('stability', { spec }, options)
      return band
    },
  }
}
