import type { Out2, Out3 } from '../types'

// Why a type branch: `out` may be a Float64Array (hot loops) or a plain array (callers' convenience). One store
// site that sees both kinds (and a plain array's Smi → double transition) goes polymorphic in V8 and made the
// Pokémon race 6× slower; two sites keep the Float64Array path monomorphic whatever else callers pass.

/** Writes (a, b) into `out` and returns it. */
export function setOut2(out: Out2, a: number, b: number): Out2 {
  if (out instanceof Float64Array) {
    out[0] = a
    out[1] = b
  } else {
    out[0] = a
    out[1] = b
  }
  return out
}

/** Writes (a, b, c) into `out` and returns it. */
export function setOut3(out: Out3, a: number, b: number, c: number): Out3 {
  if (out instanceof Float64Array) {
    out[0] = a
    out[1] = b
    out[2] = c
  } else {
    out[0] = a
    out[1] = b
    out[2] = c
  }
  return out
}
