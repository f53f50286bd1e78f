import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { Language } from '../../i18n/translate'
import type { UrlNotice } from '../url/notices'
import { createMemoryVault } from './dataVault'
import type { DataVault } from './dataVault'
import type { LabSettings } from './labSettings'
import { createComparisonSlice } from './slices/comparisonSlice'
import type { ComparisonSlice } from './slices/comparisonSlice'
import { createDataLoader, fetchTextDefault } from './slices/dataLoader'
import { createDatasetSlice } from './slices/datasetSlice'
import type { DatasetSlice } from './slices/datasetSlice'
import { createHessianSlice } from './slices/hessianSlice'
import type { HessianSlice } from './slices/hessianSlice'
import { createLandscapeSlice } from './slices/landscapeSlice'
import type { LandscapeSlice } from './slices/landscapeSlice'
import type { InterpolationDriver, LandscapeDriver } from '../../worker/protocol'
import { createInterpolationSlice } from './slices/interpolationSlice'
import type { InterpolationSlice } from './slices/interpolationSlice'
import { createLabSettingsSlice } from './slices/labSettingsSlice'
import type { LabSettingsSlice } from './slices/labSettingsSlice'
import { createTrainingSlice } from './slices/trainingSlice'
import type { TrainingSlice } from './slices/trainingSlice'
import type { TrainDriver } from './trainDriver'

export { comparisonKeyOf } from './slices/comparisonSlice'
export type { LabComparisonState } from './slices/comparisonSlice'
export { DOT_CSV_URL } from './slices/dataLoader'
export type { DataProblem, LabDataState } from './slices/datasetSlice'
export type { LabHessianState } from './slices/hessianSlice'
export type { LabRunState, LabRunStatus } from './slices/trainingSlice'

/**
 * The whole lab: its settings (plain data, what a lab link carries), the data set, the training session of
 * networks A and B, the optimizer comparison and the Hessian spectrum.
 */
export type LabState = LabSettingsSlice &
  DatasetSlice &
  TrainingSlice &
  ComparisonSlice &
  HessianSlice &
  LandscapeSlice &
  InterpolationSlice

export type LabStore = StoreApi<LabState>

export interface LabStoreOptions {
  /** First settings, e.g. `parseLabUrl(location.search).settings`; default: the course's experiment. */
  initialSettings?: LabSettings
  notices?: UrlNotice[]
  language?: Language
  /** Fetches dot.csv as text (default: `fetch`, relative to the page). */
  fetchText?: (url: string) => Promise<string>
  /** Where users' CSV files are kept across reloads (main.tsx: IndexedDB; default: in memory). */
  vault?: DataVault
  /**
   * Start a paused run at epoch 0 whenever the settings or the data change (default true), so both views
   * always show the initial boundaries of what "train" will train, and "train" only has to press play.
   */
  autoPrepare?: boolean
}

/**
 * Creates the classifier lab's vanilla store from its slices (zustand's slices pattern, like the app store's
 * `createAppStore`), testable without React or a worker. The worker sits behind `driver` (createStores.ts
 * passes `client.train`); the settings and data slices share one `DataLoader`, so only the newest data
 * request lands. Nothing loads until `activate()`; `dispose()` detaches from the driver.
 */
export function createLabStore(
  driver: TrainDriver & Partial<LandscapeDriver & InterpolationDriver>,
  options: LabStoreOptions = {},
): LabStore {
  return createStore<LabState>()((...a) => {
    const loader = createDataLoader(a[2], {
      driver,
      fetchText: options.fetchText ?? fetchTextDefault,
      vault: options.vault ?? createMemoryVault(),
    })
    return {
      ...createLabSettingsSlice({
        loader,
        initialSettings: options.initialSettings,
        notices: options.notices,
        language: options.language,
      })(...a),
      ...createDatasetSlice({ loader })(...a),
      ...createTrainingSlice({ driver, autoPrepare: options.autoPrepare !== false })(...a),
      ...createComparisonSlice({ driver })(...a),
      ...createHessianSlice({ driver })(...a),
      ...createLandscapeSlice({ driver })(...a),
      ...createInterpolationSlice({ driver })(...a),
    }
  })
}
