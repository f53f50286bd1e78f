import { describe, expect, it } from 'vitest'
import { getScene, scenes } from '../../../src/core/scenes/index'
import { surfaces } from '../../../src/core/surfaces/index'
import {
  classifierSketch,
  surfaceThumbOf,
  THUMB_GRID,
  thumbPoint,
} from '../../../src/panels/ScenesHome/thumbnail'

describe('thumbPoint(extent, p, n)', () => {
  const extent = { x: [-2, 2] as [number, number], y: [-1, 3] as [number, number] }

  it('puts grid node i at the centre of pixel i: the corners at 0.5 and n − 0.5, y pointing down', () => {
    expect(THUMB_GRID).toBe(48)
    expect(thumbPoint(extent, [-2, 3])).toEqual([0.5, 0.5])
    expect(thumbPoint(extent, [2, -1])).toEqual([47.5, 47.5])
    // The centre of the extent is the centre of the picture.
    expect(thumbPoint(extent, [0, 1])).toEqual([24, 24])
  })

  it('maps node i of sampleGrid (xᵢ = x₀ + i·(x₁ − x₀)/(n − 1)) to pixel centre i + 0.5', () => {
    const n = 5
    for (let i = 0; i < n; i++) {
      const x = -2 + (i * 4) / (n - 1)
      expect(thumbPoint(extent, [x, 3], n)[0]).toBeCloseTo(i + 0.5, 12)
    }
  })
})

describe('surfaceThumbOf(scene)', () => {
  it('the saddle scene: the saddle over its view [−3.5, 3.5]², started at (1.5, −1.5), with the minima in view', () => {
    const thumb = surfaceThumbOf(getScene('saddle-escape'))!
    expect(thumb.surface).toBe('saddle')
    expect(thumb.extent).toEqual({ x: [-3.5, 3.5], y: [-3.5, 3.5] })
    expect(thumb.start).toEqual([1.5, -1.5])
    expect(thumb.minima).toContainEqual([1, 1])
    expect(thumb.minima).toContainEqual([-1, -1])
    expect(thumb.log).toBe(true) // the saddle asks for log colours (Surface.logContours)
  })

  it('keeps only the minima inside the scene’s view', () => {
    for (const scene of scenes) {
      const thumb = surfaceThumbOf(scene)
      if (thumb === null) continue
      for (const [x, y] of thumb.minima) {
        expect(x).toBeGreaterThanOrEqual(thumb.extent.x[0])
        expect(x).toBeLessThanOrEqual(thumb.extent.x[1])
        expect(y).toBeGreaterThanOrEqual(thumb.extent.y[0])
        expect(y).toBeLessThanOrEqual(thumb.extent.y[1])
      }
      expect(thumb.log).toBe(surfaces[thumb.surface].logContours)
    }
  })

  it('is null for the classifier-only scene, and the surface’s own view when the scene names none', () => {
    expect(surfaceThumbOf(getScene('dot-regularization'))).toBeNull()
    const scene = getScene('momentum-ball')
    expect(scene.view).toBeUndefined()
    expect(surfaceThumbOf(scene)!.extent).toEqual(surfaces[scene.surface!].extent)
  })
})

describe('classifierSketch()', () => {
  it('draws both classes inside the 48 × 48 box, the same every time, with a closed boundary', () => {
    const a = classifierSketch()
    expect(classifierSketch()).toEqual(a)
    expect(new Set(a.points.map((p) => p.label))).toEqual(new Set([0, 1]))
    for (const p of a.points) {
      expect(p.x).toBeGreaterThan(0)
      expect(p.x).toBeLessThan(48)
      expect(p.y).toBeGreaterThan(0)
      expect(p.y).toBeLessThan(48)
    }
    expect(a.boundary).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+Z$/)
  })
})
