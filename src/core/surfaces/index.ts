import { expectOneOf } from '../errors'
import type { Surface } from '../types'
import { beale } from './beale'
import { booth } from './booth'
import { canyonBasin, canyonBasinTest } from './canyonBasin'
import { featureRaw, featureStandardized } from './featureScaling'
import { himmelblau } from './himmelblau'
import { ceLogits, mseLogits } from './logits'
import { miniBatchLinear } from './miniBatch'
import { surfaceIds, surfaceMetaList } from './meta'
import type { SurfaceId } from './meta'
import { momentumHill } from './momentumHill'
import { netSlice } from './netSlice'
import { pokemon, pokemonSum } from './pokemon'
import { ravine } from './ravine'
import { rmspropCliff } from './rmspropCliff'
import { rosenbrock } from './rosenbrock'
import { saddle } from './saddle'
import { saddleClassic } from './saddleClassic'
import { tanhPlateau } from './tanhPlateau'

export {
  surfaceMetaList,
  surfaceMetas,
  findSurfaceMeta,
  getSurfaceMeta,
  listedEscape,
  createSurfaceMetaRegistry,
  type SurfaceId,
  type SurfaceMetaRegistry,
} from './meta'

// The math of every surface the meta registry lists; a missing or unknown id is a type error.
const impls = {
  saddle,
  pokemon,
  'pokemon-sum': pokemonSum,
  'mini-batch-linear': miniBatchLinear,
  'canyon-basin': canyonBasin,
  'canyon-basin-test': canyonBasinTest,
  'momentum-hill': momentumHill,
  'rmsprop-cliff': rmspropCliff,
  'feature-raw': featureRaw,
  'feature-standardized': featureStandardized,
  'mse-logits': mseLogits,
  'ce-logits': ceLogits,
  'tanh-plateau': tanhPlateau,
  ravine,
  rosenbrock,
  himmelblau,
  beale,
  booth,
  'saddle-classic': saddleClassic,
  'net-slice': netSlice,
} satisfies Record<SurfaceId, Surface>

/** Every 2D test surface by id, with its math; insertion order is the menu order (`surfaceMetaList`). */
export const surfaces: Record<string, Surface> = Object.fromEntries(
  surfaceMetaList.map((m) => [m.id, impls[m.id]]),
)

export { surfaceIds }

/**
 * The surface with this id. Otherwise throws a SpecError (field 'surface') whose message lists the allowed
 * ids and quotes the one given: `surface must be one of 'saddle', 'pokemon', … (got 'banana')`.
 */
export function getSurface(id: string): Surface {
  return surfaces[expectOneOf(id, 'surface', surfaceIds)]
}
