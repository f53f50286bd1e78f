import { expect } from 'vitest'

/** Asserts |actual − expected| ≤ delta element-wise (numbers or array-likes), with a readable message. */
export function assertInDelta(
  actual: number | ArrayLike<number>,
  expected: number | ArrayLike<number>,
  delta = 1e-6,
  label = '',
): void {
  const a = typeof actual === 'number' ? [actual] : Array.from(actual)
  const e = typeof expected === 'number' ? [expected] : Array.from(expected)
  expect(a.length, `${label} length`).toBe(e.length)
  for (let i = 0; i < a.length; i++) {
    const ok = Math.abs(a[i]! - e[i]!) <= delta
    if (!ok) expect.fail(`${label}[${i}]: expected ${e[i]} ± ${delta}, got ${a[i]}`)
  }
}

/** Relative-or-absolute closeness: |a − e| ≤ rel·max(1, |e|). */
export function assertClose(actual: number, expected: number, rel = 1e-6, label = ''): void {
  const tol = rel * Math.max(1, Math.abs(expected))
  if (!(Math.abs(actual - expected) <= tol))
    expect.fail(`${label}: expected ${expected} (±${tol}), got ${actual}`)
}
