import { describe, expect, it } from 'vitest'
import { createNetSurface, defaultNetSurfaceSpec } from '../../src/core/index'
import type { NetSurfaceSpec } from '../../src/core/index'
import { createEngine } from '../../src/worker/engine'
import type { FromWorker } from '../../src/worker/protocol'
import { createFakeClock } from './fakeClock'
import { buildRaceEntries } from '../../src/state/raceSpecs'
import { createDefaultSettings } from '../../src/state/settings'
import { createRegistryCatalog } from '../../src/state/surfaceCatalog'
import { parseUrl, serializeUrl } from '../../src/state/urlState'
import { createPresetNet } from '../../src/state/lab/labSettings'
import { toNetSurfaceSpec } from '../../src/state/netSurfaceSettings'
import type { NetSurfaceSettings } from '../../src/state/netSurfaceSettings'

function setup() {
  const sent: FromWorker[] = []
  const engine = createEngine((message) => sent.push(message), createFakeClock())
  return { engine, sent }
}

const small = (): NetSurfaceSpec => {
  const s = defaultNetSurfaceSpec()
  s.config.epochs = 50
  s.seed = 4
  return s
}

describe('the network surface through the worker', () => {
  it('grid and analyze build the named network’s slice from plain data', () => {
    const { engine, sent } = setup()
    const extent = { x: [-1, 1] as [number, number], y: [-0.5, 0.5] as [number, number] }
    engine.handle({ type: 'grid', requestId: 1, surface: 'net-slice', extent, nx: 3, ny: 2, net: small() })
    engine.handle({ type: 'analyze', requestId: 2, surface: 'net-slice', x: 0.25, y: -0.5, net: small() })
    const [grid, analysis] = sent
    const ref = createNetSurface(small())
    if (grid.type !== 'grid' || analysis.type !== 'analysis') throw new Error(JSON.stringify(sent))
    expect(grid.values[0]).toBe(ref.f(-1, -0.5))
    expect(grid.values[5]).toBe(ref.f(1, 0.5))
    expect(analysis.result.value).toBe(ref.f(0.25, -0.5))
    expect(analysis.result.gradient[0]).toBe(ref.grad(0.25, -0.5)[0])
  })

  it('answers a bad network with an error at its field', () => {
    const { engine, sent } = setup()
    const net = { ...small(), center: 'middle' }
    engine.handle({ type: 'analyze', requestId: 3, surface: 'net-slice', x: 0, y: 0, net })
    expect(sent[0]).toMatchObject({ type: 'error', field: 'net.center', requestId: 3 })
    engine.handle({ type: 'analyze', requestId: 4, surface: 'booth', x: 0, y: 0, net: small() })
    expect(sent[1]).toMatchObject({ type: 'error', field: 'net', requestId: 4 })
  })
})

describe('the network surface in the playground’s settings and link', () => {
  const catalog = createRegistryCatalog()
  const net: NetSurfaceSettings = {
    net: { ...createPresetNet(), hidden: [8], regularization: { kind: 'none' }, epochs: 120 },
    seed: 5,
    data: { kind: 'generated', shape: 'spiral', n: 200, noise: 0.1, seed: 3 },
    center: 'init',
    directions: 9,
  }
  const settings = {
    ...createDefaultSettings(catalog),
    surfaceId: 'net-slice',
    start: [-0.5, 0.5] as [number, number],
    net,
  }

  it('the link carries the seeds and configuration that rebuild it, not the weights', () => {
    const query = serializeUrl(settings)
    expect(query).toContain('ns=c:init,d:9,seed:5,data:spiral/200/0.1/3')
    expect(query).toContain('nsnet=')
    const { settings: back, notices } = parseUrl(query, { catalog })
    expect(notices).toEqual([])
    expect(back.net).toEqual(net)
  })

  it('every racer’s spec names the network, so the race restarts when it changes', () => {
    const entries = buildRaceEntries(settings)
    for (const e of entries) expect(e.spec.net).toEqual(toNetSurfaceSpec(net))
    expect(buildRaceEntries({ ...settings, surfaceId: 'booth' })[0].spec.net).toBeUndefined()
  })
})
