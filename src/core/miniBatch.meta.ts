/**
 * Mini-batch arithmetic the main thread needs too (the charts' epoch axis, the legend's update counts), as
 * plain functions of N and the batch size; the sampling itself is in ./batchSampler.ts.
 */

/**
 * Updates per epoch with `size` examples per batch out of `examples`: ⌈N/size⌉ (the last, partial batch
 * counts; see `BatchSpec`). 1 for a full batch (size ≥ N, or size undefined) and on a surface without
 * examples (N undefined), where one update is one epoch.
 */
export function updatesPerEpoch(examples: number | undefined, size: number | undefined): number {
  if (examples === undefined || size === undefined || !(size >= 1) || size >= examples) return 1
  return Math.ceil(examples / Math.floor(size))
}

/**
 * The batch size a racer actually uses on a surface with `examples` examples: undefined (full batch) when the
 * surface has none or `size` is unset or ≥ N, else ⌊size⌋ (≥ 1).
 */
export function effectiveBatch(examples: number | undefined, size: number | undefined): number | undefined {
  if (examples === undefined || size === undefined || !(size >= 1) || size >= examples) return undefined
  return Math.floor(size)
}
