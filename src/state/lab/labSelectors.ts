import type { TrainRunKey } from '../../worker/protocol'
import { labRunConfigs } from './labSettings'
import type { NetSettings } from './labSettings'
import { comparisonKeyOf } from './slices/comparisonSlice'
import type { LabState } from './labStore'

/**
 * Named, module-level selectors of the lab store: each returns a primitive or an object that keeps its
 * identity until it really changes, so `useLab(selectX)` re-renders only then. Per-frame data (`traces`) is
 * for `store.subscribe`, keyed on `selectFrame`.
 */

export const selectSettings = (s: LabState) => s.settings
export const selectMode = (s: LabState) => s.settings.mode
export const selectNetA = (s: LabState) => s.settings.a
export const selectNetB = (s: LabState) => s.settings.b
export const selectSeed = (s: LabState) => s.settings.seed
export const selectCompareSettings = (s: LabState) => s.settings.compare
export const selectDataSource = (s: LabState) => s.settings.data
export const selectLanguage = (s: LabState) => s.language
export const selectNotices = (s: LabState) => s.notices
export const selectData = (s: LabState) => s.data
export const selectDataset = (s: LabState) => s.data.dataset
export const selectDataProblem = (s: LabState) => s.data.problem
/** The source of the data on screen, else (before any data) the one the settings ask for. */
export const selectShownSource = (s: LabState) => s.data.source ?? s.settings.data
export const selectRunStatus = (s: LabState) => s.run.status
export const selectEpoch = (s: LabState) => s.run.epoch
/** The epoch on screen: the scrubber's position. */
export const selectView = (s: LabState) => s.run.view
export const selectPace = (s: LabState) => s.settings.pace
/** The epochs the worker's record keeps are the multiples of this (1 unless memory ran short). */
export const selectRecordStride = (s: LabState) => Math.max(s.traces.a.stride, s.traces.b.stride)
export const selectRunError = (s: LabState) => s.run.error
export const selectFrame = (s: LabState) => s.frame
export const selectComparison = (s: LabState) => s.comparison
export const selectHessian = (s: LabState) => s.hessian

/** True once the comparison rows no longer match network A, the data or the comparison settings. */
export const selectComparisonStale = (s: LabState): boolean =>
  s.comparison.status === 'done' && s.comparison.key !== comparisonKeyOf(s)

/** Planned epochs of run 'a' or 'b' (the x axis of the curves). */
export function selectPlannedEpochs(s: LabState, key: TrainRunKey): number {
  return labRunConfigs(s.settings)[key === 'a' ? 0 : 1].config.epochs
}

/** Planned epochs of the longer run. */
export const selectMaxEpochs = (s: LabState): number =>
  Math.max(selectPlannedEpochs(s, 'a'), selectPlannedEpochs(s, 'b'))

/** Number of weights and biases of a 2-h₁-…-1 network: Σ (inputs + 1)·units (45 for 2-11-1). */
export function parameterCount(hidden: readonly number[], batchNorm = false): number {
  const sizes = [2, ...hidden, 1]
  let n = 0
  for (let l = 0; l + 1 < sizes.length; l++) {
    n += (sizes[l] + 1) * sizes[l + 1]
    // Batch norm adds γ and β to every hidden unit.
    if (batchNorm && l + 1 < sizes.length - 1) n += 2 * sizes[l + 1]
  }
  return n
}

/** Updates per epoch: ⌈training rows / batch size⌉ (the last batch may be smaller). */
export function updatesPerEpoch(
  rows: number,
  net: Pick<NetSettings, 'batchSize' | 'validationSplit'>,
): number {
  const train = net.validationSplit > 0 ? Math.floor(rows * (1 - net.validationSplit)) : rows
  return Math.max(1, Math.ceil(train / Math.max(1, Math.min(net.batchSize, train))))
}
