/**
 * A small explicit seeded random number generator (mulberry32), so runs are reproducible bit for bit and
 * `Math.random` is never touched. `next()` is uniform on [0, 1); `normal()` is N(0, 1) by Box–Muller.
 */
export interface Rng {
  next(): number
  normal(): number
  /** Integer uniform on [0, n). */
  int(n: number): number
}

/** Creates a generator from a 32-bit seed (any finite number; it is truncated to uint32). */
export function createRng(seed: number): Rng {
  // The state lives in a typed array: a closure `let` holding a uint32 gets boxed as a heap number by V8 and
  // allocates on every draw (measured: 233 GCs per 20M draws), which the training loop must not do.
  const a = new Uint32Array([seed >>> 0])
  let spare = NaN
  const next = (): number => {
    // mulberry32, public domain (Tommy Ettinger)
    a[0] = a[0] + 0x6d2b79f5
    let t = a[0]
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const s = spare
      spare = NaN
      return s
    }
    let u = 0
    while (u === 0) u = next()
    const v = next()
    const r = Math.sqrt(-2 * Math.log(u))
    spare = r * Math.sin(2 * Math.PI * v)
    return r * Math.cos(2 * Math.PI * v)
  }
  return { next, normal, int: (n) => Math.floor(next() * n) }
}
