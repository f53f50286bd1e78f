import { applySceneAction, initialSetup } from '../../core/scenes/sceneSetup.meta'
import type { SceneSetup } from '../../core/scenes/sceneSetup.meta'
import type { Scene, SceneAction, SceneRacer } from '../../core/scenes/types'
import { listedEscape } from '../../core/surfaces/meta'
import type { ScheduleSpec, Vec2 } from '../../core/types'
import { MAX_RACERS } from '../limits'
import { isRaceScheduleKind } from '../scheduleRules'
import type { RaceScheduleSpec } from '../scheduleRules'
import { racerIdOf } from '../settings'
import type { RacerSettings, Settings } from '../settings'

/**
 * The scene's set-up on arrival at card `index` (0-based): its opening set-up with the actions of cards
 * 0 … index − 1 applied in order. A card is shown before its own action, which its button (or the clicker's
 * "next") then carries out; so going back to a card shows it exactly as on the way forward.
 */
export function setupBeforeCard(scene: Scene, index: number): SceneSetup {
  let setup = initialSetup(scene)
  const end = Math.max(0, Math.min(index, scene.cards.length))
  for (let i = 0; i < end; i++) {
    const action = scene.cards[i].action
    if (action !== undefined) setup = applySceneAction(setup, action)
  }
  return setup
}

/**
 * The set-up the playground's `settings` show, read back into the scene's terms (the live state a card's
 * button acts on): surface, start, the racers in legend order (labelled by the scene's racer of that
 * position), shared schedule, noise (undefined when its std is 0), steps, the visible racers, and `lambda`.
 * A classifier-only scene has no surface: its set-up is just `lambda`.
 */
export function setupOfSettings(scene: Scene, settings: Settings, lambda?: number): SceneSetup {
  const withLambda = (s: SceneSetup): SceneSetup => (lambda === undefined ? s : { ...s, lambda })
  if (scene.surface === undefined) return withLambda({ racers: [], steps: scene.steps, visible: [] })
  const racers = settings.racers.map((r, i): SceneRacer => {
    const out: SceneRacer = { optimizer: { ...r.optimizer } }
    const label = scene.racers?.[i]?.label
    if (label !== undefined) out.label = { ...label }
    if (r.schedule !== null) out.schedule = structuredClone(r.schedule)
    if (r.batch !== undefined) out.batch = r.batch
    return out
  })
  const setup: SceneSetup = {
    surface: settings.surfaceId,
    start: [settings.start[0], settings.start[1]],
    racers,
    schedule: structuredClone(settings.schedule),
    steps: settings.steps,
    visible: settings.racers.flatMap((r, i) => (r.hidden ? [] : [i])),
  }
  if (settings.noise.std > 0) setup.noise = { ...settings.noise }
  if (settings.count !== undefined) setup.count = settings.count
  return withLambda(setup)
}

/**
 * Why `settingsWithSetup` is called, which decides what a set-up does not say: 'open' (the scene's own view,
 * speed and arrows, the first drawn racer selected), 'arrive' (a card shown: the user's view and speed stay)
 * and 'apply' (a card's button acting on what is shown: as 'arrive', and switched-off noise keeps the user's
 * seed, where 'open' and 'arrive' take the scene's so that a card always looks the same).
 */
export type SetupMode = 'open' | 'arrive' | 'apply'

/** How and for which card `settingsWithSetup` builds the settings. */
export interface SetupOptions {
  mode: SetupMode
  /** The narration card shown. */
  card: number
}

/** The seed of switched-off noise when the scene names none: the playground's default seed. */
const OFF_NOISE_SEED = 1

/**
 * Settings that show `setup` of `scene` at card `options.card`, everything else kept from `base`: the
 * surface, start, steps, shared schedule (constant when none) and noise (std 0 when none, with the seed
 * `SetupMode` says) of the set-up; its racers in legend order, each with its own schedule or none and hidden
 * unless visible (colour slots kept when the count matches `base`, else 0, 1, …). The view is the scene's on
 * opening and whenever the surface changes back to the scene's (another surface gets its default view),
 * else `base`'s; speed and arrows are the scene's on opening. The selected racer stays when it is still
 * drawn, else the first drawn one. A classifier-only scene changes nothing but `scene` and `card`. Not
 * validated: pass the result to `loadSettings`, which applies the link rules.
 */
