import type { SurfaceMeta, Vec2 } from '../types'

// The exact least-squares solution (b*, w*) of the Pokémon data, the same for the mean and the summed loss. It
// is what `createLeastSquares` computes in ./pokemon.ts, written out so the main thread needs no arithmetic;
// test/core/surfaces/precomputed.test.ts holds the two equal to the last bit.
const MINIMUM: Vec2 = [-188.43319665732668, 2.669454966762258]

/** The meta of `pokemon` (./pokemon.ts, where the math and its derivation are): names, view, start, minima. */
export const pokemonMeta: SurfaceMeta<'pokemon'> = {
  id: 'pokemon',
  name: { en: 'Pokémon regression valley', zh: '宝可梦回归的峡谷' },
  formula: 'L(b,w)=\\frac{1}{10}\\sum_{n=1}^{10}\\left(\\hat{y}^n-(b+w\\,x^n)\\right)^2',
  description: {
    en: 'The convex but badly conditioned valley of the 2017 Pokémon demo: one learning rate cannot fit both b and w.',
    zh: '2017 年宝可梦示例的误差表面：凸的，却又窄又长，一个学习率很难同时照顾 b 和 w。',
  },
  axes: ['b', 'w'],
  extent: { x: [-200, -100], y: [-5, 5] },
  start: [-120, -4],
  minima: [MINIMUM],
  boundedBelow: true,
  logContours: false,
}

/** The meta of `pokemonSum` (./pokemon.ts, where the math and its derivation are): names, view, start, minima. */
export const pokemonSumMeta: SurfaceMeta<'pokemon-sum'> = {
  id: 'pokemon-sum',
  name: { en: 'Pokémon valley (summed loss)', zh: '宝可梦峡谷（损失求和）' },
  formula: 'L(b,w)=\\sum_{n=1}^{10}\\left(\\hat{y}^n-(b+w\\,x^n)\\right)^2',
  description: {
    en: 'The same valley with the summed loss of the 2017 demo code, so its learning rates (η = 10⁻⁷) carry over.',
    zh: '同一个峡谷，但像 2017 年示例代码一样把损失求和，所以可以直接用它的学习率（η = 10⁻⁷）。',
  },
  axes: ['b', 'w'],
  extent: { x: [-200, -100], y: [-5, 5] },
  start: [-120, -4],
  minima: [MINIMUM],
  boundedBelow: true,
  logContours: false,
}
