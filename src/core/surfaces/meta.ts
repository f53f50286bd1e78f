import { expectOneOf } from '../errors'
import type { SurfaceMeta, Vec2 } from '../types'
import { bealeMeta } from './beale.meta'
import { boothMeta } from './booth.meta'
import { canyonBasinMeta, canyonBasinTestMeta } from './canyonBasin.meta'
import { featureRawMeta, featureStandardizedMeta } from './featureScaling.meta'
import { himmelblauMeta } from './himmelblau.meta'
import { miniBatchLinearMeta } from './miniBatch.meta'
import { netSliceMeta } from './netSlice.meta'
import { ceLogitsMeta, mseLogitsMeta } from './logits.meta'
import { momentumHillMeta } from './momentumHill.meta'
import { pokemonMeta, pokemonSumMeta } from './pokemon.meta'
import { ravineMeta } from './ravine.meta'
import { rmspropCliffMeta } from './rmspropCliff.meta'
import { rosenbrockMeta } from './rosenbrock.meta'
import { saddleClassicMeta } from './saddleClassic.meta'
import { saddleMeta } from './saddle.meta'
import { tanhPlateauMeta } from './tanhPlateau.meta'

/**
 * The surface registry's table of contents, in menu order: the lecture scenes in the order Li Hongyi tells
 * them (S1, S3–S4, S6–S10), then the classics. Every other list of surfaces derives from this one.
 */
export const surfaceMetaList = [
  saddleMeta,
  pokemonMeta,
  pokemonSumMeta,
  miniBatchLinearMeta,
  canyonBasinMeta,
  canyonBasinTestMeta,
  momentumHillMeta,
  rmspropCliffMeta,
  featureRawMeta,
  featureStandardizedMeta,
  mseLogitsMeta,
  ceLogitsMeta,
  tanhPlateauMeta,
  ravineMeta,
  rosenbrockMeta,
  himmelblauMeta,
  bealeMeta,
  boothMeta,
  saddleClassicMeta,
  netSliceMeta,
] as const

/** A registry surface id. */
export type SurfaceId = (typeof surfaceMetaList)[number]['id']

/** The lookups of a surface registry (see `createSurfaceMetaRegistry`). */
export interface SurfaceMetaRegistry {
  /** Every surface by id; insertion order is the menu order. */
  surfaceMetas: Readonly<Record<string, SurfaceMeta>>
  /** The ids in menu order. */
  surfaceIds: string[]
  /** The surface with this id, or undefined (ids such as `__proto__` find nothing). */
  findSurfaceMeta(id: string): SurfaceMeta | undefined
  /**
   * The surface with this id. Otherwise throws a SpecError (field 'surface') whose message lists the allowed
   * ids and quotes the one given: `surface must be one of 'saddle', 'pokemon', … (got 'banana')`.
   */
  getSurfaceMeta(id: string): SurfaceMeta
  /**
   * The escape direction `analyzePoint` gives at `at` on surface `id`, read from the surface's listed
   * `escapes` (exact match of the point); undefined at any other point or on an unknown surface.
   */
  listedEscape(id: string, at: Vec2): Vec2 | undefined
}

/**
 * The lookups over `list` (menu order; the first of two equal ids wins). The registry below is built with it;
 * a test that needs one more entry builds its own from the extended list.
 */
export function createSurfaceMetaRegistry(list: readonly SurfaceMeta[]): SurfaceMetaRegistry {
  const byId = new Map<string, SurfaceMeta>()
  for (const s of list) if (!byId.has(s.id)) byId.set(s.id, s)
  const surfaceIds = [...byId.keys()]
  const findSurfaceMeta = (id: string) => byId.get(id)
  return {
    surfaceMetas: Object.fromEntries(byId),
    surfaceIds,
    findSurfaceMeta,
    getSurfaceMeta: (id) => byId.get(expectOneOf(id, 'surface', surfaceIds))!,
    listedEscape(id, at) {
      const hit = findSurfaceMeta(id)?.escapes?.find((e) => e.from[0] === at[0] && e.from[1] === at[1])
      return hit === undefined ? undefined : [hit.direction[0], hit.direction[1]]
    },
  }
}

export const { surfaceMetas, surfaceIds, findSurfaceMeta, getSurfaceMeta, listedEscape } =
  createSurfaceMetaRegistry(surfaceMetaList)
