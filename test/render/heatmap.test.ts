import { describe, expect, it } from 'vitest'
import { packRgba, paletteLut } from '../../src/render/colors'
import { heatmapLevels, paintHeatmap } from '../../src/render/heatmap'
import type { ImageLike } from '../../src/render/heatmap'
import type { GridLike } from '../../src/render/grid'
import { assertInDelta } from '../helpers/assertInDelta'

// A probe palette whose entry i has red byte i: the red channel of a painted pixel is the LUT index it used.
const probe = new Uint32Array(256).map((_, i) => packRgba(i, 0, 0))

const image = (width: number, height: number): ImageLike => ({
  data: new Uint8ClampedArray(width * height * 4),
  width,
  height,
})
const reds = (img: ImageLike): number[] =>
  Array.from({ length: img.width * img.height }, (_, k) => img.data[4 * k])
const grid = (values: number[], nx: number, ny: number, min: number, max: number): GridLike => ({
  values: Float64Array.from(values),
  nx,
  ny,
  min,
  max,
})

describe('paintHeatmap', () => {
  it('paintHeatmap flips rows: grid row 0 (y min) becomes the bottom image row', () => {
    const img = image(2, 2)
    // Rows bottom-up: row 0 = [0, 1], row 1 = [2, 3]. t = v/3 → floor(256·t) = 0, 85, 170, 256 → clamped 255.
    paintHeatmap(img, grid([0, 1, 2, 3], 2, 2, 0, 3), { palette: probe, log: false })
    expect(reds(img)).toEqual([170, 255, 0, 85])
  })

  it('paintHeatmap with log maps ln(v − min + ε): 0, 9, 99, 999 with ε = 1 land at t = 0, ⅓, ⅔, 1', () => {
    const img = image(4, 1)
    paintHeatmap(img, grid([0, 9, 99, 999], 4, 1, 0, 999), { palette: probe, log: true, logEpsilon: 1 })
    // floor(256/3) = 85, floor(512/3) = 170.
    expect(reds(img)).toEqual([0, 85, 170, 255])
  })

  it('paintHeatmap without log is linear in v for the same values', () => {
    const img = image(4, 1)
    paintHeatmap(img, grid([0, 9, 99, 999], 4, 1, 0, 999), { palette: probe, log: false })
    // floor(256·9/999) = 2, floor(256·99/999) = 25.
    expect(reds(img)).toEqual([0, 2, 25, 255])
  })

  it('paintHeatmap follows the log option only, never the range (the same rule as heatmapLevels)', () => {
    const values = [1e4, 1e5, 1e6, 1e7]
    const linear = image(4, 1)
    const forced = image(4, 1)
    paintHeatmap(linear, grid(values, 4, 1, 1e4, 1e7), { palette: probe, log: false })
    paintHeatmap(forced, grid(values, 4, 1, 1e4, 1e7), { palette: probe, log: true })
    // Linear: 1e5 sits at (1e5 − 1e4)/(1e7 − 1e4) ≈ 0.009 of the way up, i.e. the bottom entries of the LUT.
    expect(reds(linear)[1]).toBeLessThanOrEqual(2)
    expect(reds(forced)[1]).toBeGreaterThan(2)
  })

  it('paintHeatmap gives non-finite values the top colour and values below min the bottom colour', () => {
    const img = image(4, 1)
    paintHeatmap(img, grid([NaN, Infinity, -Infinity, -5], 4, 1, 0, 1), { palette: probe, log: false })
    expect(reds(img)).toEqual([255, 255, 255, 0])
    const logImg = image(2, 1)
    paintHeatmap(logImg, grid([-5, NaN], 2, 1, 0, 1), { palette: probe, log: true })
    expect(reds(logImg)).toEqual([0, 255])
  })

  it('paintHeatmap paints a grid without any finite value (min = max = NaN) in the top colour', () => {
    const img = image(2, 1)
    paintHeatmap(img, grid([NaN, Infinity], 2, 1, NaN, NaN), { palette: probe, log: true })
    expect(reds(img)).toEqual([255, 255])
  })

  it("paintHeatmap with palette 'jet' paints the minimum dark blue and the maximum dark red, opaque", () => {
    const img = image(2, 1)
    paintHeatmap(img, grid([0, 1], 2, 1, 0, 1), { palette: 'jet', log: false })
    expect(Array.from(img.data)).toEqual([0, 0, 128, 255, 128, 0, 0, 255])
    expect(paletteLut('jet')[0]).toBe(new Uint32Array(img.data.buffer)[0])
  })

  it('paintHeatmap writes the alpha option into every pixel (the 2017 demo used alpha = 0.5)', () => {
    const img = image(2, 1)
    paintHeatmap(img, grid([0, 1], 2, 1, 0, 1), { palette: 'jet', log: false, alpha: 0.5 })
    expect([img.data[3], img.data[7]]).toEqual([128, 128])
    expect(Array.from(img.data.slice(0, 3))).toEqual([0, 0, 128])
  })

  it('paintHeatmap with n bands paints flat bands split exactly at heatmapLevels(min, max, n)', () => {
    const levels = heatmapLevels(0, 1, 3, false)
    assertInDelta(levels, [0.25, 0.5, 0.75], 1e-15)
    const values = [0.2, 0.3, 0.49, 0.51, 0.74, 0.76, 1, 0]
    const img = image(values.length, 1)
    paintHeatmap(img, grid(values, values.length, 1, 0, 1), { palette: probe, log: false, bands: 3 })
    // Band b of 4 takes the colour at t = b/3: LUT entries 0, 85, 170, 255.
    expect(reds(img)).toEqual([0, 85, 85, 170, 170, 255, 255, 0])
  })

  it('paintHeatmap resamples to another image size by nearest sample, still flipping rows', () => {
    const wide = image(4, 1)
    paintHeatmap(wide, grid([0, 1], 2, 1, 0, 1), { palette: probe, log: false })
    expect(reds(wide)).toEqual([0, 0, 255, 255])
    const tall = image(1, 4)
    paintHeatmap(tall, grid([0, 1], 1, 2, 0, 1), { palette: probe, log: false })
    expect(reds(tall)).toEqual([255, 255, 0, 0])
  })

  it('paintHeatmap leaves nothing unpainted on a 256² grid and throws on mismatched buffers', () => {
    const n = 256
    const values = Float64Array.from({ length: n * n }, (_, k) => k)
    const img = image(n, n)
    paintHeatmap(img, { values, nx: n, ny: n, min: 0, max: n * n - 1 }, { palette: 'viridis', log: false })
    for (let k = 0; k < n * n; k++) if (img.data[4 * k + 3] !== 255) expect.fail(`pixel ${k} unpainted`)
    expect(() =>
      paintHeatmap({ data: new Uint8ClampedArray(4), width: 2, height: 1 }, grid([0, 1], 2, 1, 0, 1), {
        palette: 'jet',
        log: false,
      }),
    ).toThrow(/invalid image/)
    expect(() => paintHeatmap(image(2, 2), grid([0, 1], 2, 2, 0, 1), { palette: 'jet', log: false })).toThrow(
      /invalid grid/,
    )
    expect(() =>
      paintHeatmap(image(1, 1), grid([0], 1, 1, 0, 1), { palette: new Uint32Array(3), log: false }),
    ).toThrow(/256 entries/)
  })
})

