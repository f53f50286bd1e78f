import { classifierPresets } from './classifierPresets.meta'
import type { Scene } from './types'

/** The course's L2 weight (PKU `p29_regularizationcontain.py`: loss_mse + 0.03·Σ l2_loss(w)). */
const COURSE_LAMBDA = 0.03

/**
 * Scene 12, dot.csv：正则化与决策边界 (docs/lectures.md S11, §4.12): the PKU course's 2-11-1 ReLU net on dot.csv
 * (`classifierPresets.course`) trained twice from the same weights, from the first card on: left without
 * regularization, right with L2 λ·½Σw², λ = 0.03, the course's value (weights only, not biases). No card
 * changes λ, so the trained networks stay between cards (a card's play replays their record). Both fit the
 * training data (accuracy > 0.9); the regularized weights are several times smaller (Σw² ≈ 4.1 against
 * ≈ 24.4 after 800 epochs) and the learned function is less steep: a smoother decision boundary. Every number
 * a card quotes is on screen: the data panel's row count, the network editor, the views' Σw², slope and
 * accuracy (e2e/sceneDotRegularization.spec.ts reads them).
 */
export const dotRegularization: Scene = {
  id: 'dot-regularization',
  number: 12,
  title: { zh: 'dot.csv：正则化与决策边界', en: 'Regularization and the decision boundary' },
  summary: {
    zh: '正则化让参数别离零太远，模型在没有数据的地方就不会乱发挥。',
    en: 'Keeping weights near zero stops the model from improvising where there is no data.',
  },
  kind: 'classifier',
  classifier: { preset: 'course', lambda: COURSE_LAMBDA },
  steps: classifierPresets.course.config.epochs,
  speed: 100,
  panels: ['classifier', 'loss', 'cards'],
  cards: [
    {
      id: 'wiggly',
      kind: 'symptom',
      title: { zh: '训练得很好，边界却弯弯曲曲', en: 'Trained well, yet a wiggly boundary' },
      body: {
        zh: 'dot.csv 有 300 个点、两个类别。2-11-1 的 ReLU 网络用均方误差、学习率 0.005、批量 32 训练 800 个回合：训练准确率很高，可左边没有正则化的决策边界却在没有数据的地方弯来弯去。右边是同一个网络、同样的初始权重，加了 L2 正则化（第 3 张卡片）。按下播放，看两条边界怎样形成：“速度”可以放慢，“显示的回合”滑块可以回看任何一个回合。',
        en: 'dot.csv has 300 points in two classes. A 2-11-1 ReLU network trained with mean squared error, learning rate 0.005 and batches of 32 for 800 epochs fits them well, yet on the left, without regularization, its decision boundary bends about where there is no data. The right view trains the same network from the same weights with L2 regularization (card 3). Press play and watch both boundaries form: the speed control slows it down, and the “epoch shown” slider goes back to any epoch.',
      },
      action: { type: 'play' },
    },
    {
      id: 'flexible',
      kind: 'belief',
      title: { zh: '模型越灵活越好？', en: 'The more flexible the better?' },
      body: {
        zh: '非常灵活的模型在没有训练数据的地方会“freestyle”自由发挥，这就是过拟合的来源。',
        en: 'A very flexible model does “freestyle” where there is no training data: that is where overfitting comes from.',
      },
    },
    {
      id: 'l2',
      kind: 'math',
      title: { zh: 'L2 正则化 = 权重衰减', en: 'L2 regularization = weight decay' },
      body: {
        zh: '损失加上 λ·½‖w‖²，只算权重、不算偏置（偏置和函数是否平滑无关）。每次更新先把 w 乘上 (1 − ηλ)，所以叫权重衰减。右边用的就是课程的 λ = 0.03。',
        en: 'Add λ·½‖w‖² to the loss, over the weights only, not the biases (a bias has nothing to do with smoothness). Every update first multiplies w by (1 − ηλ), hence the name weight decay. The right view uses the course’s λ = 0.03.',
      },
      // Two lines: side by side they overflow the card's width.
      tex: "\\begin{gathered}L'(\\theta)=L(\\theta)+\\lambda\\,\\tfrac12\\|\\theta\\|_2^2\\\\ w^{t+1}\\leftarrow(1-\\eta\\lambda)\\,w^{t}-\\eta\\frac{\\partial L}{\\partial w}\\end{gathered}",
    },
    {
      id: 'smoother',
      kind: 'watch',
      title: { zh: '边界变平滑了', en: 'A smoother boundary' },
      body: {
        zh: '右边 λ = 0.03：权重平方和 Σw² 比左边小好几倍，函数的最陡坡度也更缓，所以决策边界（输出 = 0.5 的等高线）更平滑；训练准确率仍然在 90% 以上。这些数字就在每个视图下面，都是当前显示的回合的。',
        en: 'On the right, with λ = 0.03, the sum of squared weights Σw² is several times smaller than on the left and the function’s steepest slope is gentler, so the decision boundary (the contour at output 0.5) is smoother, while training accuracy stays above 90%. The numbers are under each view, for the epoch shown.',
      },
      action: { type: 'play' },
    },
    {
      id: 'no-regularization',
      kind: 'watch',
      title: { zh: '拿掉正则化对比', en: 'Compare without it' },
      body: {
        zh: '左边就是同一个网络不加正则化（λ = 0），初始权重和批次都相同：再看一次它弯弯曲曲的边界。把“显示的回合”滑块往回拖，看两条边界从哪里开始分开。',
        en: 'The left view is the same network without regularization (λ = 0), from the same weights on the same batches: look at its wiggly boundary again. Drag the “epoch shown” slider back to see where the two boundaries part.',
      },
    },
    {
      id: 'moral',
      kind: 'moral',
      title: { zh: '别让模型乱发挥', en: 'No improvising' },
      body: {
        zh: '正则化让参数别离零太远，函数更平滑，模型在没有数据的地方就不会乱发挥。',
        en: 'Regularization keeps the weights near zero and the function smooth, so the model doesn’t improvise where there is no data.',
      },
    },
  ],
  claims: [
    {
      zh: '课程设置（2-11-1 ReLU、均方误差、SGD η = 0.005、批量 32、800 个回合）在 λ = 0 和 λ = 0.03 时训练准确率都超过 90%。',
      en: 'The course setting (2-11-1 ReLU, MSE, SGD η = 0.005, batch 32, 800 epochs) trains to over 90% accuracy both with λ = 0 and with λ = 0.03.',
    },
    {
      zh: 'λ = 0.03 时权重平方和 Σw² 小好几倍（至少 3 倍），在数据范围内输出函数最陡的坡度也更小。',
      en: 'With λ = 0.03 the sum of squared weights Σw² is several times smaller (at least 3×), and the output function’s steepest slope over the data’s range is smaller too.',
    },
  ],
}
