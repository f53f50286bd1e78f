import { describe, expect, it } from 'vitest'
import { createChartsPainter } from '../../../src/panels/ChartsPanel/chartsPainter'
import type { ChartId, ChartTooltip, PlayheadLine } from '../../../src/panels/ChartsPanel/chartsPainter'
import { translate } from '../../../src/i18n/translate'
import type { MessageKey } from '../../../src/i18n/en'
import type { MessageParams } from '../../../src/i18n/translate'
import { createAppStore } from '../../../src/state/store'
import { RecordingContext } from '../../helpers/recordingContext'
import { createFakeDriver, indexedChunk } from '../../state/fakeDriver'

function recordingLayer() {
  const ctx = new RecordingContext()
  const layer = { ctx, clears: 0, clear: () => void layer.clears++ }
  return layer
}

/** A store racing the default four racers, a painter over recording layers, and the tooltips it reported. */
function setup() {
  const fake = createFakeDriver()
  const store = createAppStore({ driver: fake.driver, autoRestart: false })
  store.getState().startRace()
  const tips: { id: ChartId; tip: ChartTooltip | null }[] = []
  const playheads: { id: ChartId; line: PlayheadLine | null }[] = []
  const painter = createChartsPainter({
    t: (key: MessageKey, params?: MessageParams) => translate('en', key, params),
    onTooltip: (id, tip) => void tips.push({ id, tip }),
    onPlayhead: (id, line) => void playheads.push({ id, line }),
  })
  /** The x where chart `id`'s playhead was last put. */
  const playheadX = (id: ChartId): number => playheads.filter((p) => p.id === id).at(-1)?.line?.x ?? NaN
  const layers = {
    loss: { base: recordingLayer(), overlay: recordingLayer() },
    gradNorm: { base: recordingLayer(), overlay: recordingLayer() },
    lr: { base: recordingLayer(), overlay: recordingLayer() },
  }
  for (const id of ['loss', 'gradNorm', 'lr'] as const)
    painter.setLayers(id, { ...layers[id], widthPx: 400, heightPx: 160, fontPx: 10 })
  const frames = (from: number, count: number, cursor = from + count - 1) =>
    fake.emit({
      type: 'race.frames',
      runId: store.getState().runId!,
      cursor,
      playing: true,
      racers: ['r0', 'r1', 'r2', 'r3'].map((id) => indexedChunk(id, from, count)),
    })
  return { fake, store, painter, layers, tips, playheads, playheadX, frames }
}

