import type { Out2, Out3, Surface } from '../types'
import { setOut2, setOut3 } from './out'

// Centres and widths of the two wells (LECTURES S6): a wide basin at (−1.5, 0), σ = 1, and a narrow canyon
// at (1.5, 0), σ = 0.2, plus a weak 0.05‖w‖² bowl that keeps noisy runs from wandering off to the L = 1 plain.
const BASIN_X = -1.5
const CANYON_X = 1.5
const CANYON_S2 = 0.2 * 0.2
const REG = 0.05
/** The train → test shift δ = (0.3, 0) of LECTURES S6. */
export const CANYON_BASIN_SHIFT: readonly [number, number] = [0.3, 0]

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

// Minima of the train surface, on w₂ = 0 by symmetry, refined by Newton's method to full double precision.
const BASIN_MIN = -1.3624592478443456
const CANYON_MIN = 1.4926650380619915

/**
 * Training loss of LECTURES S6, flat basin vs sharp canyon:
 *   L(w) = 1 − exp(−‖w − (−1.5, 0)‖²/2) − exp(−‖w − (1.5, 0)‖²/(2·0.2²)) + 0.05‖w‖².
 * ∇(−e^{−‖d‖²/2σ²}) = e^{…}·d/σ² and its Hessian is e^{…}/σ²·(I − ddᵀ/σ²). Two minima of almost equal depth,
 * L ≈ 0.1022 in the basin at (−1.36246, 0) and L ≈ 0.1007 in the canyon at (1.49267, 0), with a saddle
 * between them near (0.922, 0). (LECTURES quotes train ≈ 0 and test 0.04 vs 0.65: those are the values
 * without the 0.05‖w‖² term; with it the test-minus-train gaps are 0.049 vs 0.637.) View [−3.5, 3.5] × [−2, 2];
 * start (1.3, 0.15) on the canyon wall.
 */
export const canyonBasin: Surface = {
  id: 'canyon-basin',
  name: { en: 'Basin vs canyon (training loss)', zh: '盆地与峡谷（训练损失）' },
  formula:
    'L(\\boldsymbol w)=1-e^{-\\|\\boldsymbol w-(-1.5,0)\\|^2/2}-e^{-\\|\\boldsymbol w-(1.5,0)\\|^2/(2\\cdot0.2^2)}+0.05\\|\\boldsymbol w\\|^2',
  description: {
    en: 'Two minima with the same training loss: a wide, flat basin and a narrow, sharp canyon.',
    zh: '两个训练损失一样低的最小值：一个是宽而平的盆地，一个是窄而陡的峡谷。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-3.5, 3.5], y: [-2, 2] },
  start: [1.3, 0.15],
  minima: [
    [BASIN_MIN, 0],
    [CANYON_MIN, 0],
  ],
  boundedBelow: true,
  logContours: false,
  f: value,
  grad: (x, y, out = new Float64Array(2)) => gradient(x, y, out),
  hessian: (x, y, out = new Float64Array(3)) => hessian(x, y, out),
}

const [DX, DY] = CANYON_BASIN_SHIFT

/**
 * Testing loss of LECTURES S6: the training surface shifted by δ = (0.3, 0), L_test(w) = L(w − δ), so its
 * minima are the training minima + δ. At the training minima it reads ≈ 0.151 (basin, barely worse) and
 * ≈ 0.737 (canyon, much worse). Same view and start as `canyon-basin`.
 */
export const canyonBasinTest: Surface = {
  id: 'canyon-basin-test',
  name: { en: 'Basin vs canyon (testing loss)', zh: '盆地与峡谷（测试损失）' },
  formula:
    'L_{\\text{test}}(\\boldsymbol w)=L(\\boldsymbol w-\\boldsymbol\\delta),\\quad\\boldsymbol\\delta=(0.3,0)',
  description: {
    en: 'The training surface shifted a little: the basin minimum stays good, the canyon minimum becomes bad.',
    zh: '把训练的误差表面稍微平移：盆地里的最小值依然不错，峡谷里的最小值就变差了。',
  },
  axes: ['w_1', 'w_2'],
  extent: { x: [-3.5, 3.5], y: [-2, 2] },
  start: [1.3, 0.15],
  minima: [
    [BASIN_MIN + DX, DY],
    [CANYON_MIN + DX, DY],
  ],
  boundedBelow: true,
  logContours: false,
  f: (x, y) => value(x - DX, y - DY),
  grad: (x, y, out = new Float64Array(2)) => gradient(x - DX, y - DY, out),
  hessian: (x, y, out = new Float64Array(3)) => hessian(x - DX, y - DY, out),
}