export function settingsWithSetup(
  base: Settings,
  scene: Scene,
  setup: SceneSetup,
  options: SetupOptions,
): Settings {
  const next: Settings = { ...base, scene: scene.id, card: options.card }
  if (setup.surface === undefined || setup.start === undefined) return next
  const keepSlots = base.racers.length === setup.racers.length
  const racers = setup.racers.slice(0, MAX_RACERS).map((r, i): RacerSettings => {
    const color = keepSlots ? base.racers[i].color : i
    const racer: RacerSettings = {
      id: racerIdOf(color),
      color,
      optimizer: { ...r.optimizer },
      schedule: toRaceSchedule(r.schedule),
      hidden: !setup.visible.includes(i),
    }
    if (r.batch !== undefined) racer.batch = r.batch
    return racer
  })
  const drawn = racers.filter((r) => !r.hidden)
  const opening = options.mode === 'open'
  const stillDrawn = !opening && drawn.some((r) => r.id === base.selectedRacer)
  const offSeed = options.mode === 'apply' ? base.noise.seed : (scene.noise?.seed ?? OFF_NOISE_SEED)
  next.surfaceId = setup.surface
  next.start = [setup.start[0], setup.start[1]]
  next.racers = racers
  next.selectedRacer = stillDrawn ? base.selectedRacer : (drawn[0] ?? racers[0]).id
  next.schedule = toRaceSchedule(setup.schedule) ?? { kind: 'constant' }
  next.noise = setup.noise ? { ...setup.noise } : { std: 0, seed: offSeed }
  next.steps = setup.steps
  if (setup.count !== undefined) next.count = setup.count
  else delete next.count
  const sceneView = scene.view ? structuredClone(scene.view) : null
  // A view left at the surface's default (null) also takes the scene's: a scene opened by a link before its
  // content was loaded arrives with the default view, and its racers would leave it (scene 9 reaches w₁ ≈ 20).
  if (opening || setup.surface !== base.surfaceId || base.view === null)
    next.view = setup.surface === scene.surface ? sceneView : null
  if (opening) {
    // The slice tool's line belongs to the page that shows the tool.
    if (!scene.panels.includes('slice')) delete next.slice
    next.speed = scene.speed
    next.showArrows = scene.showArrows ?? false
    if (scene.testSurface !== undefined) next.showTestSurface = true
    else delete next.showTestSurface
  }
  return next
}

/** The playback commands inside an action (`play`, `toEnd`), in order; the set-up actions are left out. */
export function playbackOf(action: SceneAction): ('play' | 'toEnd')[] {
  if (action.type === 'play' || action.type === 'toEnd') return [action.type]
  if (action.type === 'sequence') return action.actions.flatMap(playbackOf)
  return []
}

/** True when `action` is, or a sequence contains, an action of this type. */
export function hasAction(action: SceneAction, type: SceneAction['type']): boolean {
  if (action.type === type) return true
  return action.type === 'sequence' && action.actions.some((a) => hasAction(a, type))
}

/**
 * The critical point θ′ an `escape` in `action` leaves from (the start just before it, after the actions
 * that precede it in a sequence), when that point has a negative eigenvalue to escape along (one of the
 * surface's listed `escapes`, precomputed with `analyzePoint`); else undefined. The Hessian panel inspects θ′
 * while the card explains it. Throws like `applySceneAction`.
 */
export function escapeOrigin(setup: SceneSetup, action: SceneAction | undefined): Vec2 | undefined {
  const found = findEscape(setup, action)
  if (found === undefined || found.surface === undefined || found.start === undefined) return undefined
  const [x, y] = found.start
  return listedEscape(found.surface, [x, y]) === undefined ? undefined : [x, y]
}

function findEscape(setup: SceneSetup, action: SceneAction | undefined): SceneSetup | undefined {
  if (action === undefined) return undefined
  if (action.type === 'escape') return setup
  if (action.type !== 'sequence') return undefined
  let current = setup
  for (const a of action.actions) {
    const found = findEscape(current, a)
    if (found !== undefined) return found
    current = applySceneAction(current, a)
  }
  return undefined
}

/** A scene schedule as a race schedule: reduce-on-plateau needs a validation loss a race does not have. */
function toRaceSchedule(schedule: ScheduleSpec | undefined): RaceScheduleSpec | null {
  if (schedule === undefined || !isRaceScheduleKind(schedule.kind)) return null
  return structuredClone(schedule) as RaceScheduleSpec
}