describe('heatmapLevels', () => {
  it('heatmapLevels(min, max, count, false) spaces levels evenly strictly inside (min, max)', () => {
    assertInDelta(heatmapLevels(0, 10, 4, false), [2, 4, 6, 8], 1e-14)
  })

  it('heatmapLevels(…, true) spaces levels evenly in ln(v − min + ε): 9 and 99 on [0, 999] with ε = 1', () => {
    assertInDelta(heatmapLevels(0, 999, 2, true, 1), [9, 99], 1e-11)
  })

  it('heatmapLevels is linear without the log option even when max/min spans 3 decades, log-spaced with it', () => {
    const linear = heatmapLevels(1e4, 1e7, 5, false)
    for (let k = 2; k < linear.length; k++)
      expect(linear[k] - linear[k - 1]).toBeCloseTo(linear[k - 1] - linear[k - 2], 6)
    const log = heatmapLevels(1e4, 1e7, 5, true)
    // Log spacing: each gap (in v − min + ε) is a constant ratio, so gaps grow.
    for (let k = 2; k < log.length; k++) expect(log[k] - log[k - 1]).toBeGreaterThan(log[k - 1] - log[k - 2])
  })

  it('heatmapLevels returns a plain array (d3-contour reads anything else as a count) and rejects bad counts', () => {
    expect(Array.isArray(heatmapLevels(0, 1, 3, false))).toBe(true)
    expect(() => heatmapLevels(0, 1, 0, false)).toThrow(/level count/)
    expect(() => heatmapLevels(0, 1, 2.5, false)).toThrow(/level count/)
  })

  it('heatmapLevels returns no levels for a grid without finite values', () => {
    expect(heatmapLevels(NaN, NaN, 10, true)).toEqual([])
  })
})
