import { expectOneOf } from '../errors'
import type { Surface } from '../types'
import { beale } from './beale'
import { booth } from './booth'
import { canyonBasin, canyonBasinTest } from './canyonBasin'
import { featureRaw, featureStandardized } from './featureScaling'
import { himmelblau } from './himmelblau'
import { ceLogits, mseLogits } from './logits'
import { momentumHill } from './momentumHill'
import { pokemon, pokemonSum } from './pokemon'
import { ravine } from './ravine'
import { rmspropCliff } from './rmspropCliff'
import { rosenbrock } from './rosenbrock'
import { saddle } from './saddle'
import { saddleClassic } from './saddleClassic'
import { tanhPlateau } from './tanhPlateau'

// Menu order: the lecture scenes in the order Li Hongyi tells them (S1, S3–S4, S6–S10), then the classics.
const list: Surface[] = [
  saddle,
  pokemon,
  pokemonSum,
  canyonBasin,
  canyonBasinTest,
  momentumHill,
  rmspropCliff,
  featureRaw,
  featureStandardized,
  mseLogits,
  ceLogits,
  tanhPlateau,
  ravine,
  rosenbrock,
  himmelblau,
  beale,
  booth,
  saddleClassic,
]

/** Every 2D test surface by id; insertion order is the menu order. */
export const surfaces: Record<string, Surface> = Object.fromEntries(list.map((s) => [s.id, s]))

/** The registry's ids in menu order. */
export const surfaceIds: string[] = list.map((s) => s.id)

/**
 * The surface with this id. Otherwise throws a SpecError (field 'surface') whose message lists the allowed
 * ids and quotes the one given: `surface must be one of 'saddle', 'pokemon', … (got 'banana')`.
 */
export function getSurface(id: string): Surface {
  return surfaces[expectOneOf(id, 'surface', surfaceIds)]
}
