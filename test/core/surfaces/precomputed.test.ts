import { describe, expect, it } from 'vitest'
import { analyzePoint } from '../../../src/core/analyzePoint'
import { featureComputedMinima } from '../../../src/core/surfaces/featureScaling'
import { surfaceIds, surfaces } from '../../../src/core/surfaces/index'
import { getSurfaceMeta, listedEscape, surfaceMetaList } from '../../../src/core/surfaces/meta'
import { pokemonComputedMinima } from '../../../src/core/surfaces/pokemon'

describe('the surface meta registry', () => {
  it('lists the impl registry’s surfaces in the same order, and each impl carries its meta unchanged', () => {
    expect(surfaceIds).toEqual(surfaceMetaList.map((m) => m.id))
    expect(Object.keys(surfaces)).toEqual(surfaceIds)
    for (const meta of surfaceMetaList) {
      const impl = surfaces[meta.id]
      for (const [key, value] of Object.entries(meta))
        expect(impl[key as keyof typeof impl], meta.id).toBe(value)
    }
  })

  it('holds the least-squares minima the data give, to the last bit', () => {
    const computed = { ...pokemonComputedMinima, ...featureComputedMinima }
    expect(Object.keys(computed)).toEqual(['pokemon', 'pokemon-sum', 'feature-raw', 'feature-standardized'])
    for (const [id, minimum] of Object.entries(computed))
      expect(getSurfaceMeta(id).minima, id).toEqual([minimum])
  })

  it('lists escapes that are exactly what analyzePoint finds there', () => {
    const listed = surfaceMetaList.flatMap((m) => (m.escapes ?? []).map((e) => ({ id: m.id, ...e })))
    expect(listed.map((e) => e.id)).toContain('saddle')
    for (const { id, from, direction } of listed) {
      expect(analyzePoint(id, from[0], from[1]).escapeDirection, id).toEqual(direction)
      expect(listedEscape(id, from)).toEqual(direction)
    }
  })

  it('listedEscape finds nothing off a listed point or on an unknown surface', () => {
    expect(listedEscape('saddle', [1.5, -1.5])).toBeUndefined()
    expect(listedEscape('banana', [0, 0])).toBeUndefined()
  })
})
