import { describe, expect, it } from 'vitest'
import { noiseCloud } from '../../src/core/noiseCloud'
import { miniBatchLinear } from '../../src/core/surfaces/miniBatch'
import { createEngine } from '../../src/worker/engine'
import type { FromWorker } from '../../src/worker/protocol'

describe('the worker’s noiseCloud request', () => {
  it('answers with the core’s cloud as a transferred Float64Array and ∇L', () => {
    const out: { message: FromWorker; transfer?: Transferable[] }[] = []
    const engine = createEngine((message, transfer) => void out.push({ message, transfer }))
    engine.handle({
      type: 'noiseCloud',
      requestId: 4,
      surface: 'mini-batch-linear',
      x: 0.5,
      y: 1,
      size: 5,
      seed: 2,
    })
    const reply = out.find((o) => o.message.type === 'noiseCloud')!
    const m = reply.message as Extract<FromWorker, { type: 'noiseCloud' }>
    expect(m.requestId).toBe(4)
    expect(m.points).toEqual(noiseCloud(miniBatchLinear, 0.5, 1, 5, 2))
    expect(reply.transfer).toEqual([m.points.buffer])
    const g = miniBatchLinear.grad(0.5, 1)
    expect(m.full).toEqual([g[0], g[1]])
  })

  it('answers an error naming the field for a surface without examples or a batch above N', () => {
    const out: FromWorker[] = []
    const engine = createEngine((message) => void out.push(message))
    engine.handle({ type: 'noiseCloud', requestId: 5, surface: 'saddle', x: 0, y: 0, size: 1, seed: 1 })
    engine.handle({
      type: 'noiseCloud',
      requestId: 6,
      surface: 'mini-batch-linear',
      x: 0,
      y: 0,
      size: 31,
      seed: 1,
    })
    const errors = out.filter((m) => m.type === 'error') as Extract<FromWorker, { type: 'error' }>[]
    expect(errors.map((e) => e.requestId)).toEqual([5, 6])
    expect(errors.map((e) => e.field)).toEqual(['surface', 'size'])
  })
})
