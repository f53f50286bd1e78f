import { describe, expect, it } from 'vitest'
import { surfaceIds, surfaceMetas as surfaces } from '../../src/core/surfaces/meta'
import { createDefaultSettings } from '../../src/state/settings'
import { createRegistryCatalog, createSurfaceCatalog } from '../../src/state/surfaceCatalog'

describe('surfaceCatalog', () => {
  it('createRegistryCatalog() offers every registry surface in menu order', () => {
    const catalog = createRegistryCatalog()
    expect(catalog.ids).toEqual(surfaceIds)
    expect(catalog.get('saddle')).toBe(surfaces.saddle)
  })

  it('createSurfaceCatalog finds nothing for prototype keys or unknown ids', () => {
    const catalog = createSurfaceCatalog(surfaces)
    for (const id of ['__proto__', 'constructor', 'hasOwnProperty', 'nope'])
      expect(catalog.get(id)).toBeUndefined()
  })

  it('createSurfaceCatalog accepts an array, keeps the first of repeated ids, and refuses an empty list', () => {
    const catalog = createSurfaceCatalog([
      surfaces.booth,
      surfaces.beale,
      { ...surfaces.booth, start: [9, 9] },
    ])
    expect(catalog.ids).toEqual(['booth', 'beale'])
    expect(catalog.get('booth')!.start).toEqual(surfaces.booth.start)
    expect(() => createSurfaceCatalog([])).toThrow()
  })

  it('createDefaultSettings(catalog) falls back to the first surface when the catalog has no saddle', () => {
    const s = createDefaultSettings(createSurfaceCatalog([surfaces.himmelblau]), 'zh')
    expect(s.surfaceId).toBe('himmelblau')
    expect(s.start).toEqual(surfaces.himmelblau.start)
    expect(s.language).toBe('zh')
  })
})
