import type { Surface } from '../types'
import { himmelblauMeta } from './himmelblau.meta'
import { setOut2, setOut3 } from './out'

/**
 * L(w₁, w₂) = (w₁² + w₂ − 11)² + (w₁ + w₂² − 7)², Himmelblau's function. With A = w₁² + w₂ − 11 and
 * B = w₁ + w₂² − 7: ∇L = (4w₁A + 2B, 2A + 4w₂B), H = [[12w₁² + 4w₂ − 42, 4(w₁ + w₂)], [4(w₁ + w₂), 4w₁ + 12w₂² − 26]].
 * Four global minima with L = 0: (3, 2) exactly and three irrational ones, refined by Newton's method to full
 * double precision (published to 6 digits as (−2.805118, 3.131312), (−3.779310, −3.283186),
 * (3.584428, −1.848126)); a local maximum near (−0.271, −0.923) and four saddles. View [−5, 5]², start
 * (0, 0); log contours because L ranges from 0 to ~900.
 */
export const himmelblau: Surface = {
  ...himmelblauMeta,
  f(x, y) {
    const a = x * x + y - 11
    const b = x + y * y - 7
    return a * a + b * b
  },
  grad(x, y, out = new Float64Array(2)) {
    const a = x * x + y - 11
    const b = x + y * y - 7
    return setOut2(out, 4 * x * a + 2 * b, 2 * a + 4 * y * b)
  },
  hessian(x, y, out = new Float64Array(3)) {
    return setOut3(out, 12 * x * x + 4 * y - 42, 4 * (x + y), 4 * x + 12 * y * y - 26)
  },
}
