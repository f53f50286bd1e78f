/**
 * Hostile values and spec mutations for the core fuzz suite: a valid spec with one to three fields replaced
 * by hostile values (NaN, ±∞, −0, huge, tiny, negative, fractional, strings, null, arrays, objects, BigInt),
 * deleted, or joined by a junk key, so both the validators' every branch and the code behind them are hit.
 * Everything here survives structured cloning (no functions, no symbols).
 */
import fc from 'fast-check'

/** A long string, to catch messages that quote their input whole. */
export const LONG_STRING = 'k'.repeat(5000)

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      NaN,
      Infinity,
      -Infinity,
      -0,
      0,
      1,
      -1,
      0.5,
      2,
      1e-300,
      5e-324,
      1e300,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      2 ** 31,
      2 ** 53,
      1_000_001,
      100_001,
    ),
  },
  { weight: 1, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
)

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileNumber },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(
      undefined,
      null,
      '',
      '1',
      'NaN',
      'adam',
      'constructor',
      '__proto__',
      'toString',
      LONG_STRING,
      true,
      false,
      [],
      {},
      [0, 0],
      [NaN, 1],
      [1, 2, 3],
      { kind: 'sgd', lr: 0.1 },
      1n,
      new Float64Array(2),
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.array(hostileNumber, { maxLength: 4 }) },
)

type Path = (string | number)[]

const JUNK_KEYS = ['constructor', 'toString', 'valueOf', 'extra']

/** A private copy of an object value (the constants above are shared between cases). */
function fresh(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? structuredClone(value) : value
}

/** Every path to a value nested in `value` (a typed array is one leaf). */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (ArrayBuffer.isView(value)) return out
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push([...prefix, i])
      pathsOf(v, [...prefix, i], out)
    })
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.push([...prefix, k])
      pathsOf(v, [...prefix, k], out)
    }
  }
  return out
}

interface Edit {
  pick: number
  kind: 'set' | 'delete' | 'junk-key' | 'element'
  value: unknown
}

const edit: fc.Arbitrary<Edit> = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom<Edit['kind']>('set', 'set', 'set', 'delete', 'junk-key', 'element'),
  value: hostileValue,
})

function applyEdits(base: unknown, edits: Edit[]): unknown {
  let root: unknown = structuredClone(base)
  for (const e of edits) {
    const paths = pathsOf(root)
    if (paths.length === 0) {
      root = fresh(e.value)
      continue
    }
    const path = paths[e.pick % paths.length]
    let parent = root as Record<string | number, unknown>
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
    const key = path[path.length - 1]
    const target = parent[key]
    if (e.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1)
      else delete parent[key]
    } else if (
      e.kind === 'junk-key' &&
      typeof target === 'object' &&
      target !== null &&
      !Array.isArray(target)
    ) {
      // Keys JSON can give any object: shadowing Object.prototype's names, or just unexpected.
      ;(target as Record<string, unknown>)[JUNK_KEYS[e.pick % JUNK_KEYS.length]] = fresh(e.value)
    } else if (e.kind === 'element' && ArrayBuffer.isView(target) && typeof e.value === 'number') {
      const a = target as unknown as Float64Array
      if (a.length > 0) a[e.pick % a.length] = e.value
    } else parent[key] = fresh(e.value)
  }
  return root
}

/**
 * `base` (one of the valid examples) after 0..maxEdits hostile edits; one case in ten is a hostile value in
 * place of the whole spec.
 */
export function mutated<T>(bases: fc.Arbitrary<T>, maxEdits = 3): fc.Arbitrary<unknown> {
  return fc.oneof(
    {
      weight: 9,
      arbitrary: fc.tuple(bases, fc.array(edit, { maxLength: maxEdits })).map(([b, e]) => applyEdits(b, e)),
    },
    { weight: 1, arbitrary: hostileValue.map(fresh) },
  )
}

/** Mostly `good`, sometimes hostile: for arguments that are not the point of a target. */
export function mostly<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: hostileValue.map(fresh) })
}
