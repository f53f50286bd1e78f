import type { AppState, AppStore } from '../state/store'
import type { ParamPatch, ParamValues } from './protocol'

/**
 * Carries out a `setParam` whose value `parseCommand` already checked against the link's rules, through the
 * store's own actions (which validate again at their edge). What only the live state can tell is checked
 * here: a racer at that legend position, a surface this store offers. Returns an error text, or null.
 */
export function applyParam(app: AppStore, patch: ParamPatch): string | null {
  const s = app.getState()
  switch (patch.param) {
    case 'lr': {
      const racer = s.settings.racers[patch.racer]
      if (racer === undefined) return `there is no racer at position ${patch.racer}`
      s.updateRacer(racer.id, { optimizer: { lr: patch.value } })
      return null
    }
    case 'steps':
      s.setSteps(patch.value)
      return null
    case 'speed':
      s.setSpeed(patch.value)
      return null
    case 'noiseStd':
      s.setNoise({ std: patch.value })
      return null
    case 'surface':
      if (s.catalog.get(patch.value) === undefined) return 'unknown surface'
      s.setSurface(patch.value)
      return null
    case 'start':
      s.setStart(patch.value)
      return null
    case 'language':
      s.setLanguage(patch.value)
      return null
  }
}

/** The current values of every parameter `setParam` can change. */
export function paramValues(s: AppState): ParamValues {
  const { settings } = s
  return {
    lr: settings.racers.map((r) => r.optimizer.lr),
    steps: settings.steps,
    speed: settings.speed,
    noiseStd: settings.noise.std,
    surface: settings.surfaceId,
    start: [settings.start[0], settings.start[1]],
    language: settings.language,
    scene: settings.scene ?? null,
  }
}
