import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { Dataset } from '../../core/mlp/types'
import type { Extent } from '../../core/types'
import type {
  ComparisonRow,
  DatasetProblem,
  DataSourcePayload,
  TrainEvent,
  TrainHessianReply,
  TrainRunKey,
  WorkerErrorMessage,
} from '../../worker/protocol'
import type { Language } from '../../i18n/translate'
import type { UrlNotice } from '../url/notices'
import { dataExtent, LAB_EXTENT, LAB_GRID_SIZE } from './labGrid'
import { clampToRule } from '../limits'
import {
  comparedOptimizers,
  createDefaultLabSettings,
  LAB_LIMITS,
  LAB_MODES,
  labRunConfigs,
} from './labSettings'
import type { CompareSettings, LabDataSource, LabMode, LabSettings, NetSettings } from './labSettings'
import { normalizeCompare, normalizeDataSource, normalizeNet } from './normalizeNet'
import { applyRunFrame, createRunTrace } from './runTrace'
import type { RunTrace } from './runTrace'
import type { TrainDriver } from './trainDriver'

/** The course's data, next to index.html (public/dot.csv): relative, so the app works from any sub-path. */
export const DOT_CSV_URL = './dot.csv'

/** 'idle' before the first run; 'done' when every run has ended (all epochs, early stopping, divergence). */
export type LabRunStatus = 'idle' | 'playing' | 'paused' | 'done'

/** Why the last data request did not change the data (the previous data set stays). */
export type DataProblem =
  /** The parser refused a CSV: its code, line and details, for a message in either language. */
  | { kind: 'file'; fileName: string; problem: DatasetProblem }
  /** dot.csv could not be fetched. */
  | { kind: 'fetch' }
  /** The worker failed (a crash, or generation parameters it refused). */
  | { kind: 'failed'; message: string }

export interface LabDataState {
  /** 'failed': no data at all (the first load failed); 'loading' keeps showing the previous data set. */
  status: 'idle' | 'loading' | 'ready' | 'failed'
  dataset: Dataset | null
  /** Where `dataset` came from (a file is named; it is not part of links). */
  source: LabDataSource | null
  /** The boundary views' extent for this data (`dataExtent`). */
  extent: Extent
  /** Bumped whenever `dataset` changes. */
  version: number
  problem: DataProblem | null
}

export interface LabRunState {
  /** The worker session shown; frames of any other run id are dropped. */
  runId: number | null
  status: LabRunStatus
  /** Epochs trained by the furthest run. */
  epoch: number
  /** What the run trains (configs, data version, grid); it is stale once this differs from the settings'. */
  key: string
  /** The worker refused the run (a config the core rejects) or crashed. */
  error: WorkerErrorMessage | null
}

export interface LabComparisonState {
  status: 'idle' | 'running' | 'done' | 'failed'
  rows: ComparisonRow[]
  /** The settings fingerprint the rows were computed for (stale when it differs). */
  key: string
  targetLoss: number
  error: string | null
}

export interface LabHessianState {
  status: 'idle' | 'running' | 'done' | 'failed'
  a: TrainHessianReply | null
  b: TrainHessianReply | null
  error: string | null
}

export interface LabState {
  settings: LabSettings
  language: Language
  /** What a link asked for that was ignored (labUrl.ts). */
  notices: UrlNotice[]
  data: LabDataState
  run: LabRunState
  /** Per-run history and boundary, mutated in place by each frame; read them when `frame` changes. */
  traces: Record<TrainRunKey, RunTrace>
  /** Bumped by every applied frame and every new run: the canvases' repaint signal. */
  frame: number
  comparison: LabComparisonState
  hessian: LabHessianState

  /** Loads the data of the settings the first time the lab is shown (idempotent). */
  activate(): void
  setLanguage(language: Language): void
  setMode(mode: LabMode): void
  /** Edits network 'a' or 'b'; invalid fields are ignored, numbers clamped into range. */
  updateNet(which: TrainRunKey, patch: Partial<NetSettings>): void
  setSeed(seed: number): void
  setCompare(patch: Partial<CompareSettings>): void
  /** Replaces every setting (a link, the back button); reloads the data when its source changed. */
  setSettings(settings: LabSettings, notices?: UrlNotice[]): void
  dismissNotices(): void
  /** Switches to dot.csv or a generated set (loaded in the worker). */
  setDataSource(source: LabDataSource): void
  /** Parses a user's CSV in the worker; a refused file leaves the current data and sets `data.problem`. */
  loadFile(text: string, fileName: string): Promise<void>
  dismissProblem(): void
  /** Plays the current run, or starts a fresh one when the settings changed or it has ended. */
  train(): void
  pause(): void
  /** Trains one epoch of each run (starting a paused run first if needed). */
  step(): void
  /** Back to epoch 0 of the current settings. */
  reset(): void
  runComparison(): Promise<void>
  /** The Hessian spectrum of both runs at their current weights. */
  computeHessian(): Promise<void>
  /** Detaches from the driver and cancels the run. */
  dispose(): void
}

