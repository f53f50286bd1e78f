import { datasetKinds } from '../../core/mlp/datasetKinds.meta'
import type { Regularization } from '../../core/mlp/types'
import type { MessageKey } from '../../i18n/en'
import type { Language } from '../../i18n/translate'
import type { LabDataSource, LabMode, NetSettings } from '../../state/lab/labSettings'
import type { TrainRunKey } from '../../worker/protocol'
import { formatNumber } from '../../ui/formatNumber'

type T = (key: MessageKey, params?: Record<string, string | number>) => string

/** "L2, λ = 0.03", "L1, λ = 0.001" or "none", for titles. */
export function regularizationText(t: T, reg: Regularization): string {
  if (reg.kind === 'none') return t('lab.net.reg.none')
  return `${reg.kind === 'l2' ? 'L2' : 'L1'}, λ = ${formatNumber(reg.lambda)}`
}

/** The title of run `key`'s view: without/with regularization, or network A/B. */
export function runName(t: T, mode: LabMode, key: TrainRunKey, a: NetSettings): string {
  if (mode === 'compare') return t(key === 'a' ? 'lab.view.a' : 'lab.view.b')
  if (key === 'a') return t('lab.view.without')
  // Named by what it is: network A without a penalty is not "with none" but the left one over again.
  if (a.regularization.kind === 'none') return t('lab.view.withNone')
  return t('lab.view.with', { reg: regularizationText(t, a.regularization) })
}

/** A fraction as a percentage with one decimal ("93.3%"). */
export function percent(v: number): string {
  return Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '–'
}

/** Colours of the two runs in charts (Okabe–Ito blue and vermillion) and their lighter companions. */
export const RUN_COLORS: Readonly<Record<TrainRunKey, { main: string; data: string; val: string }>> = {
  a: { main: '#0072b2', data: '#7fb2d8', val: '#009e73' },
  b: { main: '#d55e00', data: '#eaae80', val: '#cc79a7' },
}

/** What the lab's data is called in its title: dot.csv, the user's file by name, or the generated set. */
export function dataTitle(t: T, lang: Language, source: LabDataSource): string {
  if (source.kind === 'dot') return 'dot.csv'
  if (source.kind === 'file') return source.name === '' ? t('lab.data.fileUnnamed') : source.name
  return t('lab.data.generatedTitle', { shape: datasetKinds[source.shape].label[lang], n: source.n })
}
