import type { Bilingual, Extent, NoiseSpec, OptimizerSpec, ScheduleSpec, Vec2 } from '../types'

/**
 * What a scene's side panels show: contours, loss and ‖g‖ per step, η_t, the story cards, λ(H), the MLP, and
 * the loss along a line of the surface (`slice`, under the surface).
 */
export type ScenePanel =
  'surface' | 'loss' | 'gradNorm' | 'schedule' | 'cards' | 'hessian' | 'classifier' | 'slice'

/**
 * The storytelling arc of every lecture segment (docs/lectures.md §3), in order: the symptom, the tempting belief,
 * the tiny worked example, the math ("Warning of Math"), what to watch on screen, the one-line moral.
 */
export type SceneCardKind = 'symptom' | 'belief' | 'example' | 'math' | 'watch' | 'moral'

/** The arc's order, for checks and for numbering the cards. */
export const SCENE_CARD_ORDER: readonly SceneCardKind[] = [
  'symptom',
  'belief',
  'example',
  'math',
  'watch',
  'moral',
]

/** Built-in classifier set-ups (see `classifierPresets`). */
export type ClassifierPresetId = 'course'

/**
 * A change to the scene's set-up that a card's button applies, as plain data (`applySceneAction` is the
 * reference semantics). Racer indices count from 0 in the scene's `racers` order.
 * - `escape`: start ← start + distance·u, u the unit eigenvector of the Hessian's most negative eigenvalue at
 *   the start (first component positive; `analyzePoint(...).escapeDirection`); nothing happens where the start
 *   is not a critical point with a negative eigenvalue. `distance` defaults to 1; √2 gives Lee's u = [1, 1]ᵀ.
 * - `setStart`: a new start point. `setSurface`: another surface, keeping start and racers.
 * - `setRacer`: merges `patch` into racer `index`'s optimizer spec.
 * - `setSchedule`: the shared schedule (racers with their own keep theirs). `setNoise`: the shared gradient
 *   noise; std 0 switches it off.
 * - `showRacers`: only these racers are drawn (the others still run).
 * - `setLambda`: the classifier's L2 weight λ (0 = none).
 * - `play`, `toEnd`: playback only (start playing; jump to the last step); the set-up is unchanged.
 * - `sequence`: several actions, applied in order.
 */
export type SceneAction =
  | { type: 'escape'; distance?: number }
  | { type: 'setStart'; start: Vec2 }
  | { type: 'setSurface'; surface: string }
  | { type: 'setRacer'; index: number; patch: Partial<OptimizerSpec> }
  | { type: 'setSchedule'; schedule: ScheduleSpec }
  | { type: 'setNoise'; noise: NoiseSpec }
  | { type: 'showRacers'; indices: number[] }
  | { type: 'setLambda'; lambda: number }
  | { type: 'play' }
  | { type: 'toEnd' }
  | { type: 'sequence'; actions: SceneAction[] }

/** One narration card: one to three short sentences per language, plain text (no HTML). */
export interface SceneCard {
  /** Url-safe slug, unique within the scene (deep links, tests). */
  id: string
  kind: SceneCardKind
  title: Bilingual
  body: Bilingual
  /** A formula in KaTeX, in the lecture's notation (θ, η, g, H, λ, σ, m, ŷ label, y output). */
  tex?: string
  /** What the card's button does to the scene. */
  action?: SceneAction
}

/** One optimizer of the scene's race. Its own `schedule` overrides the scene's shared one. */
export interface SceneRacer {
  label?: Bilingual
  optimizer: OptimizerSpec
  schedule?: ScheduleSpec
  /** Examples per mini-batch on a data surface (`BatchSpec`, drawn from the noise seed); absent: full batch. */
  batch?: number
}

/** The classifier of a scene: a preset and the L2 weight λ (undefined = the preset's own regularization). */
export interface SceneClassifier {
  preset: ClassifierPresetId
  lambda?: number
}

/**
 * A lecture scene (docs/lectures.md §4) as plain data: what to load, what to run, and the story to tell.
 * `kind: 'surface'` races `racers` on `surface` from `start` (default: the surface's start); `kind:
 * 'classifier'` trains `classifier` on dot.csv. A surface scene may also carry a classifier (the minimum-ratio
 * scene shows both). `claims` are the scene's checkable statements, each one tested in test/core/scenes.
 */
export interface Scene {
  /** Url-safe slug, e.g. 'saddle-escape'. */
  id: string
  /** Position in the lecture order, 1-based. */
  number: number
  title: Bilingual
  summary: Bilingual
  kind: 'surface' | 'classifier'
  /** Registry id of the surface (surface scenes). */
  surface?: string
  /**
   * A second surface on which the racers' points are also evaluated but never optimized: the testing loss
   * next to the training loss (canyon vs basin).
   */
  testSurface?: string
  start?: Vec2
  /** Visible part of parameter space; default the surface's extent. */
  view?: Extent
  racers?: SceneRacer[]
  /** Shared learning-rate schedule (default constant). */
  schedule?: ScheduleSpec
  /** Shared gradient noise (default none). */
  noise?: NoiseSpec
  /** Updates per racer (surface scenes) or epochs (classifier scenes). */
  steps: number
  /**
   * 'epochs': a surface scene's `steps` counts epochs (each racer makes steps·⌈N/B⌉ updates) and its charts
   * count epochs on the x-axis. Absent: updates.
   */
  count?: 'epochs'
  /** Playback speed: steps (or epochs) per second. */
  speed: number
  panels: ScenePanel[]
  /** Draw the momentum slide's arrows: the negative gradient (red, dashed) and the movements (blue). */
  showArrows?: boolean
  classifier?: SceneClassifier
  /**
   * The learning-rate chart opens with a log x axis over steps 1…T (the student can switch it back): scene 5's
   * 1,000-step warm-up is a sliver of 100,000 steps on a linear axis.
   */
  lrLogX?: true
  cards: SceneCard[]
  claims: Bilingual[]
}
