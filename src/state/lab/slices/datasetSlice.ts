import type { StateCreator } from 'zustand/vanilla'
import type { Dataset } from '../../../core/mlp/types'
import type { Extent } from '../../../core/types'
import type { DatasetProblem } from '../../../worker/protocol'
import { LAB_EXTENT } from '../labGrid'
import type { LabExportProblem } from '../labExport'
import type { LabDataSource } from '../labSettings'
import type { LabState } from '../labStore'
import { normalizeDataSource } from '../normalizeNet'
import { sameSource } from './dataLoader'
import type { DataLoader, LabFile } from './dataLoader'

/** Why the last data request did not change the data (the previous data set stays). */
export type DataProblem =
  /** The parser refused a CSV: its code, line and details, for a message in either language. */
  | { kind: 'file'; fileName: string; problem: DatasetProblem }
  /** dot.csv could not be fetched. */
  | { kind: 'fetch' }
  /** The worker failed (a crash, or generation parameters it refused). */
  | { kind: 'failed'; message: string }
  /** A picked file over the size limit, refused before it was read (`size` and `limit` in bytes). */
  | { kind: 'tooLarge'; fileName: string; size: number; limit: number }
  /** The browser could not read a picked file. */
  | { kind: 'read'; fileName: string }
  /** A lab export file that was refused (labExport.ts says why). */
  | { kind: 'export'; fileName: string; problem: LabExportProblem }

export interface LabDataState {
  /** 'failed': no data at all (the first load failed); 'loading' keeps showing the previous data set. */
  status: 'idle' | 'loading' | 'ready' | 'failed'
  dataset: Dataset | null
  /** Where `dataset` came from (a file is named; a link carries only its hash). */
  source: LabDataSource | null
  /** The boundary views' extent for this data (`dataExtent`). */
  extent: Extent
  /** Bumped whenever `dataset` changes. */
  version: number
  problem: DataProblem | null
}

/** The data set both networks train on, loaded in the worker through the `DataLoader`. */
export interface DatasetSlice {
  data: LabDataState
  /** Loads the data of the settings the first time the lab is shown (idempotent). */
  activate(): void
  /** Switches to dot.csv or a generated set (loaded in the worker). */
  setDataSource(source: LabDataSource): void
  /** Parses a user's CSV in the worker; a refused file leaves the current data and sets `data.problem`. */
  loadFile(text: string, fileName: string): Promise<void>
  /** Reads a picked or dropped file (size checked first): a lab export restores data and settings, else a CSV. */
  openFile(file: LabFile): Promise<void>
  /** The "export lab" file of the current data and settings (undefined before any data). */
  exportLab(): Promise<{ fileName: string; text: string } | undefined>
  dismissProblem(): void
}

export function createDatasetSlice(deps: {
  loader: DataLoader
}): StateCreator<LabState, [], [], DatasetSlice> {
  const { loader } = deps
  return (set, get) => ({
    data: {
      status: 'idle',
      dataset: null,
      source: null,
      extent: structuredClone(LAB_EXTENT),
      version: 0,
      problem: null,
    },

    activate() {
      const { data, settings } = get()
      if (data.status !== 'idle') return
      // A file the link names by hash comes back from this browser's vault (or dot.csv, with a notice).
      void loader.loadSource(settings.data)
    },
    setDataSource(source) {
      const clean = normalizeDataSource(source, true)
      if (clean === undefined) return
      const { settings, data } = get()
      if (sameSource(data.source, clean) && data.status === 'ready') return
      set({ settings: { ...settings, data: clean } })
      void loader.loadSource(clean)
    },
    loadFile: (text, fileName) => loader.loadFile(text, fileName),
    openFile: (file) => loader.openFile(file),
    exportLab: () => loader.exportLab(),
    dismissProblem() {
      const { data } = get()
      if (data.problem !== null) set({ data: { ...data, problem: null } })
    },
  })
}
