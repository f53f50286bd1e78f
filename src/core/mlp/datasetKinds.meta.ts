import type { Bilingual } from '../types'
import type { DatasetKind } from './types'

/** What the UI shows of a synthetic data set kind: its name and the labelling rule in TeX. */
export interface DatasetKindMeta {
  label: Bilingual
  rule: string
}

/**
 * Synthetic data set kinds with their UI names, in UI order: the main thread's registry (`generateDataset`
 * in ./generateDataset.ts draws them). Keyed by every `DatasetKind`, so a kind without an entry is a type error.
 */
export const datasetKinds: Readonly<Record<DatasetKind, DatasetKindMeta>> = {
  circle: {
    label: { en: 'circle (like dot.csv)', zh: '圆（同 dot.csv）' },
    rule: 'y = 1 \\iff x_1^2 + x_2^2 < 2',
  },
  xor: { label: { en: 'XOR quadrants', zh: '异或象限' }, rule: 'y = 1 \\iff x_1 x_2 > 0' },
  gaussians: {
    label: { en: 'two Gaussian blobs', zh: '两团高斯点' },
    rule: 'y = 1 \\text{ around } (1.5, 1.5)',
  },
  spiral: {
    label: { en: 'two spirals', zh: '双螺旋' },
    rule: 'r = 3t,\\ \\phi = 3.5\\pi t\\ (+\\pi \\text{ for } y = 0)',
  },
}

/** Data set kind ids in UI order. */
export const datasetKindIds = Object.keys(datasetKinds) as DatasetKind[]
