import type { PointAnalysis } from '../core/analyzePoint'
import type { LandscapeDriver } from './protocol/landscape'
import type { InterpolationDriver } from './protocol/interpolation'
import type { NetSurfaceSpec } from '../core/landscape/netSurface.meta'
import type { Extent } from '../core/types'
import type {
  ContourRequest,
  FromWorker,
  GridResult,
  NoiseCloudResult,
  RaceControl,
  RaceDriver,
  RequestOptions,
  Requests,
  RequestType,
  ToWorker,
  TrainControl,
  TrainDriver,
  WorkerErrorMessage,
  WorkerFailure,
  WorkerHealth,
  WorkerHealthSource,
} from './protocol'
import { systemTimers, type Timers } from './timers'
import { createWatchdog, DEFAULT_WATCHDOG, type WatchdogOptions } from './watchdog'

/** What the client needs of a Worker (a real `Worker` fits; tests wrap a `MessagePort`). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer: Transferable[]): void
  terminate(): void
  onmessage: ((event: MessageEvent) => void) | null
  onerror?: ((event: ErrorEvent) => void) | null
  onmessageerror?: ((event: MessageEvent) => void) | null
}

export type WorkerFactory = () => WorkerLike

/** The fields of request `K` that the caller gives (the client adds `type` and `requestId`). */
export type RequestPayload<K extends RequestType> = Omit<Requests[K]['request'], 'type' | 'requestId'>

/** Options of `requestGrid`: abort, and the contour levels to trace with the grid. */
export interface GridRequestOptions extends RequestOptions {
  contours?: ContourRequest
  /** Surface 'net-slice': which network's slice (absent: the default). */
  net?: NetSurfaceSpec
}

/** Options of `analyze`: abort, and for surface 'net-slice' which network's slice. */
export interface AnalyzeRequestOptions extends RequestOptions {
  net?: NetSurfaceSpec
}

/**
 * The classifier lab's side of the client (`client.train`): the train family's `TrainDriver`
 * (src/worker/protocol/train.ts), which the lab store drives, with `currentRun` always known.
 */
export interface TrainClient
  extends
    Omit<TrainDriver, keyof WorkerHealthSource>,
    LandscapeDriver,
    InterpolationDriver,
    WorkerHealthSource {
  /** The current session's runId; undefined after `cancel`, or once the worker was terminated or restarted. */
  currentRun(): number | undefined
}

/**
 * The main thread's bridge to the worker: the race family's `RaceDriver` (src/worker/protocol/race.ts), which
 * the app store drives, plus requests, raw access for new families, and the worker's life cycle.
 */
export interface WorkerClient extends Omit<RaceDriver, keyof WorkerHealthSource>, WorkerHealthSource {
  /** The worker's health now (see `onHealth`). */
  health(): WorkerHealth
  /** Errors of the current run(s) or of no run in particular (request errors reject their promise instead). */
  onError(listener: (error: WorkerErrorMessage) => void): () => void
  /** A sampled surface; with `options.contours`, also its contour lines traced in the worker. */
  requestGrid(
    surface: string,
    extent: Extent,
    nx: number,
    ny: number,
    options?: GridRequestOptions,
  ): Promise<GridResult>
  analyze(surface: string, x: number, y: number, options?: AnalyzeRequestOptions): Promise<PointAnalysis>
  /** Every mini-batch gradient at (x, y) of a data surface, and ∇L there (protocol/noiseCloud.ts). */
  noiseCloud(
    surface: string,
    x: number,
    y: number,
    size: number,
    seed: number,
    options?: RequestOptions,
  ): Promise<NoiseCloudResult>
  /** Generic request/response: resolves with the reply matching its requestId, rejects with a `WorkerError`. */
  request<K extends RequestType>(
    type: K,
    payload: RequestPayload<K>,
    options?: RequestOptions,
  ): Promise<Requests[K]['reply']>
  /**
   * Every message whose type starts with `typePrefix` ('race.', 'ready', …), after stale-run filtering: a
   * message with a runId reaches listeners only while that runId is the current run of its scope.
   */
  subscribe(typePrefix: string, listener: (message: FromWorker) => void): () => void
  /** Claims a fresh runId as the current run of `scope` (the type prefix of its messages, e.g. 'race.'). */
  beginRun(scope: string): number
  /** The current runId of `scope`, if a run is active. */
  currentRun(scope: string): number | undefined
  /**
   * Starts the worker if needed; resolves when it has posted `ready` (at once if it already has), rejects
   * with an AbortError if it is terminated first.
   */
  ready(): Promise<void>
  /** Sends a message as is (starting the worker if needed). */
  send(message: ToWorker, transfer?: Transferable[]): void
  /** Terminates the worker and starts a fresh one: the way to stop a hung kernel. Ends every run. */
  restart(): void
  /** Terminates the worker; pending requests reject with an AbortError. The next call starts a new one. */
  terminate(): void
  /** The classifier lab's training session and requests. */
  readonly train: TrainClient
}

