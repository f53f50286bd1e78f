import type { StoreApi } from 'zustand/vanilla'
import { MAX_CSV_LENGTH } from '../../../core/limits'
import type { Dataset } from '../../../core/mlp/types'
import type { DataSourcePayload } from '../../../worker/protocol'
import type { UrlNotice } from '../../url/notices'
import type { DataVault } from '../dataVault'
import { hashText } from '../dataVaultHash'
import { dataExtent } from '../labGrid'
import { datasetToCsv, labExportFileName, looksLikeLabExport, MAX_EXPORT_LENGTH } from '../labExport'
import { readLabExport, writeLabExport } from '../labExport'
import type { LabDataSource, LabSettings } from '../labSettings'
import type { LabState } from '../labStore'
import type { TrainDriver } from '../trainDriver'
import { idleComparison } from './comparisonSlice'
import type { DataProblem } from './datasetSlice'
import { messageOf } from '../../messageOf'

/** The course's data, next to index.html (public/dot.csv): relative, so the app works from any sub-path. */
export const DOT_CSV_URL = './dot.csv'

const MAX_FILE_NAME = 80

/** What the lab needs of a picked or dropped file (a DOM `File` is one): its size is checked before reading. */
export interface LabFile {
  name: string
  /** In bytes. */
  size: number
  text(): Promise<string>
}

/** Brings data sets into the lab store; shared by the settings slice (a link's source) and the data slice. */
export interface DataLoader {
  /**
   * Loads dot.csv, a generated set, or a user's file kept in this browser under its hash (a hash this
   * browser does not have shows dot.csv with a notice; a file without a hash shows dot.csv).
   */
  loadSource(source: LabDataSource): Promise<void>
  /** Parses a user's CSV and keeps it in the vault; a refused file keeps the current data and sets `data.problem`. */
  loadFile(text: string, fileName: string): Promise<void>
  /** Reads a picked or dropped file: a lab export (`.json`, or text opening like one) or a CSV. */
  openFile(file: LabFile): Promise<void>
  /** Restores the data and settings of an export file's text; a bad file keeps everything and says why. */
  importLab(text: string, fileName: string): Promise<void>
  /** The export file of the current data and settings (undefined before any data). */
  exportLab(): Promise<{ fileName: string; text: string } | undefined>
}

export async function fetchTextDefault(url: string): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  return response.text()
}

/** Equal data sources (both plain data); null, the source before any data, equals nothing. */
export const sameSource = (p: LabDataSource | null, q: LabDataSource): boolean =>
  p !== null && JSON.stringify(p) === JSON.stringify(q)

/** The same data: equal sources, or files with one hash (a link's file has no name until it is restored). */
export const sameData = (p: LabDataSource | null, q: LabDataSource): boolean =>
  sameSource(p, q) || (p?.kind === 'file' && q.kind === 'file' && p.hash !== undefined && p.hash === q.hash)

/** The notice for a link naming a file this browser does not keep (its hash was checked by the link parser). */
const missingNotice = (hash: string): UrlNotice => ({
  key: 'l.data',
  message: 'lab.notice.fileMissing',
  params: { hash: hash.slice(0, 12) },
})

/** A name for data that did not come from a file, for exports. */
function dataName(source: LabDataSource): string {
  if (source.kind === 'file') return source.name === '' ? 'data.csv' : source.name
  if (source.kind === 'dot') return 'dot.csv'
  return `${source.shape}-${source.n}-seed${source.seed}.csv`
}

/**
 * Creates the loader over the lab store. Only the newest request may change the data: each one takes a
 * sequence number, and an answer that arrives after a newer request started is dropped, so a slow dot.csv
 * cannot overwrite a file the student picked meanwhile. A user's CSV goes into `vault` under its SHA-256
 * once the worker accepted it, and the source names that hash only when it was kept, so the link
 * (`l.data=file:<hash>`) never promises data this browser does not have.
 */
