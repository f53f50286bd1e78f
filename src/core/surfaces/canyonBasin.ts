import type { Out2, Out3, Surface } from '../types'
import { CANYON_BASIN_SHIFT, canyonBasinMeta, canyonBasinTestMeta } from './canyonBasin.meta'
import { setOut2, setOut3 } from './out'

// Centres and widths of the two wells (docs/lectures.md S6): a wide basin at (−1.5, 0), σ = 1, and a narrow canyon
// at (1.5, 0), σ = 0.2, plus a weak 0.05‖w‖² bowl that keeps noisy runs from wandering off to the L = 1 plain.
const BASIN_X = -1.5
const CANYON_X = 1.5
const CANYON_S2 = 0.2 * 0.2
const REG = 0.05

function value(x: number, y: number): number {
  const a = x - BASIN_X
  const c = x - CANYON_X
  const y2 = y * y
  return 1 - Math.exp(-0.5 * (a * a + y2)) - Math.exp((-0.5 * (c * c + y2)) / CANYON_S2) + REG * (x * x + y2)
}

function gradient(x: number, y: number, out: Out2): Out2 {
  const a = x - BASIN_X
  const c = x - CANYON_X
  const y2 = y * y
  const g1 = Math.exp(-0.5 * (a * a + y2))
  const g2 = Math.exp((-0.5 * (c * c + y2)) / CANYON_S2) / CANYON_S2
  return setOut2(out, g1 * a + g2 * c + 2 * REG * x, (g1 + g2) * y + 2 * REG * y)
}

function hessian(x: number, y: number, out: Out3): Out3 {
  const a = x - BASIN_X
  const c = x - CANYON_X
  const y2 = y * y
  const g1 = Math.exp(-0.5 * (a * a + y2))
  const g2 = Math.exp((-0.5 * (c * c + y2)) / CANYON_S2) / CANYON_S2
  return setOut3(
    out,
    g1 * (1 - a * a) + g2 * (1 - (c * c) / CANYON_S2) + 2 * REG,
    -y * (g1 * a + (g2 * c) / CANYON_S2),
    g1 * (1 - y2) + g2 * (1 - y2 / CANYON_S2) + 2 * REG,
  )
}

/**
 * Training loss of docs/lectures.md S6, flat basin vs sharp canyon:
 *   L(w) = 1 − exp(−‖w − (−1.5, 0)‖²/2) − exp(−‖w − (1.5, 0)‖²/(2·0.2²)) + 0.05‖w‖².
 * ∇(−e^{−‖d‖²/2σ²}) = e^{…}·d/σ² and its Hessian is e^{…}/σ²·(I − ddᵀ/σ²). Two minima of almost equal depth,
 * L ≈ 0.1022 in the basin at (−1.36246, 0) and L ≈ 0.1007 in the canyon at (1.49267, 0), with a saddle
 * between them near (0.922, 0). (docs/lectures.md quotes train ≈ 0 and test 0.04 vs 0.65: those are the values
 * without the 0.05‖w‖² term; with it the test-minus-train gaps are 0.049 vs 0.637.) View [−3.5, 3.5] × [−2, 2];
 * start (1.3, 0.15) on the canyon wall.
 */
export const canyonBasin: Surface = {
  ...canyonBasinMeta,
  f: value,
  grad: (x, y, out = new Float64Array(2)) => gradient(x, y, out),
  hessian: (x, y, out = new Float64Array(3)) => hessian(x, y, out),
}

export { CANYON_BASIN_SHIFT }
const [DX, DY] = CANYON_BASIN_SHIFT

/**
 * Testing loss of docs/lectures.md S6: the training surface shifted by δ = (0.3, 0), L_test(w) = L(w − δ), so its
 * minima are the training minima + δ. At the training minima it reads ≈ 0.151 (basin, barely worse) and
 * ≈ 0.737 (canyon, much worse). Same view and start as `canyon-basin`.
 */
export const canyonBasinTest: Surface = {
  ...canyonBasinTestMeta,
  f: (x, y) => value(x - DX, y - DY),
  grad: (x, y, out = new Float64Array(2)) => gradient(x - DX, y - DY, out),
  hessian: (x, y, out = new Float64Array(3)) => hessian(x - DX, y - DY, out),
}