/** A failed request: the worker's `error` message as an exception. */
export class WorkerError extends Error {
  readonly code: WorkerErrorMessage['code']
  readonly field?: string

  constructor(error: WorkerErrorMessage) {
    super(error.message)
    this.name = 'WorkerError'
    this.code = error.code
    if (error.field !== undefined) this.field = error.field
  }
}

const RACE = 'race.'
const TRAIN = 'train.'

/** The app's numeric worker. Vite bundles it only when `new URL(...)` sits literally inside `new Worker(...)`. */
const createModuleWorker: WorkerFactory = () =>
  new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })

interface Pending {
  resolve(reply: FromWorker): void
  reject(reason: unknown): void
  /** The request as sent: sent again to a restarted worker (unless it names a run, which died with the old one). */
  message: ToWorker
}

/** How the client watches and restarts the worker; every field has a default. */
export interface ClientOptions {
  /** The clock of the heartbeat (tests pass a fake clock). */
  timers?: Timers
  watchdog?: WatchdogOptions
  /** Failures in a row that still get a restart; the next one stops and waits for `retry()`. Default 2. */
  maxRestarts?: number
  /** A worker that has run this long since `ready` without failing resets the count of failures. Default 5 s. */
  stableMs?: number
}

/**
 * Silence a busy worker may need, per request type or command (ms): a comparison trains every optimizer to
 * the end in one go, a large CSV parses in one go; other requests and ticks answer within a frame or two.
 */
const GRACE_MS: Partial<Record<ToWorker['type'], number>> = {
  'train.compare': 120_000,
  'train.load': 20_000,
  'train.hessian': 20_000,
  'train.landscape': 20_000,
  'train.interpolation': 20_000,
  'train.step': 20_000,
  grid: 10_000,
  'race.toEnd': 10_000,
  'race.seek': 10_000,
  'race.step': 10_000,
  stability: 10_000,
}
/** The grace of a message: training to an epoch (a restore) may take ~1 ms per epoch on a slow machine. */
const graceFor = (message: ToWorker): number | undefined =>
  message.type === 'train.step'
    ? Math.max(GRACE_MS['train.step']!, 5 * (message.epochs ?? 1))
    : GRACE_MS[message.type]

/** A fresh worker may take this long to load its script and post `ready` (a slow network, a cold cache). */
const LOAD_GRACE_MS = 10_000
/** The grace key of loading (request ids are positive). */
const LOADING = 0

/**
 * Creates the main thread's bridge to the numeric worker, the only owner of the Worker (squoosh's
 * worker-bridge): it starts the worker lazily, numbers runs and requests, drops messages of stale runs,
 * matches replies to requests, and can terminate and restart the worker. `factory` is injectable for tests.
 */
