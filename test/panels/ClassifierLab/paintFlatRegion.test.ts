import { describe, expect, it } from 'vitest'
import { FLAT_TOLERANCE, paintFlatRegion } from '../../../src/panels/ClassifierLab/paintFlatRegion'

/** A mask canvas and a target context that record what is drawn (node has no canvas). */
function fakes() {
  let image: { data: Uint8ClampedArray; width: number; height: number } | null = null
  const drawn: unknown[][] = []
  const mask = {
    width: 0,
    height: 0,
    getContext: () => ({
      createImageData: (w: number, h: number) => ({
        data: new Uint8ClampedArray(4 * w * h),
        width: w,
        height: h,
      }),
      putImageData: (img: typeof image) => (image = img),
    }),
  } as unknown as HTMLCanvasElement
  const ctx = {
    globalAlpha: 1,
    imageSmoothingEnabled: false,
    save() {},
    restore() {},
    drawImage: (...args: unknown[]) => drawn.push(args),
  } as unknown as CanvasRenderingContext2D
  /** Whether grid node (i, j) (row j bottom-up) is in the mask. */
  const marked = (i: number, j: number, n: number) => image!.data[4 * ((n - 1 - j) * n + i) + 3] === 255
  return { mask, ctx, drawn, marked, image: () => image }
}

describe('paintFlatRegion', () => {
  it('marks exactly the nodes within 10% of the lowest value, rows flipped to the image’s top-down order', () => {
    // 3×3, row-major with row 0 at the bottom; min 2 at (1, 0), limit 2.2.
    const values = [5, 2, 2.2, 2.21, 3, 9, 2.19, NaN, 4]
    const f = fakes()
    const rect = { left: 10, top: 20, width: 300, height: 300 }
    paintFlatRegion(f.ctx, values, 3, 2, rect, f.mask)
    expect(FLAT_TOLERANCE).toBe(0.1)
    const inside = [
      [1, 0],
      [2, 0],
      [0, 2],
    ]
    for (let j = 0; j < 3; j++)
      for (let i = 0; i < 3; i++)
        expect(f.marked(i, j, 3), `node (${i}, ${j})`).toBe(inside.some(([a, b]) => a === i && b === j))
    expect(f.drawn).toEqual([[f.mask, 10, 20, 300, 300]])
  })

  it('uses |min| for a negative minimum and draws nothing without a finite one', () => {
    const f = fakes()
    paintFlatRegion(f.ctx, [-1, -0.91, -0.89, 0], 2, -1, { left: 0, top: 0, width: 1, height: 1 }, f.mask)
    expect([f.marked(0, 0, 2), f.marked(1, 0, 2), f.marked(0, 1, 2), f.marked(1, 1, 2)]).toEqual([
      true,
      true,
      false,
      false,
    ])
    const g = fakes()
    paintFlatRegion(g.ctx, [NaN, NaN, NaN, NaN], 2, NaN, { left: 0, top: 0, width: 1, height: 1 }, g.mask)
    expect(g.drawn).toEqual([])
  })
})
