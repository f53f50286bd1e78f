import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EmbedView } from '../../../src/state/url/embedView'
import { createDefaultSettings } from '../../../src/state/settings'
import { createRegistryCatalog } from '../../../src/state/surfaceCatalog'
import { parseUrl, serializeUrl } from '../../../src/state/urlState'
import { parseSceneUrl } from '../../../src/state/scene/sceneUrl'
import { expectValidSettings, settingsArb } from '../settingsArbitrary'

const catalog = createRegistryCatalog()
const defaults = createDefaultSettings(catalog)
const parse = (q: string) => parseUrl(q, { catalog })

const embedArb: fc.Arbitrary<EmbedView> = fc
  .record({
    panel: fc.constantFrom('surface' as const, 'classifier' as const, 'schedule' as const),
    controls: fc.constantFrom('full' as const, 'minimal' as const, 'none' as const),
    origin: fc.option(
      fc.constantFrom('https://notes.example.edu', 'http://127.0.0.1:8080', 'http://localhost:3000'),
      { nil: undefined },
    ),
  })
  .map(({ origin, ...rest }) => (origin === undefined ? rest : { ...rest, origin }))

describe('the embed keys of the URL schema', () => {
  it('embed=1 alone gives the surface with the minimal controls and no origin', () => {
    const { settings, notices } = parse('embed=1')
    expect(notices).toEqual([])
    expect(settings).toEqual({ ...defaults, embed: { panel: 'surface', controls: 'minimal' } })
  })

  it('a link without embed has no embed field at all, and serializeUrl writes none of the four keys', () => {
    const { settings } = parse('s=booth')
    expect('embed' in settings).toBe(false)
    expect(serializeUrl(settings)).not.toMatch(/(^|&)(embed|panel|controls|origin)=/)
  })

  it('serializeUrl writes embed, panel, controls and origin last, in that order, readable', () => {
    const s = { ...defaults, embed: { panel: 'schedule', controls: 'none', origin: 'http://127.0.0.1:8080' } }
    expect(serializeUrl(s as typeof defaults)).toMatch(
      /&lang=en&embed=1&panel=schedule&controls=none&origin=http:\/\/127\.0\.0\.1:8080$/,
    )
  })

  it('parseUrl(serializeUrl(s)) gives back any settings with any embedded view exactly, with no notice', () => {
    fc.assert(
      fc.property(settingsArb, embedArb, settingsArb, (s, embed, other) => {
        const withEmbed = { ...s, embed }
        const { settings, notices } = parseUrl(serializeUrl(withEmbed), { catalog, defaults: other })
        expect(notices).toEqual([])
        expect(settings).toStrictEqual(withEmbed)
      }),
      { numRuns: 200 },
    )
  })

  it('an embed in the defaults does not leak into a link without embed=1', () => {
    const base = { ...defaults, embed: { panel: 'classifier' as const, controls: 'full' as const } }
    expect('embed' in parseUrl('s=booth', { catalog, defaults: base }).settings).toBe(false)
  })

  it('panel, controls and origin without embed=1 are ignored with a notice naming the key', () => {
    const { settings, notices } = parse('panel=classifier&controls=none&origin=https://a.org')
    expect(settings).toEqual(defaults)
    expect(notices).toEqual([
      { key: 'panel', message: 'embed.notice.needsEmbed' },
      { key: 'controls', message: 'embed.notice.needsEmbed' },
      { key: 'origin', message: 'embed.notice.needsEmbed' },
    ])
  })

  it('an invalid panel, controls or origin falls back to its default with its own notice', () => {
    const { settings, notices } = parse(
      `embed=1&panel=hessian&controls=some&origin=${encodeURIComponent('https://a.org/notes')}`,
    )
    expect(settings.embed).toEqual({ panel: 'surface', controls: 'minimal' })
    expect(notices).toEqual([
      { key: 'panel', message: 'embed.notice.invalidPanel' },
      { key: 'controls', message: 'embed.notice.invalidControls' },
      { key: 'origin', message: 'embed.notice.invalidOrigin' },
    ])
  })

  it('origin takes one exact origin only: a wildcard, a list or markup is refused', () => {
    for (const junk of ['*', 'https://a.org,https://b.org', '"><script>', 'null', 'https://a.org:443']) {
      const { settings, notices } = parse(`embed=1&origin=${encodeURIComponent(junk)}`)
      expect(settings.embed, junk).toEqual({ panel: 'surface', controls: 'minimal' })
      expect(notices, junk).toEqual([{ key: 'origin', message: 'embed.notice.invalidOrigin' }])
    }
  })

  it('embed=1 with a classifier scene shows the lab unless the link names a panel', () => {
    expect(parse('embed=1&scene=dot-regularization').settings.embed?.panel).toBe('classifier')
    expect(parse('embed=1&scene=dot-regularization&panel=surface').settings.embed?.panel).toBe('surface')
    expect(parse('embed=1&scene=saddle-escape').settings.embed?.panel).toBe('surface')
  })

  it("a scene link keeps its embedded view when the scene's set-up is applied (parseSceneUrl)", () => {
    const { settings } = parseSceneUrl(
      'embed=1&scene=momentum-ball&controls=minimal&origin=http://localhost:9',
      {
        catalog,
        defaults,
      },
    )
    expect(settings.scene).toBe('momentum-ball')
    expect(settings.embed).toEqual({ panel: 'surface', controls: 'minimal', origin: 'http://localhost:9' })
  })

  it('arbitrary values of the four keys never throw and always leave valid settings', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('embed', 'panel', 'controls', 'origin'),
            fc.oneof(
              fc.string({ unit: 'binary', maxLength: 40 }),
              fc.constantFrom('1', 'true', '0', 'surface', 'none', 'https://a.org'),
            ),
          ),
          { maxLength: 8 },
        ),
        (pairs) => {
          const q = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')
          expectValidSettings(parse(q).settings)
        },
      ),
    )
  })
})
