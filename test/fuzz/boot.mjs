// Entry of a fuzz worker thread: registers tsx's loader in this thread (a worker does not inherit the
// parent's TypeScript loader, and Node 20 ignores `--import` in a worker's execArgv), then loads the
// TypeScript entry named in workerData.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
