import type { Extent, NoiseSpec, OptimizerSpec, Vec2 } from '../core/types'
import type { EmbedView } from './url/embedView'
import type { Language } from '../i18n/translate'
import type { RaceScheduleSpec } from './scheduleRules'
import type { SurfaceCatalog } from './surfaceCatalog'
import type { NetSurfaceSettings } from './netSurfaceSettings'
import type { SliceLine } from './sliceTool'

/** Colour maps of the contour view; `jet` is the lecture's (red = high loss, blue = low). */
export type Palette = 'jet' | 'viridis' | 'cividis'
export const PALETTES: readonly Palette[] = ['jet', 'viridis', 'cividis']

/**
 * The canvases' colour profile: 'screen' (the palette at full strength) or 'projector' (a light, washed-out
 * palette under dark, thick paths: black does not project). Unset, it follows presenter mode.
 */
export type ColorProfileSetting = 'screen' | 'projector'
export const COLOR_PROFILE_SETTINGS: readonly ColorProfileSetting[] = ['screen', 'projector']

/**
 * One optimizer in the race. `color` is its colour slot 0..5 and `id` is derived from it (`r0`…`r5`):
 * slots are unique, so ids are too, they survive add/remove/duplicate, and a URL can rebuild them.
 */
export interface RacerSettings {
  id: string
  color: number
  optimizer: OptimizerSpec
  /** This racer's own schedule, or null to follow the shared one. */
  schedule: RaceScheduleSpec | null
  /** Hidden racers still run (un-hiding is instant) but are not drawn. */
  hidden: boolean
  /**
   * Examples per mini-batch on a data surface (one whose meta states `examples` = N); absent, or ≥ N, is the
   * full batch. Ignored on the other surfaces. Left out rather than undefined, so old links keep their shape.
   */
  batch?: number
}

/** What a race's `steps` and the charts' x-axis count: updates (the default) or epochs (passes over the data). */
export type StepUnit = 'updates' | 'epochs'
export const STEP_UNITS: readonly StepUnit[] = ['updates', 'epochs']

/** Everything a student can set in the playground: plain data, and exactly what a shared link carries. */
export interface Settings {
  surfaceId: string
  /** Visible part of parameter space; null shows the surface's default extent. */
  view: Extent | null
  start: Vec2
  /** 1..MAX_RACERS racers, in legend order. */
  racers: RacerSettings[]
  /** Id of the racer whose formula card and state are shown; always one of `racers`. */
  selectedRacer: string
  /** The learning-rate schedule of every racer without its own. */
  schedule: RaceScheduleSpec
  /** Gaussian gradient noise; std 0 switches it off. */
  noise: NoiseSpec
  /** Updates per racer, 1..100,000 (or epochs, with `count: 'epochs'`). */
  steps: number
  /**
   * 'epochs': `steps` counts epochs, so a racer with ⌈N/B⌉ updates per epoch makes steps·⌈N/B⌉ updates (at
   * most MAX_RACE_STEPS), and the charts' x-axis counts epochs. Absent: updates (the default).
   */
  count?: 'epochs'
  /** Playback speed in steps per second, 1..10,000. */
  speed: number
  palette: Palette
  /** Draw the gradient (red) and movement (blue) arrows of the lecture's momentum slide. */
  showArrows: boolean
  /**
   * Overlay the testing surface's contours (dashed) on the map and its loss in the charts, for a surface whose
   * meta names a `testSurface`; a scene with a testing surface turns it on. Left out when off.
   */
  showTestSurface?: true
  language: Language
  /**
   * The lecture scene being told (an id of the core's `scenes`), absent in the free playground. Optional, and
   * left out rather than set to undefined, so links and settings without a scene keep their exact shape.
   */
  scene?: string
  /** The scene's narration card shown, 0-based; present only with `scene`. */
  card?: number
  /** Presenter mode (large type, high contrast, essential controls); present only when on. */
  presenter?: true
  /** The canvases' colour profile when chosen; absent: 'projector' in presenter mode, else 'screen'. */
  colors?: ColorProfileSetting
  /** The 3D view alone or beside the 2D map (state/surfaceMode.ts); absent for the 2D map. */
  surfaceMode?: '3d' | 'both'
  /** The slice tool's line (state/sliceTool.ts), present while the tool is open; the link's `slice`. */
  slice?: SliceLine
  /**
   * The embedded view (`embed=1`: one panel, chrome-free, driven by the host page over postMessage); present
   * only in an embed. See state/url/embedView.ts.
   */
  embed?: EmbedView
  /**
   * With surface 'net-slice': which network's loss slice (#12), present only when it is not the default
   * (state/netSurfaceSettings.ts; the link's `ns`, `nsnet`).
   */
  net?: NetSurfaceSettings
}

/** The surface of the first race: the lecture's "worst network in history" saddle. */
export const DEFAULT_SURFACE_ID = 'saddle'

/** The id of the racer in colour slot `color`. */
export function racerIdOf(color: number): string {
  return `r${color}`
}

/**
 * The first race a student sees (docs/lectures.md S1): GD (η = 0.01) idles on the saddle's plateau for a few
 * hundred steps, momentum (λ = 0.9, η = 0.05) escapes within tens, and RMSProp (α = 0.9) and Adam (η = 0.05)
 * show adaptive steps, all in the lecture convention, 500 steps at 100 steps/s. Falls back to the catalog's
 * first surface when it has no `saddle`.
 */
export function createDefaultSettings(catalog: SurfaceCatalog, language: Language = 'en'): Settings {
  const surface = catalog.get(DEFAULT_SURFACE_ID) ?? catalog.get(catalog.ids[0])!
  const optimizers: OptimizerSpec[] = [
    { kind: 'sgd', convention: 'lecture', lr: 0.01 },
    { kind: 'momentum', convention: 'lecture', lr: 0.05, momentum: 0.9 },
    { kind: 'rmsprop', convention: 'lecture', lr: 0.05, rho: 0.9 },
    { kind: 'adam', convention: 'lecture', lr: 0.05 },
  ]
  return {
    surfaceId: surface.id,
    view: null,
    start: [surface.start[0], surface.start[1]],
    racers: optimizers.map((optimizer, color) => ({
      id: racerIdOf(color),
      color,
      optimizer,
      schedule: null,
      hidden: false,
    })),
    selectedRacer: racerIdOf(0),
    schedule: { kind: 'constant' },
    noise: { std: 0, seed: 1 },
    steps: 500,
    speed: 100,
    palette: 'jet',
    showArrows: false,
    language,
  }
}
