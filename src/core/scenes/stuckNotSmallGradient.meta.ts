import type { Scene } from './types'

const START: [number, number] = [-120, -4]
/**
 * 2/λ_max of the summed Pokémon loss ≈ 1.145·10⁻⁶: `stabilityLimit('pokemon-sum', START)` of ./curvature.ts
 * (from the surface's own Hessian), written out so that this file needs no kernel;
 * test/core/scenes/precomputed.test.ts holds the two equal to the last bit.
 */
const LIMIT = 1.1449308242136849e-6
/** Just under the limit: the steep component shrinks by |1 − ηλ_max| = 0.99 per step, so it bounces. */
const BOUNCE = 0.995
/** Just over the limit: the bounces grow by 1.01 per step. */
const DIVERGE = 1.005
const micro = (v: number): string => (v * 1e6).toFixed(3)

/**
 * Scene 3, 卡住 ≠ 梯度小 (docs/lectures.md S3, §4.3): the Pokémon valley with the summed loss of the 2017 demo
 * (`pokemon-sum`, so the demo's η = 10⁻⁷ carries over). Racer 0 runs at 0.995·2/λ_max and bounces between the
 * canyon walls with ‖g‖ ≥ 10⁶ for hundreds of steps; racer 1 at η = 10⁻⁷ stops bouncing, turns left and crawls
 * for 100 000 steps (张辽八百冲十万). A card pushes racer 0 to 1.005·2/λ_max, where it diverges. η is set
 * relative to the surface's own Hessian (2/λ_max, above), not copied, because the lecture's 10⁻² is in his
 * plot's units. The learning-rate chart's stability band shows 2/λ_max along each path: racer 0 stays under it at
 * every step, and after the last card passes it at step 0. Losses read 10× the mean loss that docs/lectures.md quotes (11 362 there is 113 617 here).
 */
