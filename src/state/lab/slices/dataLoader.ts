import type { StoreApi } from 'zustand/vanilla'
import type { Dataset } from '../../../core/mlp/types'
import type { DataSourcePayload } from '../../../worker/protocol'
import { dataExtent } from '../labGrid'
import type { LabDataSource } from '../labSettings'
import type { LabState } from '../labStore'
import type { TrainDriver } from '../trainDriver'
import { idleComparison } from './comparisonSlice'
import type { DataProblem } from './datasetSlice'
import { messageOf } from './messageOf'

/** The course's data, next to index.html (public/dot.csv): relative, so the app works from any sub-path. */
export const DOT_CSV_URL = './dot.csv'

const MAX_FILE_NAME = 80

/** Brings data sets into the lab store; shared by the settings slice (a link's source) and the data slice. */
export interface DataLoader {
  /** Loads dot.csv or a generated set (a file source is ignored: a file only comes from `loadFile`). */
  loadSource(source: LabDataSource): Promise<void>
  /** Parses a user's CSV; a refused file keeps the current data and sets `data.problem`. */
  loadFile(text: string, fileName: string): Promise<void>
}

export async function fetchTextDefault(url: string): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  return response.text()
}

/** Equal data sources (both plain data); null, the source before any data, equals nothing. */
export const sameSource = (p: LabDataSource | null, q: LabDataSource): boolean =>
  p !== null && JSON.stringify(p) === JSON.stringify(q)

/**
 * Creates the loader over the lab store. Only the newest request may change the data: each one takes a
 * sequence number, and an answer that arrives after a newer request started is dropped, so a slow dot.csv
 * cannot overwrite a file the student picked meanwhile.
 */
export function createDataLoader(
  store: Pick<StoreApi<LabState>, 'getState' | 'setState'>,
  deps: { driver: TrainDriver; fetchText: (url: string) => Promise<string> },
): DataLoader {
  const { driver, fetchText } = deps
  const get = store.getState
  const set = (partial: Partial<LabState>): void => store.setState(partial)
  let seq = 0

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

  return {
    async loadSource(source) {
      if (source.kind === 'file') return
      const mine = ++seq
      set({ data: { ...get().data, status: 'loading', problem: null } })
      let payload: DataSourcePayload
      if (source.kind === 'dot') {
        try {
          payload = { kind: 'csv', text: await fetchText(DOT_CSV_URL) }
        } catch {
          if (mine === seq) keepData({ kind: 'fetch' })
          return
        }
      } else {
        const { shape, n, noise, seed } = source
        payload = { kind: 'generated', shape, n, noise, seed }
      }
      try {
        const reply = await driver.load(payload)
        if (mine !== seq) return
        if (reply.ok) acceptDataset(reply.dataset, source)
        else keepData({ kind: 'file', fileName: 'dot.csv', problem: reply.problem })
      } catch (error) {
        if (mine === seq) keepData({ kind: 'failed', message: messageOf(error) })
      }
    },

    async loadFile(text, fileName) {
      const name = String(fileName).slice(0, MAX_FILE_NAME)
      const mine = ++seq
      set({ data: { ...get().data, status: 'loading', problem: null } })
      try {
        const reply = await driver.load({ kind: 'csv', text })
        if (mine !== seq) return
        if (reply.ok) acceptDataset(reply.dataset, { kind: 'file', name })
        else keepData({ kind: 'file', fileName: name, problem: reply.problem })
      } catch (error) {
        if (mine === seq) keepData({ kind: 'failed', message: messageOf(error) })
      }
    },
  }
}
