import { describe, expect, it } from 'vitest'
import { MAX_CONTOUR_LEVELS } from '../../src/core/contours'
import { createWorkerClient, type WorkerLike } from '../../src/worker/client'
import { createEngine } from '../../src/worker/engine'
import type { FromWorker, GridReply, ToWorker } from '../../src/worker/protocol'
import { assertInDelta } from '../helpers/assertInDelta'

// Written out from their definitions, independently of the registry.
const booth = (x: number, y: number): number => (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2

function setup() {
  const sent: { message: FromWorker; transfer: Transferable[] }[] = []
  const engine = createEngine((message, transfer = []) => sent.push({ message, transfer }))
  return { engine, sent }
}

describe('grid requests with contours', () => {
  it('grid {…, contours: {count: 3}} on x² − y² over [−2, 2]² traces the levels −4 + 8·k/4 (L from −4 to 4, linear)', () => {
    const { engine, sent } = setup()
    const extent = { x: [-2, 2], y: [-2, 2] }
    engine.handle({
      type: 'grid',
      requestId: 1,
      surface: 'saddle-classic',
      extent,
      nx: 5,
      ny: 5,
      contours: { count: 3 },
    })
    const reply = sent[0].message as GridReply
    // Nodes at −2, −1, 0, 1, 2: the extremes are L(0, ±2) = −4 and L(±2, 0) = 4.
    expect(reply).toMatchObject({ type: 'grid', requestId: 1, min: -4, max: 4 })
    expect(reply.contours?.log).toBe(false)
    assertInDelta(
      reply.contours!.levels.map((l) => l.value),
      [-2, 0, 2],
      1e-12,
    )
  })

  it("the traced rings of Booth's function lie on its level sets, and their buffer is transferred with the values", () => {
    const { engine, sent } = setup()
    const n = 129
    const extent = { x: [-2, 4] as [number, number], y: [0, 6] as [number, number] }
    engine.handle({
      type: 'grid',
      requestId: 2,
      surface: 'booth',
      extent,
      nx: n,
      ny: n,
      contours: { count: 8 },
    })
    const { message, transfer } = sent[0]
    const reply = message as GridReply
    const levels = reply.contours!.levels
    expect(levels).toHaveLength(8)
    const d = 6 / (n - 1)
    let checked = 0
    for (const level of levels)
      for (const ring of level.rings)
        for (let k = 0; k < ring.length; k += 2) {
          const [c, r] = [ring[k], ring[k + 1]]
          if (c === 0 || c === n || r === 0 || r === n) continue // closing segments along the border
          // Grid-index space → parameters: sample i sits at c = i + ½.
          const x = extent.x[0] + (c - 0.5) * d
          const y = extent.y[0] + (r - 0.5) * d
          // Linear interpolation of a quadratic along a cell edge errs by at most h²/8·|f''| = 0.0028 here.
          assertInDelta(booth(x, y), level.value, 0.005)
          checked++
        }
    expect(checked).toBeGreaterThan(500)
    const ringBuffer = levels[0].rings[0].buffer
    expect(transfer).toEqual([reply.values.buffer, ringBuffer])
  })

  it('a grid request without contours is answered without them, as before', () => {
    const { engine, sent } = setup()
    engine.handle({
      type: 'grid',
      requestId: 3,
      surface: 'booth',
      extent: { x: [0, 1], y: [0, 1] },
      nx: 2,
      ny: 2,
    })
    expect(sent[0].message).not.toHaveProperty('contours')
    expect(sent[0].transfer).toHaveLength(1)
  })

  for (const bad of [0, 2.5, MAX_CONTOUR_LEVELS + 1, 'ten'])
    it(`grid with contours.count = ${String(bad)} gets a 'bad-message' error at field 'contours'`, () => {
      const { engine, sent } = setup()
      engine.handle({
        type: 'grid',
        requestId: 4,
        surface: 'booth',
        extent: { x: [0, 1], y: [0, 1] },
        nx: 2,
        ny: 2,
        contours: { count: bad },
      })
      expect(sent[0].message).toMatchObject({
        type: 'error',
        requestId: 4,
        code: 'bad-message',
        field: 'contours',
      })
    })

  it('the reply crosses a real MessageChannel with its transfers: rings arrive intact, still sharing one buffer', async () => {
    const { engine, sent } = setup()
    engine.handle({
      type: 'grid',
      requestId: 5,
      surface: 'saddle',
      extent: { x: [-2, 2], y: [-2, 2] },
      nx: 33,
      ny: 33,
      contours: { count: 6 },
    })
    const { message, transfer } = sent[0]
    const before = (message as GridReply).contours!.levels.map((l) => l.rings.map((r) => Array.from(r)))
    const { port1, port2 } = new MessageChannel()
    const received = new Promise<GridReply>(
      (resolve) => (port2.onmessage = (e) => resolve(e.data as GridReply)),
    )
    port1.postMessage(message, transfer)
    const reply = await received
    port1.close()
    port2.close()
    expect(reply.contours!.levels.map((l) => l.rings.map((r) => Array.from(r)))).toEqual(before)
    const buffers = new Set(reply.contours!.levels.flatMap((l) => l.rings.map((r) => r.buffer)))
    expect(buffers.size).toBe(1)
  })

  it('client.requestGrid(…, {contours}) sends the contour request and resolves with the traced contours', async () => {
    const posted: ToWorker[] = []
    const worker: WorkerLike = {
      postMessage: (m) => void posted.push(m),
      terminate() {},
      onmessage: null,
    }
    const client = createWorkerClient(() => worker)
    const promise = client.requestGrid('saddle-classic', { x: [-2, 2], y: [-2, 2] }, 5, 5, {
      contours: { count: 3 },
    })
    const request = posted[0] as Extract<ToWorker, { type: 'grid' }>
    expect(request).toMatchObject({
      type: 'grid',
      surface: 'saddle-classic',
      nx: 5,
      ny: 5,
      contours: { count: 3 },
    })
    const { engine, sent } = setup()
    engine.handle(request)
    worker.onmessage!({ data: sent[0].message } as MessageEvent)
    const grid = await promise
    expect(grid.contours?.levels.map((l) => l.value)).toEqual([-2, 0, 2])
    expect(grid).not.toHaveProperty('requestId')
    client.requestGrid('saddle', { x: [-2, 2], y: [-2, 2] }, 5, 5)
    expect(posted[1]).not.toHaveProperty('contours')
  })
})
