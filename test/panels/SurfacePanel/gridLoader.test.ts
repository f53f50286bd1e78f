import { describe, expect, it } from 'vitest'
import type { Extent } from '../../../src/core/types'
import { createGridLoader } from '../../../src/panels/SurfacePanel/gridLoader'
import type { GridStatus } from '../../../src/panels/SurfacePanel/gridLoader'
import { CONTOUR_LEVELS } from '../../../src/panels/SurfacePanel/surfaceLayout'
import type { SurfaceImage } from '../../../src/panels/SurfacePanel/surfaceView'
import type { GridOptions, Services, SurfaceGrid } from '../../../src/state/services'

/** Services whose grid requests wait until the test settles them. */
function fakeServices() {
  const calls: {
    args: [string, Extent, number, number]
    signal?: AbortSignal
    options?: GridOptions
    resolve(g: SurfaceGrid): void
    reject(e: unknown): void
  }[] = []
  const services: Services = {
    requestGrid: (surface, extent, nx, ny, signal, options) =>
      new Promise((resolve, reject) =>
        calls.push({ args: [surface, extent, nx, ny], signal, options, resolve, reject }),
      ),
    analyze: () => Promise.reject(new Error('not used')),
  }
  return { services, calls }
}

const grid = (fill: number): SurfaceGrid => ({
  values: new Float64Array(4).fill(fill),
  nx: 2,
  ny: 2,
  extent: { x: [0, 1], y: [0, 1] },
  min: fill,
  max: fill,
})
const flush = () => new Promise((r) => setTimeout(r, 0))
const view: Extent = { x: [-2, 2], y: [-2, 2] }

describe('createGridLoader', () => {
  it('asks for the grid with its contour levels and hands the result on, tagged with the surface', async () => {
    const { services, calls } = fakeServices()
    const images: SurfaceImage[] = []
    const statuses: GridStatus[] = []
    const loader = createGridLoader(
      services,
      (i) => images.push(i),
      (s) => statuses.push(s),
    )
    loader.request('saddle', view, 128, 96)
    expect(calls[0].args).toEqual(['saddle', view, 128, 96])
    expect(calls[0].options).toEqual({ contours: { count: CONTOUR_LEVELS } })
    const g = grid(1)
    calls[0].resolve(g)
    await flush()
    expect(images).toEqual([{ surfaceId: 'saddle', grid: g }])
    expect(statuses).toEqual(['loading', 'ready'])
  })

  it('a repeated request sends nothing; a different one aborts the superseded request, whose answer is dropped', async () => {
    const { services, calls } = fakeServices()
    const images: SurfaceImage[] = []
    const loader = createGridLoader(
      services,
      (i) => images.push(i),
      () => {},
    )
    loader.request('saddle', view, 128, 128)
    loader.request('saddle', { x: [-2, 2], y: [-2, 2] }, 128, 128)
    expect(calls).toHaveLength(1)
    loader.request('saddle', view, 160, 128)
    expect(calls).toHaveLength(2)
    expect(calls[0].signal?.aborted).toBe(true)
    calls[0].resolve(grid(1))
    calls[1].resolve(grid(2))
    await flush()
    expect(images.map((i) => i.grid.min)).toEqual([2])
  })

  it('a failed request reports an error and may be asked again; an aborted one stays silent', async () => {
    const { services, calls } = fakeServices()
    const statuses: GridStatus[] = []
    const loader = createGridLoader(
      services,
      () => {},
      (s) => statuses.push(s),
    )
    loader.request('saddle', view, 64, 64)
    calls[0].reject(new Error('worker crashed'))
    await flush()
    expect(statuses).toEqual(['loading', 'error'])
    loader.request('saddle', view, 64, 64)
    expect(calls).toHaveLength(2)
    loader.destroy()
    expect(calls[1].signal?.aborted).toBe(true)
    calls[1].reject(new DOMException('aborted', 'AbortError'))
    await flush()
    expect(statuses).toEqual(['loading', 'error', 'loading'])
  })
})