export const stuckNotSmallGradient: Scene = {
  id: 'stuck-not-small-gradient',
  number: 3,
  title: { zh: '卡住 ≠ 梯度小', en: 'Stuck ≠ small gradient' },
  summary: {
    zh: '损失不降了，梯度却还很大：参数只是在峡谷的两个谷壁之间来回弹。',
    en: 'The loss stopped falling but the gradient is still big: we are just bouncing between the canyon walls.',
  },
  kind: 'surface',
  surface: 'pokemon-sum',
  start: START,
  view: { x: [-200, -100], y: [-5, 10] },
  racers: [
    {
      label: {
        zh: `η = ${BOUNCE}·2/λ_max ≈ ${micro(BOUNCE * LIMIT)}×10⁻⁶`,
        en: `η = ${BOUNCE}·2/λ_max ≈ ${micro(BOUNCE * LIMIT)}×10⁻⁶`,
      },
      optimizer: { kind: 'sgd', convention: 'lecture', lr: BOUNCE * LIMIT },
    },
    {
      label: { zh: 'η = 10⁻⁷', en: 'η = 10⁻⁷' },
      optimizer: { kind: 'sgd', convention: 'lecture', lr: 1e-7 },
    },
  ],
  steps: 100_000,
  speed: 2000,
  // The learning-rate chart carries the stability band the bounce and divergence cards read.
  panels: ['surface', 'loss', 'gradNorm', 'schedule', 'cards'],
  cards: [
    {
      id: 'flat-loss',
      kind: 'symptom',
      title: { zh: '损失不再下降', en: 'The loss stops falling' },
      body: {
        zh: '损失曲线一平，我们就说训练“卡住了”。可是把梯度范数也画出来：它并没有变小。',
        en: 'When the loss curve flattens we say training is stuck. But plot the gradient norm as well: it has not become small.',
      },
    },
    {
      id: 'critical-point',
      kind: 'belief',
      title: { zh: '卡在临界点了？', en: 'Stuck at a critical point?' },
      body: {
        zh: '损失不降，就以为走到了梯度为零的临界点（局部极小值或鞍点）。多数时候并不是：梯度还很大。',
        en: 'A flat loss suggests we reached a critical point where the gradient is zero, a local minimum or a saddle point. Most of the time we didn’t: the gradient is still big.',
      },
    },
    {
      id: 'pokemon',
      kind: 'example',
      title: { zh: '宝可梦的峡谷', en: 'The Pokémon canyon' },
      body: {
        zh: '2017 年宝可梦 CP 值回归 y = b + w·x 的误差表面是凸的，却又窄又长：海森矩阵的两个特征值相差约 30 万倍。起点 (−120, −4)，最小值在 (−188.4, 2.67)。',
        en: 'The 2017 Pokémon CP regression y = b + w·x has a convex error surface, but long and narrow: its Hessian’s two eigenvalues differ by a factor of about 300,000. Start (−120, −4), minimum (−188.4, 2.67).',
      },
      tex: 'L(b,w)=\\sum_{n=1}^{10}\\left(\\hat y^n-(b+w\\,x^n)\\right)^2,\\qquad \\frac{\\lambda_{\\max}}{\\lambda_{\\min}}\\approx3\\times10^{5}',
    },
    {
      id: 'limit',
      kind: 'math',
      title: { zh: '学习率的上限 2/λ_max', en: 'The ceiling 2/λ_max' },
      body: {
        zh: '在二次的误差表面上，梯度下降只有在 η < 2/λ_max 时才不会发散。这里 2/λ_max ≈ 1.145×10⁻⁶。课程里的 η = 10⁻² 是按他画图的单位，所以这里的 η 都相对 2/λ_max 来标。',
        en: 'On a quadratic error surface gradient descent only stays stable when η < 2/λ_max. Here 2/λ_max ≈ 1.145×10⁻⁶. The lecture’s η = 10⁻² was in his plot’s units, so here every η is labelled relative to 2/λ_max.',
      },
      tex: '\\theta^{t+1}=\\theta^{t}-\\eta\\,\\boldsymbol g^{t}\\ \\text{converges}\\iff \\eta<\\frac{2}{\\lambda_{\\max}}\\approx1.145\\times10^{-6}',
    },
    {
      id: 'bounce',
      kind: 'watch',
      title: { zh: '在谷壁之间来回弹', en: 'Bouncing between the walls' },
      body: {
        zh: 'η = 0.995·2/λ_max 时，参数在山谷的两个谷壁间来回震荡：两百多步里梯度范数都在 10⁶ 以上，w 方向的梯度每一步都变号，损失每步只降了梯度“承诺”的 η‖g‖² 的 0.5%。学习率图上的稳定带（虚线）就是沿路径的 2/λ_max：这个 η 在每一步都比它低 0.5%，图例说 ηᵗ 始终没有超过它，所以每次反弹比上一次小 1%。',
        en: 'At η = 0.995·2/λ_max the parameters oscillate between the two canyon walls: for over two hundred steps the gradient norm stays above 10⁶ and the w-gradient flips sign every step, while each step lowers the loss by only 0.5% of the η‖g‖² the gradient promises. The stability band on the learning-rate chart (dashed) is 2/λ_max along the path: this η stays 0.5% under it at every step, so the legend says ηᵗ never passes it, and each bounce is 1% smaller than the last.',
      },
      action: { type: 'play' },
    },
    {
      id: 'crawl',
      kind: 'watch',
      title: { zh: '张辽八百冲十万', en: 'Zhang Liao’s 800 against 100,000' },
      body: {
        zh: '把 η 调到 10⁻⁷：不震荡了，路径几十步就滑到谷底，然后“左转”。可是在平坦的谷底走了 100 000 步（张辽八百冲十万），b 才到 −123.7，离 −188.4 还远。',
        en: 'Tune η down to 10⁻⁷: no more bouncing; within tens of steps the path slides to the valley floor and turns left. Then it crawls: after 100,000 steps (Zhang Liao’s 800 charging 100,000) b is only at −123.7, far from −188.4.',
      },
      action: { type: 'toEnd' },
    },
    {
      id: 'diverge',
      kind: 'watch',
      title: { zh: '再大一点点就发散', en: 'A little more and it diverges' },
      body: {
        zh: '把第一个优化器的 η 调到比 2/λ_max 大 0.5%：稳定带的图例说 ηᵗ 从第 0 步起就超过了 2/λ_max（学习率图上第 0 步的三角形），每一次反弹都比上一次大，结果发散了。',
        en: 'Set the first optimizer’s η 0.5% above 2/λ_max: the band’s legend says ηᵗ passes 2/λ_max at step 0 (the triangle at step 0 on the learning-rate chart), every bounce is larger than the last, and the run diverges.',
      },
      action: { type: 'setRacer', index: 0, patch: { lr: DIVERGE * LIMIT } },
    },
    {
      id: 'moral',
      kind: 'moral',
      title: { zh: '一室之不治，何以天下国家为', en: 'Tidy one room before the world' },
      body: {
        zh: '一室之不治，何以天下国家为：连这个凸的误差表面都走不好，一个固定的学习率照顾不了所有参数。',
        en: '“If you can’t tidy one room, how can you rule the world?” Even this convex error surface defeats us: one global learning rate can’t suit every parameter.',
      },
    },
  ],
  claims: [
    {
      zh: '由求和损失的海森矩阵算出 2/λ_max ≈ 1.145×10⁻⁶。',
      en: 'The Hessian of the summed loss gives 2/λ_max ≈ 1.145×10⁻⁶.',
    },
    {
      zh: 'η = 0.995·2/λ_max：两百到一千步里梯度范数 ≥ 10⁶，这期间 w 方向的梯度每步变号，每步的损失下降不到 η‖g‖² 的 1%；100 000 步后 b ≈ −152，仍然离最小值很远。',
      en: 'η = 0.995·2/λ_max: for two hundred to a thousand steps ‖g‖ ≥ 10⁶, the w-gradient flips sign at every one of those steps, and each lowers the loss by less than 1% of η‖g‖². After 100,000 steps b ≈ −152, still far from the minimum.',
    },
    {
      zh: 'η = 10⁻⁷：一百步内 w 就到 2.47，100 000 步后 b ≈ −123.7，平均损失 ≈ 11 362，而最优是 10 194（这里的表面是求和损失，读数是这两个数的 10 倍）。',
      en: 'η = 10⁻⁷: w reaches 2.47 within 100 steps; after 100,000 steps b ≈ −123.7 and the mean loss is ≈ 11,362 against the optimum 10,194 (this surface is the summed loss, so it reads 10× these).',
    },
    {
      zh: 'η = 1.005·2/λ_max 发散。',
      en: 'η = 1.005·2/λ_max diverges.',
    },
    {
      zh: '稳定带：这个表面是二次的，沿路径 2/λ_max 处处相同；η = 0.995·2/λ_max 在每一步都低于它，η = 1.005·2/λ_max 从第 0 步起就超过它。',
      en: 'The stability band: the surface is quadratic, so 2/λ_max is the same all along the path; η = 0.995·2/λ_max stays under it at every step, η = 1.005·2/λ_max passes it at step 0.',
    },
  ],
}
