import { classifierPresets } from './classifierPresets.meta'
import type { Scene } from './types'

/** The course's L2 weight, as in scene 12 (PKU `p29_regularizationcontain.py`). */
const COURSE_LAMBDA = 0.03

/**
 * Scene 14, 平坦与尖锐的最小值 (docs/lectures.md §4.14): scene 12's two networks (the PKU course's 2-11-1 ReLU
 * net on dot.csv, `classifierPresets.course`, trained 800 epochs from the same seeded weights, left without
 * regularization, right with L2 λ·½Σw², λ = 0.03), now read through the lab's twin loss landscapes: each
 * network's loss L(θ + α·d₁ + β·d₂) around its trained weights along the same filter-normalized random
 * directions (seed 1 until re-rolled), the largest Hessian eigenvalue λmax and the width within 10% of the
 * minimum along d₁ and d₂. Without L2 the minimum is sharp (λmax 24.2, widths 0.1 and < 0.05), with L2 flat
 * (λmax 7.26, widths 0.45 and 0.2). No card changes λ, so the trained networks stay between cards. Every
 * number a card quotes is on screen (e2e/sceneCards.spec.ts reads them); the claims are checked by
 * test/core/scenes/flatVsSharp.test.ts.
 */
export const flatVsSharp: Scene = {
  id: 'flat-vs-sharp',
  number: 14,
  title: { zh: '平坦与尖锐的最小值：L2 做了什么', en: 'Flat vs sharp minima: what L2 does' },
  summary: {
    zh: '同一个网络，不加正则化停在尖锐最小值，加了 L2 停在平坦最小值。',
    en: 'The same network ends in a sharp minimum without regularization and in a flat one with L2.',
  },
  kind: 'classifier',
  classifier: { preset: 'course', lambda: COURSE_LAMBDA },
  steps: classifierPresets.course.config.epochs,
  speed: 100,
  panels: ['classifier', 'loss', 'cards'],
  cards: [
    {
      id: 'train-both',
      kind: 'symptom',
      title: { zh: '都训练好了，最小值却不一样', en: 'Both trained, yet different minima' },
      body: {
        zh: '第 12 个场景的 2-11-1 ReLU 网络在 dot.csv 上从同样的初始权重训练两次，各 800 个回合：左边不加正则化，右边加 L2 正则化（λ = 0.03）。按下播放：两个网络的训练准确率最后都在 90% 以上。决策边界下面是每个网络在自己权重附近的误差表面，中心就是训练好的网络。',
        en: 'Scene 12’s 2-11-1 ReLU network is trained twice on dot.csv from the same weights, 800 epochs each: on the left without regularization, on the right with L2 (λ = 0.03). Press play: both end above 90% training accuracy. Under the decision boundaries, each network’s loss landscape around its own weights is drawn; its centre is the trained network.',
      },
      action: { type: 'play' },
    },
    {
      id: 'height-only',
      kind: 'belief',
      title: { zh: '一样低就一样好？', en: 'Equally low, equally good?' },
      body: {
        zh: '两个最小值都拟合了训练数据，好像只要看最小值有多低就够了。其实不然：最小值的形状也很重要，是宽还是窄。',
        en: 'Both minima fit the training data, so it seems only how low a minimum is should matter. Not quite: its shape matters too, wide or narrow.',
      },
    },
    {
      id: 'sharp-flat',
      kind: 'example',
      title: { zh: '尖锐最小值与平坦最小值', en: 'A sharp minimum and a flat one' },
      body: {
        zh: '看误差表面下面的数字；白色区域是损失在最小值 10% 以内的地方（两张图的颜色各有各的刻度）。左边：海森矩阵的最大特征值 λmax = 24.2，宽度沿 d₁ 只有 0.1，沿 d₂ 不到 0.05，白色区域藏在中心点下面：尖锐最小值。右边：λmax = 7.26，宽度是 0.45 和 0.2，白色区域很明显：平坦最小值。',
        en: 'Read the numbers under the landscapes; the white patch is where the loss stays within 10% of its minimum (each picture has its own colour scale). Left: the Hessian’s largest eigenvalue is λmax = 24.2, the widths only 0.1 along d₁ and less than 0.05 along d₂, the patch hidden under the centre dot: a sharp minimum. Right: λmax = 7.26, widths 0.45 and 0.2, a clear white patch: a flat minimum.',
      },
    },
    {
      id: 'curvature',
      kind: 'math',
      title: { zh: '曲率决定宽度', en: 'Curvature sets the width' },
      body: {
        zh: '在最小值处 g = 0，沿方向 d 损失按 ½α²·dᵀHd 上升：曲率越大，越快超出最小值的 10%。λmax 是所有方向中最大的曲率（‖d‖ = 1），λmax 大说明至少在一个方向上是窄坑。最小值越高，它的 10% 也越宽松。',
        en: 'At a minimum g = 0, so along a direction d the loss rises like ½α²·dᵀHd: the larger the curvature, the sooner it is 10% above the minimum. λmax is the largest curvature over all directions (‖d‖ = 1), so a large λmax means a narrow pit in at least one direction. A higher minimum also leaves more room: 10% of more.',
      },
      // Two lines: side by side they overflow the card's width.
      tex: '\\begin{gathered}L(\\theta^*+\\alpha d)\\approx L(\\theta^*)+\\tfrac12\\alpha^2\\,d^{\\mathsf T}Hd,\\quad d^{\\mathsf T}Hd\\le\\lambda_{\\max}\\|d\\|^2\\\\ |\\alpha|\\le\\sqrt{0.2\\,L(\\theta^*)/d^{\\mathsf T}Hd}\\end{gathered}',
    },
    {
      id: 'l2-minimum',
      kind: 'watch',
      title: { zh: 'L2 对最小值做了什么', en: 'What L2 does to the minimum' },
      body: {
        zh: 'L2 把每个权重拉向零：右边的 Σw² 是 4.143，左边是 24.36；最陡坡度更缓，决策边界更平滑。惩罚项本身给任何方向的曲率最多只加 λ = 0.03，所以 λmax 从 24.2 降到 7.26 是因为训练停在了更小的权重上。右边中心处的损失 0.144 比左边的 0.0744 高，因为它包含惩罚项 ½λΣw² ≈ 0.062。',
        en: 'L2 pulls every weight toward zero: Σw² is 4.143 on the right against 24.36 on the left, the steepest slope is gentler and the boundary smoother. The penalty itself adds at most λ = 0.03 to the curvature in any direction, so λmax falls from 24.2 to 7.26 because training ends at smaller weights. The loss at the centre is higher on the right, 0.144 against 0.0744, because it includes the penalty ½λΣw² ≈ 0.062.',
      },
    },
    {
      id: 'why-flat',
      kind: 'watch',
      title: { zh: '为什么说平坦的泛化更好', en: 'Why flat is said to generalize' },
      body: {
        zh: '测试的误差表面就是训练的误差表面稍微平移（第 7 个场景）：平坦最小值几乎不受影响，尖锐最小值的损失会一下子变大。Keskar 等人发现大批量训练停在更尖锐的最小值，测试结果也更差。按“换一组随机方向”：宽度会变，但左边的最小值仍然更窄。',
        en: 'The testing loss surface is the training one shifted a little (scene 7): a flat minimum barely notices, a sharp one jumps up. Keskar et al. found that large batches end in sharper minima and test worse. Press “New random directions”: the widths change, and the left minimum stays the narrower one.',
      },
    },
    {
      id: 'parametrization',
      kind: 'watch',
      title: { zh: '尖锐与否取决于网络的写法', en: 'Sharpness depends on how the net is written' },
      body: {
        zh: '把每个隐藏 ReLU 神经元的输入权重和偏置都乘 2、输出权重都除以 2，网络算的是同一个函数，λmax 却变了。filter normalization 按每个神经元的权重大小缩放随机方向，这样的缩放不会改变切片：所以两个网络的宽度可以比较，单看 λmax 却不行。',
        en: 'Multiply every hidden ReLU unit’s incoming weights and bias by 2 and divide its outgoing weight by 2: the network computes the same function, yet λmax changes. Filter normalization scales the random directions unit by unit to the weights, so such a rescaling leaves the slice unchanged: that is why the two networks’ widths can be compared, and λmax alone cannot.',
      },
    },
    {
      id: 'race',
      kind: 'watch',
      title: { zh: '在网络自己的误差表面上比赛', en: 'Race on the network’s own surface' },
      body: {
        zh: '在误差表面下面按“在游乐场里用这个表面比赛”：游乐场会打开这个网络的切片 L(θ + αd₁ + βd₂)，梯度和海森矩阵是网络自己的投影。所有优化器、学习率调度和海森矩阵检查器都能在上面用，就像在手写的误差表面上一样。',
        en: 'Under a landscape, press “Race on this surface in the playground”: the playground opens on the network’s slice L(θ + αd₁ + βd₂), with the gradient and Hessian projected from the network’s own. Every optimizer, schedule and the Hessian inspector work on it, as on the hand-written surfaces.',
      },
    },
    {
      id: 'moral',
      kind: 'moral',
      title: { zh: '宽的最小值，可比的尺度', en: 'Wide minima, comparable units' },
      body: {
        zh: '平坦最小值就是稍微平移也不会坏掉的最小值，L2 是走到平坦最小值的一种办法；但衡量平坦要用不依赖网络写法的尺度。',
        en: 'A flat minimum is one a small shift does not ruin, and L2 is one way to end in one; but measure flatness in units that do not depend on how the network is written.',
      },
    },
  ],
  claims: [
    {
      zh: '课程设置训练 800 个回合后，λ = 0 和 λ = 0.03 的训练准确率都超过 90%；海森矩阵最大特征值 λmax 分别是 24.2 和 7.26（至少小 3 倍）。',
      en: 'After 800 epochs of the course setting both λ = 0 and λ = 0.03 exceed 90% training accuracy; the Hessian’s largest eigenvalue λmax is 24.2 and 7.26 (at least 3× smaller).',
    },
    {
      zh: '沿种子 1 的随机方向，损失在最小值 10% 以内的宽度：不加正则化是 0.1 和不到 0.05，加 L2 是 0.45 和 0.2；种子 1 到 20 的每一组方向上，加 L2 的两个宽度都更大。',
      en: 'Along the random directions of seed 1, the width within 10% of the minimum is 0.1 and under 0.05 without regularization, 0.45 and 0.2 with L2; for every seed from 1 to 20 both L2 widths are larger.',
    },
    {
      zh: '中心处的损失是 0.0744 和 0.144；后者包含惩罚项 ½λΣw² ≈ 0.062（Σw² = 4.143，不加正则化时是 24.36）。惩罚项让海森矩阵的特征值最多增加 λ = 0.03。',
      en: 'The loss at the centre is 0.0744 and 0.144; the latter includes the penalty ½λΣw² ≈ 0.062 (Σw² = 4.143, against 24.36 without regularization). The penalty raises the Hessian’s eigenvalues by at most λ = 0.03.',
    },
    {
      zh: '把不加正则化的网络每个隐藏神经元的输入权重和偏置乘 2、输出权重除以 2：函数不变，λmax 改变，沿 filter normalization 方向的切片不变。',
      en: 'Multiplying every hidden unit’s incoming weights and bias of the unregularized network by 2 and dividing its outgoing weight by 2 keeps the function, changes λmax, and leaves the filter-normalized slice unchanged.',
    },
  ],
}