export type LabStore = StoreApi<LabState>

export interface LabStoreOptions {
  /** First settings, e.g. `parseLabUrl(location.search).settings`; default: the course's experiment. */
  initialSettings?: LabSettings
  notices?: UrlNotice[]
  language?: Language
  /** Fetches dot.csv as text (default: `fetch`, relative to the page). */
  fetchText?: (url: string) => Promise<string>
  /**
   * Start a paused run at epoch 0 whenever the settings or the data change (default true), so both views
   * always show the initial boundaries of what "train" will train, and "train" only has to press play.
   */
  autoPrepare?: boolean
}

const MAX_FILE_NAME = 80

async function fetchTextDefault(url: string): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  return response.text()
}

const idleComparison = (): LabComparisonState => ({
  status: 'idle',
  rows: [],
  key: '',
  targetLoss: 0,
  error: null,
})
const idleRun = (): LabRunState => ({ runId: null, status: 'idle', epoch: 0, key: '', error: null })
const idleHessian = (): LabHessianState => ({ status: 'idle', a: null, b: null, error: null })
const freshTraces = (capacityA = 1, capacityB = 1): Record<TrainRunKey, RunTrace> => ({
  a: createRunTrace('a', capacityA),
  b: createRunTrace('b', capacityB),
})
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))
const sameSource = (p: LabDataSource | null, q: LabDataSource): boolean =>
  p !== null && JSON.stringify(p) === JSON.stringify(q)

/**
 * Creates the classifier lab's vanilla store (testable without React or a worker). The worker sits behind
 * `driver` (main.tsx passes `client.train`); per-frame data goes into `traces` in place and bumps `frame`,
 * so canvases repaint through `store.subscribe` while React only re-renders controls. Nothing loads until
 * `activate()`; with `autoPrepare` every change of settings or data starts a paused run at epoch 0.
 */
