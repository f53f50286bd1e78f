import type { Surface, Vec2 } from '../types'
import { pokemonMeta, pokemonSumMeta } from './pokemon.meta'
import { createLeastSquares } from './leastSquares'

/**
 * The 2017 Pokémon CP regression data of Li Hongyi's demo: xⁿ is the CP before evolution, ŷⁿ the CP after
 * (10 examples). The model is y = b + w·x.
 */
export const pokemonData: { readonly x: readonly number[]; readonly yHat: readonly number[] } = {
  x: [338, 333, 328, 207, 226, 25, 179, 60, 208, 606],
  yHat: [640, 633, 619, 393, 428, 27, 193, 66, 226, 1591],
}

const ones = pokemonData.x.map(() => 1)
const N = pokemonData.x.length
const mean = createLeastSquares(ones, pokemonData.x, pokemonData.yHat, 1 / N)
const sum = createLeastSquares(ones, pokemonData.x, pokemonData.yHat, 1)

/** The minimizers as computed from the data, by surface id: the meta's `minima` copy them (a test checks). */
export const pokemonComputedMinima: Readonly<Record<string, Vec2>> = {
  pokemon: mean.minimum,
  'pokemon-sum': sum.minimum,
}

/**
 * L(b, w) = (1/10)·Σₙ(ŷⁿ − (b + w·xⁿ))², the mean squared error of the 2017 Pokémon demo (docs/lectures.md S3, book
 * Fig 3.22/3.27): a convex valley with Hessian eigenvalues ≈ 0.557 and 1.747·10⁵ (κ ≈ 3·10⁵). b is
 * horizontal, w vertical; view b ∈ [−200, −100], w ∈ [−5, 5] and start (−120, −4) as in the demo; the
 * minimum is the exact least-squares solution ≈ (−188.4, 2.67) with L ≈ 10 194. Evaluated in O(1) from
 * sufficient statistics (`createLeastSquares`), which matches the direct sum to ~1e−13 relative. Contours are
 * linear, as in the demo's `contourf(…, 50, cmap='jet')`.
 */
export const pokemon: Surface = {
  ...pokemonMeta,
  f: mean.f,
  grad: mean.grad,
  hessian: mean.hessian,
}

/**
 * L_Σ(b, w) = Σₙ(ŷⁿ − (b + w·xⁿ))² = 10·L(b, w): the summed loss whose gradient the 2017 demo actually
 * descends (docs/lectures.md S3: η = 10⁻⁷ crawls, 2/λ_max = 1.145·10⁻⁶ is the stability limit). Same view, start and
 * minimum as `pokemon`; L_Σ ≈ 101 940 at the minimum.
 */
export const pokemonSum: Surface = {
  ...pokemonSumMeta,
  f: sum.f,
  grad: sum.grad,
  hessian: sum.hessian,
}
