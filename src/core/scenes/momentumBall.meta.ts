import type { Scene } from './types'

/**
 * Scene 8, 动量小球翻过小山 (docs/lectures.md S7, §4.8): L = w₁⁴ − 3w₁² − w₁ + w₂² from (−2, 0) with η = 0.01 and
 * lecture momentum λ ∈ {0, 0.8, 0.9} (λ = 0 is vanilla GD). Only λ = 0.9 rolls over the bump at w₁ ≈ −0.17
 * into the deep minimum w₁ ≈ 1.30; the others stop in the shallow one at w₁ ≈ −1.13. The momentum slide's
 * arrows are on.
 */
export const momentumBall: Scene = {
  id: 'momentum-ball',
  number: 8,
  title: { zh: '动量小球翻过小山', en: 'The momentum ball' },
  summary: {
    zh: '像真实世界里滚下山坡的球，惯性能带它冲过小山丘。',
    en: 'Like a real ball rolling downhill, inertia can carry it over a small hill.',
  },
  kind: 'surface',
  surface: 'momentum-hill',
  start: [-2, 0],
  racers: [
    {
      label: { zh: 'λ = 0（一般梯度下降）', en: 'λ = 0 (vanilla GD)' },
      optimizer: { kind: 'momentum', convention: 'lecture', lr: 0.01, momentum: 0 },
    },
    {
      label: { zh: 'λ = 0.8', en: 'λ = 0.8' },
      optimizer: { kind: 'momentum', convention: 'lecture', lr: 0.01, momentum: 0.8 },
    },
    {
      label: { zh: 'λ = 0.9', en: 'λ = 0.9' },
      optimizer: { kind: 'momentum', convention: 'lecture', lr: 0.01, momentum: 0.9 },
    },
  ],
  steps: 400,
  speed: 40,
  panels: ['surface', 'loss', 'cards'],
  showArrows: true,
  cards: [
    {
      id: 'shallow',
      kind: 'symptom',
      title: { zh: '停在浅浅的山谷里', en: 'Stopped in a shallow valley' },
      body: {
        zh: '从 w₁ = −2 出发，一般梯度下降停在 w₁ ≈ −1.13 的浅谷（L ≈ −1.07）；更深的谷在小山另一边的 w₁ ≈ 1.30（L ≈ −3.51）。',
        en: 'From w₁ = −2 vanilla gradient descent stops in the shallow valley at w₁ ≈ −1.13 (L ≈ −1.07); the deeper valley is over the hill, at w₁ ≈ 1.30 (L ≈ −3.51).',
      },
    },
    {
      id: 'hopeless',
      kind: 'belief',
      title: { zh: '到了局部极小值就没救了？', en: 'A local minimum is the end?' },
      body: {
        zh: '梯度为零就停下，是因为我们只看这一步的梯度。真实世界的球不是这样动的。',
        en: 'We stop where the gradient is zero only because we look at this step’s gradient alone. A real ball doesn’t move like that.',
      },
    },
    {
      id: 'ball',
      kind: 'example',
      title: { zh: '真实世界的小球', en: 'A real ball' },
      body: {
        zh: '把误差表面想成真的山坡，参数是一颗球。球滚下山有惯性，遇到鞍点或浅浅的局部极小值不一定停下，还可能冲上小山丘。',
        en: 'Think of the error surface as a real slope and the parameters as a ball. A rolling ball has inertia: it need not stop at a saddle point or a shallow local minimum, and may even climb a small hill.',
      },
    },
    {
      id: 'update',
      kind: 'math',
      title: { zh: '动量的更新规则', en: 'The momentum update' },
      body: {
        zh: '这一步的移动 = 负梯度 + λ 倍的上一步移动。m 也是过去所有梯度的加权和：m¹ = −ηg⁰，m² = −ληg⁰ − ηg¹。',
        en: 'This step’s movement = the negative gradient + λ times the previous movement. So m is also a weighted sum of all past gradients: m¹ = −ηg⁰, m² = −ληg⁰ − ηg¹.',
      },
      tex: 'm^{0}=0,\\qquad m^{t+1}=\\lambda m^{t}-\\eta\\,g^{t},\\qquad \\theta^{t+1}=\\theta^{t}+m^{t+1}',
    },
    {
      id: 'arrows',
      kind: 'watch',
      title: { zh: '看箭头', en: 'Watch the arrows' },
      body: {
        zh: '红色虚线是负梯度，蓝色虚线是上一步的移动，蓝色实线是这一步真正的移动。λ = 0.9 的球翻过 w₁ ≈ −0.17 的小山，落进 w₁ ≈ 1.30 的深谷。',
        en: 'The dashed red arrow is the negative gradient, the dashed blue one the previous movement, the solid blue one this step’s actual movement. The λ = 0.9 ball rolls over the bump at w₁ ≈ −0.17 into the deep valley at w₁ ≈ 1.30.',
      },
      action: { type: 'play' },
    },
    {
      id: 'moral',
      kind: 'moral',
      title: { zh: '惯性是好东西', en: 'Inertia helps' },
      body: {
        zh: '像真实世界里滚下山坡的球，惯性能带它冲过小山丘，落到更好的最小值。',
        en: 'Like a real ball rolling downhill, inertia can carry it over a small hill into a better minimum.',
      },
    },
  ],
  claims: [
    {
      zh: 'λ = 0（一般梯度下降）和 λ = 0.8 都停在浅谷 w₁ ≈ −1.131（L ≈ −1.07）。',
      en: 'λ = 0 (vanilla GD) and λ = 0.8 both stop in the shallow valley at w₁ ≈ −1.131 (L ≈ −1.07).',
    },
    {
      zh: '只有 λ = 0.9 翻过 w₁ ≈ −0.170 的小山，停在深谷 w₁ ≈ 1.301（L ≈ −3.51）。',
      en: 'Only λ = 0.9 rolls over the bump at w₁ ≈ −0.170 and stops in the deep valley at w₁ ≈ 1.301 (L ≈ −3.51).',
    },
  ],
}