export function createLabStore(driver: TrainDriver, options: LabStoreOptions = {}): LabStore {
  const fetchText = options.fetchText ?? fetchTextDefault
  // Events that arrive while `driver.start` runs (a synchronous worker) wait until its run id is known.
  let starting = false
  const early: TrainEvent[] = []
  let dataSeq = 0
  let compareSeq = 0
  const get = (): LabState => store.getState()
  const set = (partial: Partial<LabState>): void => store.setState(partial)

  /** What the current settings would train, as a string: equal strings train the same thing. */
  function fingerprint(): string {
    const { settings, data } = get()
    return JSON.stringify([labRunConfigs(settings), data.version, data.extent])
  }

  /** True when the shown run trains exactly what the settings say (and was accepted by the worker). */
  function isCurrent(): boolean {
    const { run } = get()
    const alive = driver.currentRun === undefined || driver.currentRun() === run.runId
    return run.runId !== null && run.error === null && alive && run.key === fingerprint()
  }

  function startRun(autoplay: boolean): boolean {
    const { data, settings, frame } = get()
    if (data.dataset === null) return false
    const runs = labRunConfigs(settings)
    const key = fingerprint()
    let runId: number
    starting = true
    try {
      runId = driver.start({
        runs,
        dataset: data.dataset,
        grid: { extent: data.extent, nx: LAB_GRID_SIZE, ny: LAB_GRID_SIZE },
        autoplay,
      })
    } finally {
      starting = false
    }
    set({
      run: { runId, status: autoplay ? 'playing' : 'paused', epoch: 0, key, error: null },
      traces: freshTraces(runs[0].config.epochs, runs[1].config.epochs),
      frame: frame + 1,
      hessian: idleHessian(),
    })
    for (const event of early.splice(0)) if (event.runId === runId) onEvent(event)
    return true
  }

  function onEvent(event: TrainEvent): void {
    if (starting) {
      early.push(event)
      return
    }
    const { run, traces, frame } = get()
    if (event.runId !== run.runId) return
    if (event.type === 'train.status') {
      const done = traces.a.done && traces.b.done
      set({ run: { ...run, status: event.playing ? 'playing' : done ? 'done' : 'paused' } })
      return
    }
    for (const f of event.runs) applyRunFrame(traces[f.key], f, event.nx, event.ny)
    const epoch = Math.max(...event.runs.map((r) => r.epoch))
    const done = event.runs.every((r) => r.done)
    const status: LabRunStatus = event.playing ? 'playing' : done ? 'done' : 'paused'
    set({ run: { ...run, epoch, status }, frame: frame + 1 })
  }

  function onError(error: WorkerErrorMessage): void {
    const { run } = get()
    if (error.runId !== undefined && error.runId !== run.runId) return
    if (error.runId === undefined && error.code !== 'crashed') return
    set({ run: { ...run, status: 'idle', error } })
  }

  function acceptDataset(dataset: Dataset, source: LabDataSource): void {
    const { data, settings } = get()
    set({
      data: {
        status: 'ready',
        dataset,
        source,
        extent: dataExtent(dataset),
        version: data.version + 1,
        problem: null,
      },
      settings: sameSource(settings.data, source) ? settings : { ...settings, data: source },
      comparison: idleComparison(),
    })
  }

  /** Keeps the previous data (and points the settings back at it) after a load that did not succeed. */
  function keepData(problem: DataProblem): void {
    const { data, settings } = get()
    set({
      data: { ...data, status: data.dataset === null ? 'failed' : 'ready', problem },
      settings:
        data.source === null || sameSource(settings.data, data.source)
          ? settings
          : { ...settings, data: data.source },
    })
  }

  async function loadSource(source: LabDataSource): Promise<void> {
    if (source.kind === 'file') return
    const seq = ++dataSeq
    set({ data: { ...get().data, status: 'loading', problem: null } })
    let payload: DataSourcePayload
    if (source.kind === 'dot') {
      try {
        payload = { kind: 'csv', text: await fetchText(DOT_CSV_URL) }
      } catch {
        if (seq === dataSeq) keepData({ kind: 'fetch' })
        return
      }
    } else {
      const { shape, n, noise, seed } = source
      payload = { kind: 'generated', shape, n, noise, seed }
    }
    try {
      const reply = await driver.load(payload)
      if (seq !== dataSeq) return
      if (reply.ok) acceptDataset(reply.dataset, source)
      else keepData({ kind: 'file', fileName: 'dot.csv', problem: reply.problem })
    } catch (error) {
      if (seq === dataSeq) keepData({ kind: 'failed', message: messageOf(error) })
    }
  }

  const store = createStore<LabState>()(() => ({
    settings: options.initialSettings ?? createDefaultLabSettings(),
    language: options.language ?? 'en',
    notices: options.notices ?? [],
    data: {
      status: 'idle',
      dataset: null,
      source: null,
      extent: structuredClone(LAB_EXTENT),
      version: 0,
      problem: null,
    },
    run: idleRun(),
    traces: freshTraces(),
    frame: 0,
    comparison: idleComparison(),
    hessian: idleHessian(),

    activate() {
      const { data, settings } = get()
      if (data.status !== 'idle') return
      void loadSource(settings.data.kind === 'file' ? { kind: 'dot' } : settings.data)
    },
    setLanguage(language) {
      if ((language === 'en' || language === 'zh') && language !== get().language) set({ language })
    },
    setMode(mode) {
      const { settings } = get()
      if (LAB_MODES.includes(mode) && mode !== settings.mode) set({ settings: { ...settings, mode } })
    },
    updateNet(which, patch) {
      const { settings } = get()
      if (which !== 'a' && which !== 'b') return
      const next = normalizeNet(patch, settings[which])
      if (JSON.stringify(next) !== JSON.stringify(settings[which]))
        set({ settings: { ...settings, [which]: next } })
    },
    setSeed(seed) {
      const { settings } = get()
      const v = clampToRule(LAB_LIMITS.seed, seed)
      if (v !== undefined && v !== settings.seed) set({ settings: { ...settings, seed: v } })
    },
    setCompare(patch) {
      const { settings } = get()
      const compare = normalizeCompare(patch, settings.compare)
      if (JSON.stringify(compare) !== JSON.stringify(settings.compare))
        set({ settings: { ...settings, compare } })
    },
    setSettings(settings, notices) {
      const { data } = get()
      const wanted = settings.data
      // A link cannot carry a file: keep showing whatever data is loaded.
      const keep = wanted.kind === 'file' && data.source !== null
      set({
        settings: keep ? { ...settings, data: data.source! } : settings,
        ...(notices !== undefined && { notices }),
      })
      if (wanted.kind !== 'file' && data.status !== 'idle' && !sameSource(data.source, wanted))
        void loadSource(wanted)
    },
    dismissNotices() {
      if (get().notices.length > 0) set({ notices: [] })
    },
    setDataSource(source) {
      const clean = normalizeDataSource(source, true)
      if (clean === undefined) return
      const { settings, data } = get()
      if (sameSource(data.source, clean) && data.status === 'ready') return
      set({ settings: { ...settings, data: clean } })
      void loadSource(clean)
    },
    async loadFile(text, fileName) {
      const name = String(fileName).slice(0, MAX_FILE_NAME)
      const seq = ++dataSeq
      set({ data: { ...get().data, status: 'loading', problem: null } })
      try {
        const reply = await driver.load({ kind: 'csv', text })
        if (seq !== dataSeq) return
        if (reply.ok) acceptDataset(reply.dataset, { kind: 'file', name })
        else keepData({ kind: 'file', fileName: name, problem: reply.problem })
      } catch (error) {
        if (seq === dataSeq) keepData({ kind: 'failed', message: messageOf(error) })
      }
    },
    dismissProblem() {
      const { data } = get()
      if (data.problem !== null) set({ data: { ...data, problem: null } })
    },
    train() {
      const { run, data } = get()
      if (data.dataset === null) return
      if (isCurrent() && run.status === 'paused') {
        driver.play()
        set({ run: { ...run, status: 'playing' } })
      } else if (!isCurrent() || run.status === 'done' || run.status === 'idle') startRun(true)
    },
    pause() {
      const { run } = get()
      if (run.status !== 'playing') return
      driver.pause()
      set({ run: { ...run, status: 'paused' } })
    },
    step() {
      if (get().data.dataset === null) return
      if ((!isCurrent() || get().run.status === 'done') && !startRun(false)) return
      driver.step(1)
      set({ run: { ...get().run, status: 'paused' } })
    },
    reset() {
      if (get().data.dataset === null) return
      if (!isCurrent()) {
        startRun(false)
        return
      }
      driver.reset()
      set({ run: { ...get().run, status: 'paused' }, hessian: idleHessian() })
    },
    async runComparison() {
      const { data, settings } = get()
      if (data.dataset === null) return
      const seq = ++compareSeq
      const key = comparisonKey()
      const targetLoss = settings.compare.targetLoss
      set({ comparison: { status: 'running', rows: [], key, targetLoss, error: null } })
      try {
        const rows = await driver.compare({
          config: labRunConfigs(settings)[0].config,
          optimizers: comparedOptimizers(settings.compare),
          dataset: data.dataset,
          targetLoss,
        })
        if (seq === compareSeq) set({ comparison: { status: 'done', rows, key, targetLoss, error: null } })
      } catch (error) {
        if (seq === compareSeq)
          set({ comparison: { status: 'failed', rows: [], key, targetLoss, error: messageOf(error) } })
      }
    },
    async computeHessian() {
      const { run } = get()
      if (run.runId === null || run.error !== null) return
      const runId = run.runId
      set({ hessian: { ...get().hessian, status: 'running', error: null } })
      try {
        const [a, b] = await Promise.all([driver.hessian('a'), driver.hessian('b')])
        if (get().run.runId === runId) set({ hessian: { status: 'done', a, b, error: null } })
      } catch (error) {
        if (get().run.runId === runId)
          set({ hessian: { ...idleHessian(), status: 'failed', error: messageOf(error) } })
      }
    },
    dispose() {
      for (const off of subscriptions.splice(0)) off()
      if (get().run.runId !== null) driver.cancel()
      set({ run: idleRun() })
    },
  }))

  const comparisonKey = (): string => comparisonKeyOf(get())

  const subscriptions = [driver.onEvent(onEvent), driver.onError(onError)]
  if (options.autoPrepare !== false) {
    subscriptions.push(
      store.subscribe((state, prev) => {
        const changed = state.settings !== prev.settings || state.data.version !== prev.data.version
        if (changed && state.data.dataset !== null && !isCurrent()) startRun(false)
      }),
    )
  }
  return store
}

/** The fingerprint `LabComparisonState.key` is compared with: rows are stale once the two differ. */
export function comparisonKeyOf(state: Pick<LabState, 'settings' | 'data'>): string {
  return JSON.stringify([labRunConfigs(state.settings)[0].config, state.data.version, state.settings.compare])
}
