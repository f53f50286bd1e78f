import { describe, expect, it } from 'vitest'
import { createDefaultSettings } from '../../src/state/settings'
import { selectSliceDrawing, selectSliceLine, validSliceLine } from '../../src/state/sliceTool'
import { createAppStore } from '../../src/state/store'
import { createRegistryCatalog } from '../../src/state/surfaceCatalog'
import { parseUrl, serializeUrl } from '../../src/state/urlState'
import { createFakeDriver } from './fakeDriver'

const catalog = createRegistryCatalog()
const parse = (q: string) => parseUrl(q, { catalog })

describe('the slice tool in the settings and the link (`slice=x0,y0,x1,y1`)', () => {
  it('a link keeps the line bit for bit; no key means the tool is closed', () => {
    const s = { ...createDefaultSettings(catalog), slice: { from: [-2, 0.1 + 0.2], to: [1 / 3, 2] } }
    const q = serializeUrl(s as ReturnType<typeof createDefaultSettings>)
    expect(q).toContain('&slice=-2,0.30000000000000004,0.3333333333333333,2')
    expect(parse(q)).toEqual({ settings: s, notices: [] })
    expect('slice' in parse('s=booth').settings).toBe(false)
  })

  it('hostile or malformed lines are ignored with a notice and the tool stays closed', () => {
    const bad = [
      'slice=1,2,3',
      'slice=1,2,3,4,5',
      'slice=a,b,c,d',
      'slice=NaN,0,1,1',
      'slice=Infinity,0,1,1',
      'slice=1e7,0,1,1',
      'slice=1,1,1,1', // zero length: no direction
      'slice=<script>,0,1,1',
      'slice=javascript:alert(1)',
      'slice=__proto__',
      `slice=${'1,'.repeat(150)}1`,
    ]
    for (const q of bad) {
      const { settings, notices } = parse(q)
      expect('slice' in settings, q).toBe(false)
      expect(notices, q).toHaveLength(1)
      expect(notices[0].key).toBe('slice')
      expect(['notice.invalidValue', 'notice.valueTooLong']).toContain(notices[0].message)
    }
  })

  it('validSliceLine copies a valid line and rejects anything else', () => {
    const from: [number, number] = [0, 0]
    const line = validSliceLine({ from, to: [1, -1] })!
    from[0] = 5
    expect(line).toEqual({ from: [0, 0], to: [1, -1] })
    for (const v of [
      null,
      undefined,
      {},
      { from: [0, 0] },
      { from: [0, 0], to: [0, 0] },
      { from: [0], to: [1, 1] },
    ])
      expect(validSliceLine(v)).toBeUndefined()
  })

  it('setSlice opens, moves and closes the tool; the draw mode counts only while it is open', () => {
    const store = createAppStore({ driver: createFakeDriver().driver })
    const s = () => store.getState()
    expect(selectSliceLine(s())).toBeNull()
    s().setSliceDrawing(true)
    expect(selectSliceDrawing(s())).toBe(false)
    s().setSlice({ from: [-1, 0], to: [1, 0] })
    expect(selectSliceLine(s())).toEqual({ from: [-1, 0], to: [1, 0] })
    expect(selectSliceDrawing(s())).toBe(true)
    const settings = s().settings
    s().setSlice({ from: [-1, 0], to: [1, 0] })
    expect(s().settings).toBe(settings) // the same line again changes nothing
    s().setSlice({ from: [NaN, 0], to: [1, 0] })
    s().setSlice({ from: [1, 0], to: [1, 0] })
    expect(selectSliceLine(s())).toEqual({ from: [-1, 0], to: [1, 0] })
    s().setSlice(null)
    expect(selectSliceLine(s())).toBeNull()
    expect('slice' in s().settings).toBe(false)
  })
})
