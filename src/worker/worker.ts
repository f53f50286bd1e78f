// The worker entry: binds the engine to this worker's scope. It compiles under the WebWorker lib
// (tsconfig.worker.json) and the root tsconfig's DOM lib alike: `postMessage(message, { transfer })` and
// `onmessage` have the same shape on Window and on a worker scope.
import { createEngine } from './engine'
import type { FromWorker } from './protocol'

const engine = createEngine((message, transfer) => self.postMessage(message, { transfer: transfer ?? [] }))
self.onmessage = (event: MessageEvent) => engine.handle(event.data)
self.postMessage({ type: 'ready' } satisfies FromWorker)
