import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { traceContours } from '../../src/core/contours'
import { parseDataset } from '../../src/core/mlp/parseDataset'
import type { ClassifierConfig, Dataset } from '../../src/core/mlp/types'
import { createEngine } from '../../src/worker/engine'
import type { FromWorker, TrainFrame } from '../../src/worker/protocol'
import { BOUNDARY_LEVEL } from '../../src/worker/trainSession'
import { createFakeClock } from './fakeClock'

const dot: Dataset = parseDataset(readFileSync(new URL('../../public/dot.csv', import.meta.url), 'utf8'))

const config = (lambda: number): ClassifierConfig => ({
  layers: [2, 11, 1],
  activation: 'relu',
  output: 'linear',
  loss: 'mse',
  optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.005 },
  batchSize: 32,
  epochs: 40,
  shuffle: false,
  seed: 1,
  regularization: lambda > 0 ? { kind: 'l2', lambda } : { kind: 'none' },
  init: { kind: 'normal', seed: 7 },
})

const grid = { extent: { x: [-3, 3] as [number, number], y: [-3, 3] as [number, number] }, nx: 24, ny: 20 }

function train(epochs: number) {
  const sent: { message: FromWorker; transfer: Transferable[] }[] = []
  const engine = createEngine((message, transfer = []) => sent.push({ message, transfer }), createFakeClock())
  engine.handle({
    type: 'train.start',
    runId: 1,
    runs: [
      { key: 'a', config: config(0) },
      { key: 'b', config: config(0.03) },
    ],
    dataset: dot,
    grid,
    autoplay: false,
  })
  engine.handle({ type: 'train.step', runId: 1, epochs })
  return sent.filter((s) => s.message.type === 'train.frame') as {
    message: TrainFrame
    transfer: Transferable[]
  }[]
}

describe('train.frame boundary: the p = 0.5 rings traced in the worker', () => {
  it('every run of every frame carries the rings of its own grid at 0.5, exactly as traceContours gives them', () => {
    const frames = train(10)
    expect(frames).toHaveLength(2)
    for (const { message } of frames)
      for (const run of message.runs) {
        const expected = traceContours({ values: run.grid, nx: message.nx, ny: message.ny }, [
          BOUNDARY_LEVEL,
        ])[0]
        expect(run.boundary.value).toBe(0.5)
        expect(run.boundary.rings.map((r) => Array.from(r))).toEqual(expected.rings.map((r) => Array.from(r)))
      }
    // After training the network separates dot.csv's classes inside the view: there is a line to draw.
    const last = frames[1].message
    for (const run of last.runs) expect(run.boundary.rings.some((r) => r.length >= 8)).toBe(true)
  })

  it('the rings lie on p = 0.5: linear interpolation of the grid at each interior ring point gives 0.5', () => {
    const { message } = train(10)[1]
    const { nx, ny } = message
    let checked = 0
    for (const run of message.runs)
      for (const ring of run.boundary.rings)
        for (let k = 0; k < ring.length; k += 2) {
          // Grid-index space: sample (i, j) sits at (i + ½, j + ½). Interior points of d3's marching squares lie
          // on a cell edge, between two samples that straddle the level.
          const c = ring[k] - 0.5
          const r = ring[k + 1] - 0.5
          if (c <= 0 || r <= 0 || c >= nx - 1 || r >= ny - 1) continue
          const i = Math.floor(c)
          const j = Math.floor(r)
          const v = (ii: number, jj: number) => run.grid[jj * nx + ii]
          const value = Number.isInteger(r)
            ? v(i, j) + (c - i) * (v(i + 1, j) - v(i, j))
            : v(i, j) + (r - j) * (v(i, j + 1) - v(i, j))
          expect(value).toBeCloseTo(0.5, 9)
          checked++
        }
    expect(checked).toBeGreaterThan(20)
  })

  it('the rings share one buffer per run, transferred with the frame', () => {
    for (const { message, transfer } of train(10))
      for (const run of message.runs) {
        const buffers = new Set(run.boundary.rings.map((r) => r.buffer))
        expect(buffers.size).toBeLessThanOrEqual(1)
        for (const b of buffers) expect(transfer).toContain(b)
      }
  })
})
