import * as tf from '@tensorflow/tfjs'
import { afterAll, describe, it } from 'vitest'
import { ceLogits, mseLogits } from '../../../src/core/surfaces/logits'
import { assertClose } from '../../helpers/assertInDelta'

// In the `tfjs` project (see vitest.config.ts): importing TF.js costs seconds; the float64 checks of these
// surfaces are in logits.test.ts.
describe('mse-logits and ce-logits', () => {
  afterAll(() => tf.disposeVariables())

  it('match TensorFlow.js softmax cross-entropy and MSE values and tf.grad gradients (float32)', () => {
    const label = tf.tensor1d([1, 0, 0])
    for (const [a, b] of [
      [-2, 1],
      [0.5, -0.3],
      [3, 2],
      [-1, -4],
    ] as [number, number][]) {
      const logits = tf.tensor1d([a, b, -1000])
      const ce = tf.losses.softmaxCrossEntropy(label, logits).arraySync() as number
      // meanSquaredError averages over the 3 classes; the lecture's e sums them.
      const mseFn = (z: tf.Tensor): tf.Scalar =>
        tf.losses.meanSquaredError(label, tf.softmax(z)).mul(3) as tf.Scalar
      const mse = mseFn(logits).arraySync() as number
      const gCe = tf
        .grad((z) => tf.losses.softmaxCrossEntropy(label, z) as tf.Scalar)(logits)
        .arraySync() as number[]
      const gMse = tf.grad(mseFn)(logits).arraySync() as number[]
      assertClose(ceLogits.f(a, b), ce, 1e-5, 'CE')
      assertClose(mseLogits.f(a, b), mse, 1e-5, 'MSE')
      const gc = ceLogits.grad(a, b, [0, 0])
      const gm = mseLogits.grad(a, b, [0, 0])
      for (let i = 0; i < 2; i++) {
        assertClose(gc[i], gCe[i], 1e-5, `∂CE/∂y${i + 1}`)
        assertClose(gm[i], gMse[i], 1e-5, `∂MSE/∂y${i + 1}`)
      }
      tf.dispose([logits])
    }
    label.dispose()
  })
})
