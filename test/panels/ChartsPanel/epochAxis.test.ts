import { describe, expect, it } from 'vitest'
import { updateAtX, epochAxisApplies, xOfUpdate, xPerUpdate } from '../../../src/panels/ChartsPanel/epochAxis'
import { drawLineChart } from '../../../src/render/lineChart'
import { RecordingContext, r3 } from '../../helpers/recordingContext'

// Hand-computed: N = 30 examples, batch B = 5 → ⌈30/5⌉ = 6 updates per epoch, so update 12 is epoch 2;
// B = 1 → 30 per epoch (update 300 is epoch 10); the full batch (no B, or B ≥ N) → 1 per epoch.
describe('the charts’ epoch axis (issue #10)', () => {
  it('puts update k of a batch-B racer at epoch k/⌈N/B⌉, and at k on an update axis', () => {
    expect(xOfUpdate(12, xPerUpdate('epochs', 30, { batch: 5 }))).toBeCloseTo(2, 12)
    expect(xOfUpdate(300, xPerUpdate('epochs', 30, { batch: 1 }))).toBeCloseTo(10, 12)
    expect(xOfUpdate(10, xPerUpdate('epochs', 30, {}))).toBe(10)
    expect(xOfUpdate(10, xPerUpdate('epochs', 30, { batch: 30 }))).toBe(10)
    // B = 7: ⌈30/7⌉ = 5 updates per epoch (the last batch is partial), update 15 is epoch 3.
    expect(xOfUpdate(15, xPerUpdate('epochs', 30, { batch: 7 }))).toBeCloseTo(3, 12)
    // A surface without examples: one update is one epoch.
    expect(xOfUpdate(12, xPerUpdate('epochs', undefined, { batch: 5 }))).toBe(12)
    expect(xOfUpdate(12, xPerUpdate('updates', 30, { batch: 5 }))).toBe(12)
  })

  it('reads back the update nearest to an epoch, clamped to the racer’s last point', () => {
    expect(updateAtX(2, 1 / 6, 59)).toBe(12)
    expect(updateAtX(2.05, 1 / 6, 59)).toBe(12)
    expect(updateAtX(2.1, 1 / 6, 59)).toBe(13)
    expect(updateAtX(10, 1 / 6, 59)).toBe(59)
    expect(updateAtX(2, 1, 10)).toBe(2)
  })

  it('offers the toggle only with a batch size on a data surface, or when steps count epochs', () => {
    expect(epochAxisApplies([{}, { batch: 5 }], undefined, 30)).toBe(true)
    expect(epochAxisApplies([{}, {}], undefined, 30)).toBe(false)
    expect(epochAxisApplies([{ batch: 5 }], undefined, undefined)).toBe(false)
    expect(epochAxisApplies([{}], 'epochs', 30)).toBe(true)
  })

  it('draws three racers of 10 epochs (10, 60 and 300 updates) ending at the same x on an epoch axis', () => {
    const ctx = new RecordingContext()
    const line = (n: number) => Float64Array.from({ length: n + 1 }, (_, k) => 1 + 1 / (k + 1))
    const { plot } = drawLineChart(ctx, {
      widthPx: 600,
      heightPx: 200,
      fontPx: 10,
      xLabel: 'epoch',
      yLabel: 'L',
      yLog: true,
      xMax: 10,
      series: [
        { values: line(10), count: 11, color: '#a', xPerPoint: xPerUpdate('epochs', 30, {}) },
        { values: line(60), count: 61, color: '#b', xPerPoint: xPerUpdate('epochs', 30, { batch: 5 }) },
        { values: line(300), count: 301, color: '#c', xPerPoint: xPerUpdate('epochs', 30, { batch: 1 }) },
      ],
    })
    const lastX = (color: string) => {
      const op = ctx.strokes(color).find((o) => o.lineWidth === 1.25)!
      const pts = op.segments.flatMap((s) => (s.op === 'M' || s.op === 'L' ? [s.x] : []))
      return { first: pts[0], last: pts[pts.length - 1] }
    }
    for (const c of ['#a', '#b', '#c']) {
      expect(lastX(c).first).toBe(r3(plot.left))
      expect(lastX(c).last).toBeCloseTo(plot.left + plot.width, 2)
    }
  })
})
