import type { SurfaceMeta } from '../types'

/** The train → test shift δ = (0.3, 0) of docs/lectures.md S6. */
export const CANYON_BASIN_SHIFT: readonly [number, number] = [0.3, 0]
const [DX, DY] = CANYON_BASIN_SHIFT
// Minima of the train surface, on w₂ = 0 by symmetry, refined by Newton's method to full double precision.
const BASIN_MIN = -1.3624592478443456
const CANYON_MIN = 1.4926650380619915

/** The meta of `canyonBasin` (./canyonBasin.ts, where the math and its derivation are): names, view, start, minima. */
export const canyonBasinMeta: SurfaceMeta<'canyon-basin'> = {
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
  testSurface: 'canyon-basin-test',
}

/** The meta of `canyonBasinTest` (./canyonBasin.ts, where the math and its derivation are): names, view, start, minima. */
export const canyonBasinTestMeta: SurfaceMeta<'canyon-basin-test'> = {
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
}