describe('createChartsPainter', () => {
  it('paint(state) only moves the playheads when only the playhead moves: no canvas is repainted', () => {
    const { store, painter, layers, frames, playheads, playheadX } = setup()
    frames(0, 10)
    painter.paint(store.getState())
    const ops = (['loss', 'gradNorm', 'lr'] as const).flatMap((id) => [
      layers[id].base.ctx.ops.length,
      layers[id].overlay.ctx.ops.length,
      layers[id].base.clears,
      layers[id].overlay.clears,
    ])
    const x9 = playheadX('loss')
    const reported = playheads.length
    store.getState().seek(3)
    painter.paint(store.getState())
    expect(
      (['loss', 'gradNorm', 'lr'] as const).flatMap((id) => [
        layers[id].base.ctx.ops.length,
        layers[id].overlay.ctx.ops.length,
        layers[id].base.clears,
        layers[id].overlay.clears,
      ]),
    ).toEqual(ops)
    expect(playheads.length).toBe(reported + 3)
    // Step 3 of 500 lies 6/500 of the plot width left of step 9.
    expect(playheadX('loss')).toBeLessThan(x9)
    // Nothing moved: nothing is reported.
    painter.paint(store.getState())
    expect(playheads.length).toBe(reported + 3)
  })

  it('paint(state) lines up the three plots, whose y labels differ in width, on one left edge', () => {
    const { store, painter, layers, frames, playheadX } = setup()
    // A warm-up far longer than the race keeps η_t/η below 5·10⁻⁴: the η chart's labels read "2×10⁻⁴", wider
    // than the loss chart's "10¹", so its own plot would start further right.
    store.getState().setSchedule({ kind: 'warmup-inverse-sqrt', warmupSteps: 1_000_000 })
    frames(0, 10)
    painter.paint(store.getState())
    expect(layers.lr.base.ctx.filledTexts().some((text) => text.includes('×10'))).toBe(true)
    expect(layers.loss.base.ctx.filledTexts()).toContain('10¹')
    // The last frame (plot outline) drawn on each base layer: its left edge.
    const frameLeft = (ctx: RecordingContext): number => {
      const outlines = ctx.ops.filter((o) => o.segments.length === 1 && o.segments[0].op === 'R')
      const r = outlines[outlines.length - 1].segments[0]
      return r.op === 'R' ? r.x : NaN
    }
    const lefts = (['loss', 'gradNorm', 'lr'] as const).map((id) => frameLeft(layers[id].base.ctx))
    expect(new Set(lefts).size).toBe(1)
    // The playheads of the three charts are one vertical line.
    const xs = (['loss', 'gradNorm', 'lr'] as const).map((id) => playheadX(id))
    expect(new Set(xs).size).toBe(1)
  })

  it('paint(state) appends the new points of each racer without clearing the curves', () => {
    const { store, painter, layers, frames } = setup()
    frames(0, 20)
    painter.paint(store.getState())
    const before = layers.gradNorm.base.ctx.ops.length
    frames(20, 30)
    painter.paint(store.getState())
    expect(layers.gradNorm.base.clears).toBe(1)
    // One appended stroke per visible racer (four), in the racers' colours.
    expect(layers.gradNorm.base.ctx.ops.length - before).toBe(4)
  })

  it('hovering at the playhead reports the step and every visible racer’s value there, as plain text', () => {
    const { store, painter, layers, tips, frames, playheadX } = setup()
    frames(0, 10)
    store.getState().seek(3)
    painter.paint(store.getState())
    painter.setHover('loss', playheadX('loss'))
    painter.paint(store.getState())
    expect(tips[tips.length - 1]).toEqual({
      id: 'loss',
      tip: {
        x: playheadX('loss'),
        // indexedChunk: point p has loss 10p and ‖g‖ 100p.
        text: [
          'Step 3',
          'Gradient descent (SGD): L = 30',
          'Momentum: L = 30',
          'RMSProp: L = 30',
          'Adam: L = 30',
        ].join('\n'),
      },
    })
    // The hover rings: one per visible racer with a positive value at step 3, in its colour.
    const rings = layers.loss.overlay.ctx.ops.filter((o) => o.kind === 'stroke' && o.segments[0]?.op === 'A')
    expect(rings.map((o) => o.strokeStyle)).toEqual(['#000000', '#0072b2', '#d55e00', '#009e73'])
    painter.setHover('gradNorm', playheadX('gradNorm'))
    store.getState().toggleRacerHidden('r1')
    painter.paint(store.getState())
    expect(tips[tips.length - 1].tip!.text).toBe(
      ['Step 3', 'Gradient descent (SGD): ‖g‖ = 300', 'RMSProp: ‖g‖ = 300', 'Adam: ‖g‖ = 300'].join('\n'),
    )
    // Hiding a racer repaints the curves without it.
    expect(layers.gradNorm.base.clears).toBe(2)
  })

  it('hovering past the last computed point shows the last point, and outside the plot nothing', () => {
    const { store, painter, tips, frames } = setup()
    frames(0, 5)
    painter.paint(store.getState())
    // Near the right end of the plot (step ≈ 470 of 500): clamped to the last point any racer has.
    painter.setHover('loss', 370)
    painter.paint(store.getState())
    expect(tips[tips.length - 1].tip!.text.split('\n')[0]).toBe('Step 4')
    // In the right margin, outside the plot: no tooltip.
    painter.setHover('loss', 399)
    painter.paint(store.getState())
    expect(tips[tips.length - 1]).toEqual({ id: 'loss', tip: null })
  })

  it('hovering beyond a diverged racer’s last point gives it a dash instead of a value', () => {
    const { fake, store, painter, tips, playheadX } = setup()
    fake.emit({
      type: 'race.frames',
      runId: store.getState().runId!,
      cursor: 9,
      playing: true,
      racers: [
        indexedChunk('r0', 0, 10),
        { ...indexedChunk('r1', 0, 3, 'diverged'), divergedAt: 3 },
        indexedChunk('r2', 0, 10),
        indexedChunk('r3', 0, 10),
      ],
    })
    painter.paint(store.getState())
    painter.setHover('loss', playheadX('loss'))
    painter.paint(store.getState())
    expect(tips[tips.length - 1].tip!.text.split('\n').slice(0, 3)).toEqual([
      'Step 9',
      'Gradient descent (SGD): L = 90',
      'Momentum: —',
    ])
  })

  it('the learning-rate chart follows a schedule edit at once, before any point is computed, and its tooltip gives each racer’s η_t', () => {
    const { store, painter, layers, tips } = setup()
    painter.paint(store.getState())
    const clears = layers.lr.base.clears
    const before = layers.lr.base.ctx.ops.length
    store.getState().setSchedule({ kind: 'step', stepSize: 100, gamma: 0.5 })
    painter.paint(store.getState())
    expect(layers.lr.base.clears).toBe(clears + 1)
    // All four racers follow the shared schedule: one curve, in the first racer's colour (black).
    const curves = layers.lr.base.ctx.ops
      .slice(before)
      .filter((o) => o.kind === 'stroke' && o.lineWidth === 1.75)
    expect(curves.map((o) => o.strokeStyle)).toEqual(['#000000'])
    // Hover at the right edge of the plot: the last update, t = 499, where η_t = η·0.5⁴.
    painter.setHover('lr', 385)
    painter.paint(store.getState())
    expect(tips[tips.length - 1]).toMatchObject({ id: 'lr' })
    expect(tips[tips.length - 1].tip!.text).toBe(
      [
        'Step 499',
        'Gradient descent (SGD): ηᵗ = 6.25×10⁻⁴ (×0.0625)',
        'Momentum: ηᵗ = 0.003125 (×0.0625)',
        'RMSProp: ηᵗ = 0.003125 (×0.0625)',
        'Adam: ηᵗ = 0.003125 (×0.0625)',
      ].join('\n'),
    )
  })

  it("the learning-rate chart spans the race's updates, more than the settings' steps when those count epochs", () => {
    const { store, painter, tips } = setup()
    // Batch size 1 on 30 examples for 10 epochs: the longest racer makes 300 updates (raceSteps) of 10 steps.
    store.setState({ settings: { ...store.getState().settings, steps: 10 }, raceSteps: 300 })
    store.getState().setSchedule({ kind: 'step', stepSize: 100, gamma: 0.5 })
    painter.setHover('lr', 385)
    painter.paint(store.getState())
    const text = tips[tips.length - 1].tip!.text.split('\n')
    expect(text[0]).toBe('Step 299')
    // η_t after two halvings (t = 299 ≥ 200): η·0.25.
    expect(text[1]).toBe('Gradient descent (SGD): ηᵗ = 0.0025 (×0.25)')
  })
})
