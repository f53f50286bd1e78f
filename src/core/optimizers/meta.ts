import type { Bilingual, Convention } from '../types'
import { adagradMeta } from './adagrad.meta'
import { adamMeta } from './adam.meta'
import { adamwMeta } from './adamw.meta'
import { optimizerMetaRegistry } from './metaRegistry'
import { momentumMeta } from './momentum.meta'
import { nesterovMeta } from './nesterov.meta'
import { newtonMeta } from './newton.meta'
import { rmspropMeta } from './rmsprop.meta'
import { sgdMeta } from './sgd.meta'

export { conventions, optimizerMetaRegistry } from './metaRegistry'
export {
  hyperParam,
  hyperParamDomain,
  hyperParamName,
  hyperParamUrlNames,
  rateKey,
  weightDecayParam,
} from './optimizerMeta'
export type {
  ConventionRule,
  HyperParamKey,
  HyperParamSpec,
  OptimizerCapabilities,
  OptimizerCardNote,
  OptimizerMeta,
  StateKeySpec,
} from './optimizerMeta'

/**
 * The optimizer meta registry, the table of contents in display order: per kind its name, per convention
 * the TeX rule, state keys and hyper-parameters (domains, sliders, defaults), its teaching η, add order,
 * capability flags and card notes. The main thread reads only this; the kernels are in `./index`.
 */
export const optimizerMetaList = [
  sgdMeta,
  momentumMeta,
  nesterovMeta,
  adagradMeta,
  rmspropMeta,
  adamMeta,
  adamwMeta,
  newtonMeta,
] as const

/** Optimizer kinds, derived from the meta registry. */
export type OptimizerKind = (typeof optimizerMetaList)[number]['id']

export const {
  optimizerMeta,
  optimizerKinds,
  optimizerAddOrder,
  isOptimizerKind,
  supportedConventions,
  defaultConvention,
} = optimizerMetaRegistry(optimizerMetaList)

/** How the UI names each convention (docs/conventions.md). */
export const conventionNames: Readonly<Record<Convention, Bilingual>> = {
  lecture: { en: 'Li Hongyi lecture (ML2021)', zh: '李宏毅课程（ML2021）' },
  pytorch: { en: 'PyTorch', zh: 'PyTorch' },
  tensorflow: { en: 'TensorFlow.js', zh: 'TensorFlow.js' },
  course: { en: 'PKU TensorFlow course', zh: '北大 TensorFlow 课程' },
}

/** TeX of the L2 weight decay that every kind but AdamW and Newton applies first when `weightDecay` > 0. */
export const weightDecayRule = 'g \\leftarrow g + \\lambda_{\\mathrm{wd}}\\, \\theta'
