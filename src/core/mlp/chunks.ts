/**
 * A row range cut into chunks of at most `size` rows, with views into the data set made once, so that the
 * per-epoch passes read rows in place (no copying, no allocation). Chunk k covers rows first[k] ..
 * first[k] + count[k] − 1; x[k] and y[k] view exactly those rows.
 */
export interface RowChunks {
  length: number
  first: Int32Array
  count: Int32Array
  x: Float64Array[]
  y: Float64Array[]
  /** Batch b is chunks batchStart[b] .. batchStart[b + 1] − 1 (length = number of batches + 1). */
  batchStart: Int32Array
}

/** Cuts rows [start, end) of (x, y) into chunks; each batch of `batch` rows starts a new chunk. */
export function chunkRows(
  x: Float64Array,
  y: Float64Array,
  start: number,
  end: number,
  size: number,
  batch = end - start,
): RowChunks {
  const first: number[] = []
  const count: number[] = []
  const batchStart: number[] = []
  for (let b = start; b < end; b += batch) {
    batchStart.push(first.length)
    const batchEnd = Math.min(b + batch, end)
    for (let f = b; f < batchEnd; f += size) {
      first.push(f)
      count.push(Math.min(size, batchEnd - f))
    }
  }
  batchStart.push(first.length)
  return {
    length: first.length,
    batchStart: Int32Array.from(batchStart),
    first: Int32Array.from(first),
    count: Int32Array.from(count),
    x: first.map((f, k) => x.subarray(2 * f, 2 * (f + count[k]))),
    y: first.map((f, k) => y.subarray(f, f + count[k])),
  }
}
