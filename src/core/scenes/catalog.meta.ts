import { expectOneOf } from '../errors'
import type { Bilingual } from '../types'
import type { Scene } from './types'

/**
 * What the first screen knows of a lecture scene before its content loads: enough to read a link (`scene=…&
 * card=…`), to choose an embed's panel and to check a host page's `setScene` command. The full scene (cards,
 * racers, actions, claims) is in the registry of ./meta.ts, which the main thread loads on demand
 * (src/state/scene/sceneLibrary.ts), so the narration of every scene in two languages is not initial JS.
 */
export interface SceneEntry {
  /** The scene's id (`Scene.id`). */
  id: string
  /** Its position in the lecture order, 1-based (`Scene.number`). */
  number: number
  title: Bilingual
  /** `Scene.kind`: a classifier scene opens the lab, a surface scene the playground. */
  kind: Scene['kind']
  /** `Scene.surface`, for surface scenes. */
  surface?: string
  /** How many narration cards it has (`Scene.cards.length`): a link's `card` counts from 0 below this. */
  cardCount: number
  /** `Scene.lrLogX`: the learning-rate chart opens on a log x axis. */
  lrLogX?: true
}

/**
 * The catalog entry of a full scene. The catalog below is written out (so the first screen does not load the
 * scenes to compute it); test/core/scenes/catalog.test.ts holds it equal to `sceneList.map(sceneEntryOf)`.
 */
export function sceneEntryOf(scene: Scene): SceneEntry {
  const entry: SceneEntry = {
    id: scene.id,
    number: scene.number,
    title: { zh: scene.title.zh, en: scene.title.en },
    kind: scene.kind,
    cardCount: scene.cards.length,
  }
  if (scene.surface !== undefined) entry.surface = scene.surface
  if (scene.lrLogX === true) entry.lrLogX = true
  return entry
}

/** The scenes of ./meta.ts `sceneList`, in lecture order, as catalog entries. */
export const sceneCatalogList: readonly SceneEntry[] = [
  {
    id: 'saddle-escape',
    number: 1,
    title: { zh: '鞍点不可怕', en: 'Don’t fear the saddle point' },
    kind: 'surface',
    surface: 'saddle',
    cardCount: 7,
  },
  {
    id: 'minimum-ratio',
    number: 2,
    title: { zh: '最小值比例', en: 'Minimum ratio check-up' },
    kind: 'surface',
    surface: 'saddle',
    cardCount: 8,
  },
  {
    id: 'stuck-not-small-gradient',
    number: 3,
    title: { zh: '卡住 ≠ 梯度小', en: 'Stuck ≠ small gradient' },
    kind: 'surface',
    surface: 'pokemon-sum',
    cardCount: 8,
  },
  {
    id: 'adagrad-spurts',
    number: 4,
    title: { zh: 'Adagrad 冲到终点又喷出去', en: 'Adagrad shoots off near the finish' },
    kind: 'surface',
    surface: 'pokemon',
    cardCount: 7,
  },
  {
    id: 'decay-and-warm-up',
    number: 5,
    title: { zh: '学习率调度：衰减与预热', en: 'Decay and warm-up' },
    kind: 'surface',
    surface: 'pokemon',
    cardCount: 7,
    lrLogX: true,
  },
  {
    id: 'batch-size',
    number: 6,
    title: { zh: '批量大小：蓄力 vs 连发', en: 'Full batch vs batch size 1' },
    kind: 'surface',
    surface: 'mini-batch-linear',
    cardCount: 7,
  },
  {
    id: 'canyon-vs-basin',
    number: 7,
    title: { zh: '峡谷与盆地', en: 'Canyon vs basin' },
    kind: 'surface',
    surface: 'canyon-basin',
    cardCount: 7,
  },
  {
    id: 'momentum-ball',
    number: 8,
    title: { zh: '动量小球翻过小山', en: 'The momentum ball' },
    kind: 'surface',
    surface: 'momentum-hill',
    cardCount: 6,
  },
  {
    id: 'rmsprop-brakes',
    number: 9,
    title: { zh: 'RMSProp 踩刹车', en: 'RMSProp hits the brakes' },
    kind: 'surface',
    surface: 'rmsprop-cliff',
    cardCount: 6,
  },
  {
    id: 'feature-normalization',
    number: 10,
    title: { zh: '把山铲平：特征归一化', en: 'Flatten the mountain: feature normalization' },
    kind: 'surface',
    surface: 'feature-raw',
    cardCount: 7,
  },
  {
    id: 'mse-vs-cross-entropy',
    number: 11,
    title: { zh: '分类：MSE 的高原 vs 交叉熵', en: 'MSE plateau vs cross-entropy' },
    kind: 'surface',
    surface: 'mse-logits',
    cardCount: 7,
  },
  {
    id: 'dot-regularization',
    number: 12,
    title: { zh: 'dot.csv：正则化与决策边界', en: 'Regularization and the decision boundary' },
    kind: 'classifier',
    cardCount: 6,
  },
  {
    id: 'slice-saddle',
    number: 13,
    title: { zh: '一维看是极小值，二维看是鞍点', en: 'A minimum along a line, a saddle in the plane' },
    kind: 'surface',
    surface: 'saddle-classic',
    cardCount: 6,
  },
  {
    id: 'flat-vs-sharp',
    number: 14,
    title: { zh: '平坦与尖锐的最小值：L2 做了什么', en: 'Flat vs sharp minima: what L2 does' },
    kind: 'classifier',
    cardCount: 9,
  },
]

/** The lookups of a scene catalog (see `createSceneCatalog`). */
export interface SceneCatalog {
  /** The entries in lecture order. */
  entries: readonly SceneEntry[]
  /** Their ids in lecture order. */
  ids: readonly string[]
  /** The entry with this id, or undefined. */
  find(id: string): SceneEntry | undefined
  /** The entry with this id; otherwise a SpecError (field 'scene') listing the allowed ids. */
  get(id: string): SceneEntry
}

/** The lookups over `list` (lecture order); a test with a toy scene builds its own from the extended list. */
export function createSceneCatalog(list: readonly SceneEntry[]): SceneCatalog {
  const entries = [...list]
  const ids = entries.map((e) => e.id)
  return {
    entries,
    ids,
    find: (id) => entries.find((e) => e.id === id),
    get: (id) => entries[ids.indexOf(expectOneOf(id, 'scene', ids))],
  }
}

/** The catalog of the lecture scenes. */
export const sceneCatalog: SceneCatalog = createSceneCatalog(sceneCatalogList)