export function createWorkerClient(
  factory: WorkerFactory = createModuleWorker,
  options: ClientOptions = {},
): WorkerClient {
  const timers = options.timers ?? systemTimers
  const maxRestarts = options.maxRestarts ?? 2
  const stableMs = options.stableMs ?? 5_000
  let worker: WorkerLike | null = null
  let readiness: { promise: Promise<void>; resolve(): void; reject(reason: unknown): void } | null = null
  let isReady = false
  let lastId = 0
  const runs = new Map<string, number>()
  const pending = new Map<number, Pending>()
  const listeners = new Set<{ prefix: string; listener: (message: FromWorker) => void }>()
  const errorListeners = new Set<(error: WorkerErrorMessage) => void>()
  const healthListeners = new Set<(health: WorkerHealth) => void>()
  let health: WorkerHealth = { status: 'ok' }
  /** Failures since the worker last stayed up for `stableMs`. */
  let failures = 0
  let stableTimer: unknown = null
  const watchdog = createWatchdog(
    timers,
    options.watchdog ?? DEFAULT_WATCHDOG,
    (seq) => worker?.postMessage({ type: 'ping', seq }, []),
    () => {
      if (worker !== null) fail(worker, { kind: 'unresponsive', message: 'the worker stopped answering' })
    },
  )

  function ensureWorker(): WorkerLike {
    if (worker) return worker
    const created = factory()
    // Messages and events from a worker that was replaced are dropped by the identity checks.
    created.onmessage = (event) => {
      if (worker === created) receive(event.data as FromWorker)
    }
    created.onerror = (event) => {
      // A module worker whose script fails to load fires a plain `error` before it could post `ready`.
      const kind = isReady ? 'crashed' : 'load'
      fail(created, {
        kind,
        message: event.message || (isReady ? 'uncaught exception' : 'script failed to load'),
      })
    }
    created.onmessageerror = () =>
      fail(created, { kind: 'messageerror', message: 'a message from the worker could not be read' })
    worker = created
    isReady = false
    readiness ??= deferred()
    watchdog.arm()
    watchdog.grace(LOAD_GRACE_MS, LOADING)
    return created
  }

  function send(message: ToWorker, transfer: Transferable[] = []): void {
    // Nothing runs until retry(); a request waits in `pending` and is sent to the worker retry() starts.
    if (health.status === 'failed') return
    const target = ensureWorker()
    const grace = graceFor(message)
    // A request's grace is set before posting (its reply releases it), a command's after: it pings right
    // behind the command (watchdog.ts).
    const keyed = grace !== undefined && 'requestId' in message
    if (keyed) watchdog.grace(grace, message.requestId)
    target.postMessage(message, transfer)
    if (grace !== undefined && !keyed) watchdog.grace(grace)
  }

  function setHealth(next: WorkerHealth): void {
    health = next
    for (const listener of [...healthListeners]) call(listener, next)
  }

  /**
   * `from` failed: drop it, and restart unless this is one failure too many. Requests in flight are sent
   * again to the new worker (they did nothing the page can see); runs end, and the subscribers of `onHealth`
   * start them again from their own state.
   */
  function fail(from: WorkerLike, failure: WorkerFailure): void {
    if (worker !== from) return
    discardWorker()
    runs.clear()
    failures += 1
    if (failures > maxRestarts) {
      // Give up until retry(): requests stay pending (unsent) and go to the worker retry() starts.
      setHealth({ status: 'failed', failure })
      return
    }
    startAfterFailure(failure, failures)
  }

  function startAfterFailure(failure: WorkerFailure, attempt: number): void {
    ensureWorker()
    for (const [requestId, request] of [...pending]) {
      if ('runId' in request.message) {
        pending.delete(requestId)
        request.reject(
          new WorkerError({ type: 'error', code: 'crashed', requestId, message: failure.message }),
        )
      } else send(request.message)
    }
    setHealth({ status: 'recovering', failure, attempt })
  }

  /** Terminates the current worker without touching runs, requests or health. */
  function discardWorker(): void {
    if (!worker) return
    const old = worker
    worker = null
    // A resolved readiness belonged to this worker; the next one must post its own `ready`.
    if (isReady) readiness = null
    isReady = false
    old.onmessage = null
    old.onerror = null
    old.onmessageerror = null
    old.terminate()
    watchdog.disarm()
    if (stableTimer !== null) timers.clearTimeout(stableTimer)
    stableTimer = null
  }

  function onReady(): void {
    watchdog.release(LOADING)
    isReady = true
    readiness?.resolve()
    if (health.status === 'recovering') setHealth({ status: 'ok' })
    if (stableTimer !== null) timers.clearTimeout(stableTimer)
    stableTimer = timers.setTimeout(() => {
      stableTimer = null
      failures = 0
    }, stableMs)
  }

  // A run's scope is the type prefix up to the first '.', so 'race.frames' belongs to scope 'race.'.
  const scopeOf = (type: string): string => type.slice(0, type.indexOf('.') + 1)
  const isCurrentRunId = (runId: number): boolean => [...runs.values()].includes(runId)

  function receive(message: FromWorker): void {
    watchdog.heard()
    if (message.type === 'pong') return watchdog.pong(message.seq)
    if (message.type === 'error') return receiveError(message)
    if (message.type === 'ready') onReady()
    if ('requestId' in message) {
      const request = pending.get(message.requestId)
      pending.delete(message.requestId)
      watchdog.release(message.requestId)
      request?.resolve(message)
      return
    }
    if ('runId' in message && runs.get(scopeOf(message.type)) !== message.runId) return
    for (const { prefix, listener } of [...listeners]) {
      if (message.type.startsWith(prefix)) call(listener, message)
    }
  }

  function receiveError(error: WorkerErrorMessage): void {
    if (error.requestId !== undefined) {
      const request = pending.get(error.requestId)
      pending.delete(error.requestId)
      watchdog.release(error.requestId)
      request?.reject(new WorkerError(error))
      return
    }
    if (error.runId !== undefined && !isCurrentRunId(error.runId)) return
    emitError(error)
  }

  function emitError(error: WorkerErrorMessage): void {
    for (const listener of [...errorListeners]) call(listener, error)
  }

  function rejectPending(reason: unknown): void {
    const all = [...pending.values()]
    pending.clear()
    for (const request of all) request.reject(reason)
  }

  function request<K extends RequestType>(
    type: K,
    payload: RequestPayload<K>,
    { signal }: RequestOptions = {},
  ): Promise<Requests[K]['reply']> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      const requestId = ++lastId
      const message = { ...payload, type, requestId } as Requests[K]['request']
      const onAbort = (): void => {
        pending.delete(requestId)
        watchdog.release(requestId)
        reject(signal?.reason)
      }
      pending.set(requestId, {
        message,
        resolve: (reply) => {
          signal?.removeEventListener('abort', onAbort)
          resolve(reply as Requests[K]['reply'])
        },
        reject: (reason) => {
          signal?.removeEventListener('abort', onAbort)
          reject(reason)
        },
      })
      signal?.addEventListener('abort', onAbort, { once: true })
      send(message)
    })
  }

  function subscribe(prefix: string, listener: (message: FromWorker) => void): () => void {
    const entry = { prefix, listener }
    listeners.add(entry)
    return () => void listeners.delete(entry)
  }

  function beginRun(scope: string): number {
    const runId = ++lastId
    runs.set(scope, runId)
    return runId
  }

  function control(type: RaceControl['type'], fields: object = {}): void {
    const runId = runs.get(RACE)
    if (runId !== undefined) send({ type, runId, ...fields } as RaceControl)
  }

  function trainControl(type: TrainControl['type'], fields: object = {}): void {
    const runId = runs.get(TRAIN)
    if (runId !== undefined) send({ type, runId, ...fields } as TrainControl)
  }

  const train: TrainClient = {
    start(payload) {
      const runId = beginRun(TRAIN)
      send({ ...payload, type: 'train.start', runId })
      return runId
    },
    play: () => trainControl('train.play'),
    pause: () => trainControl('train.pause'),
    step: (epochs) => trainControl('train.step', epochs === undefined ? {} : { epochs }),
    reset: () => trainControl('train.reset'),
    speed: (epochsPerSecond) => trainControl('train.speed', { epochsPerSecond }),
    seek: (epoch) => trainControl('train.seek', { epoch }),
    cancel() {
      trainControl('train.cancel')
      runs.delete(TRAIN)
    },
    currentRun: () => runs.get(TRAIN),
    onEvent: (listener) => subscribe(TRAIN, listener as (message: FromWorker) => void),
    onError(listener) {
      const filtered = (error: WorkerErrorMessage): void => {
        if (error.runId === undefined || error.runId === runs.get(TRAIN)) listener(error)
      }
      errorListeners.add(filtered)
      return () => void errorListeners.delete(filtered)
    },
    load: (source, options) => request('train.load', { source }, options),
    async compare(payload, options) {
      return (await request('train.compare', payload, options)).rows
    },
    onHealth: (listener) => onHealth(listener),
    retry: () => retry(),
    hessian(run, options) {
      const runId = runs.get(TRAIN)
      if (runId === undefined) {
        const message = 'there is no training run to compute a Hessian of'
        return Promise.reject(new WorkerError({ type: 'error', code: 'bad-spec', field: 'runId', message }))
      }
      return request('train.hessian', { runId, run }, options)
    },
    landscape(payload, options) {
      const runId = runs.get(TRAIN)
      if (runId === undefined) {
        const message = 'there is no training run to draw the landscape of'
        return Promise.reject(new WorkerError({ type: 'error', code: 'bad-spec', field: 'runId', message }))
      }
      return request('train.landscape', { runId, ...payload }, options)
    },
    interpolation(payload, options) {
      const runId = runs.get(TRAIN)
      if (runId === undefined) {
        const message = 'there is no training run to interpolate'
        return Promise.reject(new WorkerError({ type: 'error', code: 'bad-spec', field: 'runId', message }))
      }
      return request('train.interpolation', { runId, ...payload }, options)
    },
  }

  function onHealth(listener: (health: WorkerHealth) => void): () => void {
    healthListeners.add(listener)
    return () => void healthListeners.delete(listener)
  }

  function retry(): void {
    if (health.status !== 'failed') return
    const { failure } = health
    failures = 0
    readiness ??= deferred()
    health = { status: 'ok' } // let send() through again
    startAfterFailure(failure, 0)
  }

  function terminate(): void {
    if (!worker) return
    discardWorker()
    runs.clear()
    const reason = new DOMException('the worker was terminated', 'AbortError')
    readiness?.reject(reason)
    readiness = null
    rejectPending(reason)
  }

  return {
    startRace(racers, { speed, autoplay = true }) {
      const runId = beginRun(RACE)
      send({ type: 'race.start', runId, racers, speed, autoplay })
      return runId
    },
    play: () => control('race.play'),
    pause: () => control('race.pause'),
    step: (n) => control('race.step', n === undefined ? {} : { n }),
    seek: (step) => control('race.seek', { step }),
    setSpeed: (stepsPerSecond) => control('race.speed', { stepsPerSecond }),
    toEnd: () => control('race.toEnd'),
    reset: () => control('race.reset'),
    cancel() {
      control('race.cancel')
      runs.delete(RACE)
    },
    onRace: (listener) => subscribe(RACE, listener as (message: FromWorker) => void),
    onError(listener) {
      errorListeners.add(listener)
      return () => void errorListeners.delete(listener)
    },
    async requestGrid(surface, extent, nx, ny, options = {}) {
      const { signal, contours, net } = options
      const {
        type: _type,
        requestId: _requestId,
        ...grid
      } = await request(
        'grid',
        { surface, extent, nx, ny, ...(contours && { contours }), ...(net && { net }) },
        { signal },
      )
      return grid
    },
    async analyze(surface, x, y, options) {
      const net = options?.net
      return (await request('analyze', { surface, x, y, ...(net && { net }) }, options)).result
    },
    async noiseCloud(surface, x, y, size, seed, options) {
      const { points, full } = await request('noiseCloud', { surface, x, y, size, seed }, options)
      return { points, full }
    },
    health: () => health,
    onHealth,
    retry,
    request,
    subscribe,
    beginRun,
    currentRun: (scope) => runs.get(scope),
    ready() {
      if (health.status !== 'failed') ensureWorker()
      readiness ??= deferred()
      return readiness.promise
    },
    send,
    restart() {
      terminate()
      if (health.status === 'failed') retry()
      else ensureWorker()
    },
    terminate,
    train,
  }
}

/** A promise with its settle functions; its rejection is never reported as unhandled unless awaited. */
function deferred(): { promise: Promise<void>; resolve(): void; reject(reason: unknown): void } {
  let resolve!: () => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  promise.catch(() => {})
  return { promise, resolve, reject }
}

/** Calls a listener so that its exception surfaces (as an uncaught error) without starving the others. */
function call<T>(listener: (value: T) => void, value: T): void {
  try {
    listener(value)
  } catch (error) {
    queueMicrotask(() => {
      throw error
    })
  }
}
