import { createDefaultSettings, racerIdOf } from '../src/state/settings'
import type { Settings } from '../src/state/settings'
import { createRegistryCatalog } from '../src/state/surfaceCatalog'
import { serializeUrl } from '../src/state/urlState'
import type { OptimizerSpec } from '../src/core/types'

/** The six-racer race of the benchmarks (issue 3): one of each adaptive family, on the Pokémon valley. */
export const SIX_RACERS: OptimizerSpec[] = [
  { kind: 'sgd', convention: 'lecture', lr: 1e-5 },
  { kind: 'momentum', convention: 'lecture', lr: 1e-5, momentum: 0.9 },
  { kind: 'adagrad', convention: 'lecture', lr: 0.3 },
  { kind: 'rmsprop', convention: 'lecture', lr: 0.3, rho: 0.9 },
  { kind: 'adam', convention: 'pytorch', lr: 0.3 },
  { kind: 'nesterov', convention: 'pytorch', lr: 5e-6, momentum: 0.9 },
]

/** The query string of a race of the six racers on `surface` with `steps` updates at `speed` steps/s. */
export function sixRacerQuery(surface = 'pokemon', steps = 100_000, speed = 10_000): string {
  const catalog = createRegistryCatalog()
  const base = createDefaultSettings(catalog, 'en')
  const info = catalog.get(surface)!
  const settings: Settings = {
    ...base,
    surfaceId: surface,
    start: [info.start[0], info.start[1]],
    racers: SIX_RACERS.map((optimizer, color) => ({
      id: racerIdOf(color),
      color,
      optimizer,
      schedule: null,
      hidden: false,
    })),
    steps,
    speed,
  }
  return serializeUrl(settings)
}