export function createDataLoader(
  store: Pick<StoreApi<LabState>, 'getState' | 'setState'>,
  deps: { driver: TrainDriver; fetchText: (url: string) => Promise<string>; vault: DataVault },
): DataLoader {
  const { driver, fetchText, vault } = deps
  const get = store.getState
  const set = (partial: Partial<LabState>): void => store.setState(partial)
  let seq = 0
  /** The CSV text of the current data (dot.csv or a file), for exports; undefined for a generated set. */
  let currentText: string | undefined

  function acceptDataset(
    dataset: Dataset,
    source: LabDataSource,
    text: string | undefined,
    from?: { settings: LabSettings; notices: UrlNotice[] },
  ): void {
    const { data, settings } = get()
    currentText = text
    const base = from?.settings ?? settings
    set({
      data: {
        status: 'ready',
        dataset,
        source,
        extent: dataExtent(dataset),
        version: data.version + 1,
        problem: null,
      },
      settings:
        from === undefined && sameSource(settings.data, source) ? settings : { ...base, data: source },
      ...(from !== undefined && { notices: from.notices }),
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

  /** Keeps `text` in the vault; its hash when kept, undefined when hashing or storage failed. */
  async function keep(text: string, name: string, known?: string): Promise<string | undefined> {
    try {
      const hash = known ?? (await hashText(text))
      await vault.put({ hash, name, size: text.length, text })
      return hash
    } catch {
      return undefined
    }
  }

  /** Parses a CSV in the worker; on success keeps it and makes it the data (with an export's settings). */
  async function loadCsv(
    text: string,
    name: string,
    options: { hash?: string; from?: { settings: LabSettings; notices: UrlNotice[] } } = {},
  ): Promise<void> {
    const mine = ++seq
    set({ data: { ...get().data, status: 'loading', problem: null } })
    try {
      const reply = await driver.load({ kind: 'csv', text })
      if (mine !== seq) return
      if (!reply.ok) return keepData({ kind: 'file', fileName: name, problem: reply.problem })
      const hash = await keep(text, name, options.hash)
      if (mine !== seq) return
      const source: LabDataSource = hash === undefined ? { kind: 'file', name } : { kind: 'file', name, hash }
      acceptDataset(reply.dataset, source, text, options.from)
    } catch (error) {
      if (mine === seq) keepData({ kind: 'failed', message: messageOf(error) })
    }
  }

  /** A link's file: from the vault, or dot.csv with a plain notice when this browser does not have it. */
  async function restore(hash: string): Promise<void> {
    const mine = ++seq
    set({ data: { ...get().data, status: 'loading', problem: null } })
    const record = await vault.get(hash).catch(() => undefined)
    if (mine !== seq) return
    if (record !== undefined) return loadCsv(record.text, record.name, { hash })
    const { notices, settings } = get()
    const notice = missingNotice(hash)
    set({
      notices: notices.some((n) => n.message === notice.message) ? notices : [...notices, notice],
      // Every other setting of the link stays; only the data falls back.
      settings: { ...settings, data: { kind: 'dot' } },
    })
    return loader.loadSource({ kind: 'dot' })
  }

  async function importLab(text: string, fileName: string): Promise<void> {
    const name = String(fileName).slice(0, MAX_FILE_NAME)
    const mine = ++seq
    set({ data: { ...get().data, status: 'loading', problem: null } })
    const read = await readLabExport(text).catch(() => ({ ok: false, problem: 'hash' }) as const)
    if (mine !== seq) return
    if (!read.ok) return keepData({ kind: 'export', fileName: name, problem: read.problem })
    const { file, settings, notices } = read
    return loadCsv(file.text, file.name, { hash: file.hash, from: { settings, notices } })
  }

  const loader: DataLoader = {
    async loadSource(source) {
      if (source.kind === 'file') {
        return source.hash === undefined ? loader.loadSource({ kind: 'dot' }) : restore(source.hash)
      }
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
        if (reply.ok) acceptDataset(reply.dataset, source, payload.kind === 'csv' ? payload.text : undefined)
        else keepData({ kind: 'file', fileName: 'dot.csv', problem: reply.problem })
      } catch (error) {
        if (mine === seq) keepData({ kind: 'failed', message: messageOf(error) })
      }
    },

    loadFile: (text, fileName) => loadCsv(text, String(fileName).slice(0, MAX_FILE_NAME)),

    async openFile(file) {
      const name = String(file.name).slice(0, MAX_FILE_NAME)
      const isExport = /\.json$/i.test(name)
      // Checked before reading: a CSV of numbers has one byte per character, so a file over the limit in
      // bytes is refused without holding it in memory.
      const limit = isExport ? MAX_EXPORT_LENGTH : MAX_CSV_LENGTH
      if (!(file.size <= limit)) return keepData({ kind: 'tooLarge', fileName: name, size: file.size, limit })
      let text: string
      try {
        text = await file.text()
      } catch {
        return keepData({ kind: 'read', fileName: name })
      }
      return isExport || looksLikeLabExport(text) ? importLab(text, name) : loader.loadFile(text, name)
    },

    importLab,

    async exportLab() {
      const { data, settings } = get()
      if (data.dataset === null || data.source === null) return undefined
      const text = currentText ?? datasetToCsv(data.dataset)
      const name = dataName(data.source)
      const hash =
        data.source.kind === 'file' && data.source.hash !== undefined
          ? data.source.hash
          : await hashText(text)
      return { fileName: labExportFileName(name), text: writeLabExport({ name, hash, text, settings }) }
    },
  }
  return loader
}
