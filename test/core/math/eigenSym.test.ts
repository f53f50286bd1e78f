import { describe, expect, it } from 'vitest'
import { eigenSym } from '../../../src/core/math/eigenSym'
import { createRng } from '../../../src/core/math/rng'

function randomSymmetric(n: number, seed: number): Float64Array {
  const rng = createRng(seed)
  const a = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = rng.normal()
  }
  return a
}

/** A random orthogonal matrix (rows), by Gram–Schmidt on Gaussian rows. */
function randomOrthogonal(n: number, seed: number): Float64Array {
  const rng = createRng(seed)
  const q = new Float64Array(n * n)
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) q[k * n + i] = rng.normal()
    for (let pass = 0; pass < 2; pass++) {
      for (let m = 0; m < k; m++) {
        let dot = 0
        for (let i = 0; i < n; i++) dot += q[k * n + i] * q[m * n + i]
        for (let i = 0; i < n; i++) q[k * n + i] -= dot * q[m * n + i]
      }
    }
    let norm = 0
    for (let i = 0; i < n; i++) norm += q[k * n + i] ** 2
    for (let i = 0; i < n; i++) q[k * n + i] /= Math.sqrt(norm)
  }
  return q
}

/** max over k of ‖A·v_k − λ_k·v_k‖∞, and max |V·Vᵀ − I|. */
function residuals(
  a: Float64Array,
  n: number,
  values: Float64Array,
  vectors: Float64Array,
): [number, number] {
  let eig = 0
  let ortho = 0
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      let av = 0
      for (let j = 0; j < n; j++) av += a[i * n + j] * vectors[k * n + j]
      eig = Math.max(eig, Math.abs(av - values[k] * vectors[k * n + i]))
    }
    for (let m = 0; m < n; m++) {
      let dot = 0
      for (let i = 0; i < n; i++) dot += vectors[k * n + i] * vectors[m * n + i]
      ortho = Math.max(ortho, Math.abs(dot - (k === m ? 1 : 0)))
    }
  }
  return [eig, ortho]
}

describe('eigenSym(A, n)', () => {
  it('finds the closed-form spectrum 2 − 2cos(kπ/(n + 1)) of the tridiagonal [−1, 2, −1] matrix', () => {
    const n = 45
    const a = new Float64Array(n * n)
    for (let i = 0; i < n; i++) {
      a[i * n + i] = 2
      if (i > 0) a[i * n + i - 1] = a[(i - 1) * n + i] = -1
    }
    const { values } = eigenSym(a, n)
    for (let k = 1; k <= n; k++)
      expect(Math.abs(values[k - 1] - (2 - 2 * Math.cos((k * Math.PI) / (n + 1))))).toBeLessThan(1e-13)
  })

  it("gives Li Hongyi's saddle Hessian [[0, −2], [−2, 0]] the eigenvalues −2 and 2, escape direction (1, 1)/√2", () => {
    const { values, vectors } = eigenSym([0, -2, -2, 0], 2)
    expect(Array.from(values)).toEqual([-2, 2])
    const v = vectors!
    expect(Math.abs(v[0])).toBeCloseTo(Math.SQRT1_2, 15)
    expect(v[1]).toBeCloseTo(v[0], 15)
  })

  for (const n of [1, 2, 3, 8, 45, 90]) {
    it(`satisfies A·v = λv, orthonormal vectors, ascending λ and trace = Σλ on a random symmetric ${n}×${n}`, () => {
      const a = randomSymmetric(n, 100 + n)
      const { values, vectors } = eigenSym(a, n)
      const [eig, ortho] = residuals(a, n, values, vectors!)
      const scale = Math.max(...Array.from(values, Math.abs))
      expect(eig).toBeLessThan(1e-13 * n * scale)
      expect(ortho).toBeLessThan(1e-13 * n)
      for (let k = 1; k < n; k++) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1])
      let trace = 0
      for (let i = 0; i < n; i++) trace += a[i * n + i]
      expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(trace, 11)
    })
  }

  it('recovers repeated eigenvalues of Q·diag(1, 1, 1, 2, 2, −5)·Qᵀ with a full orthonormal basis', () => {
    const n = 6
    const d = [1, 1, 1, 2, 2, -5]
    const q = randomOrthogonal(n, 7)
    const a = new Float64Array(n * n)
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0
        for (let k = 0; k < n; k++) s += q[k * n + i] * d[k] * q[k * n + j]
        a[i * n + j] = s
      }
    }
    const { values, vectors } = eigenSym(a, n)
    const expected = [-5, 1, 1, 1, 2, 2]
    expected.forEach((v, k) => expect(values[k]).toBeCloseTo(v, 13))
    const [eig, ortho] = residuals(a, n, values, vectors!)
    expect(eig).toBeLessThan(1e-13)
    expect(ortho).toBeLessThan(1e-13)
  })

  it('returns a diagonal matrix sorted, with no sweep, and the zero matrix as zeros', () => {
    const diag = eigenSym([3, 0, 0, 0, -1, 0, 0, 0, 2], 3)
    expect(Array.from(diag.values)).toEqual([-1, 2, 3])
    expect(diag.sweeps).toBe(0)
    expect(Array.from(eigenSym(new Float64Array(16), 4).values)).toEqual([0, 0, 0, 0])
  })

  it('reads only the upper triangle', () => {
    const upper = eigenSym([1, 2, 99, 3], 2, { vectors: false })
    const sym = eigenSym([1, 2, 2, 3], 2, { vectors: false })
    expect(Array.from(upper.values)).toEqual(Array.from(sym.values))
    expect(upper.vectors).toBeUndefined()
  })

  it('leaves its input untouched', () => {
    const a = randomSymmetric(5, 3)
    const copy = a.slice()
    eigenSym(a, 5)
    expect(Array.from(a)).toEqual(Array.from(copy))
  })

  it('throws on a non-finite entry or a matrix too small for n', () => {
    expect(() => eigenSym([1, NaN, NaN, 1], 2)).toThrow(/not finite/)
    expect(() => eigenSym([1, 2, 3], 2)).toThrow(/n×n/)
  })
})
