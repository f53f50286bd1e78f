import { describe, expect, it } from 'vitest'
import {
  autoHeightScript,
  embedSnippet,
  embedUrl,
  escapeAttribute,
} from '../../../src/state/url/embedSnippet'
import { createDefaultSettings } from '../../../src/state/settings'
import { createRegistryCatalog } from '../../../src/state/surfaceCatalog'
import { parseUrl, serializeUrl } from '../../../src/state/urlState'

const catalog = createRegistryCatalog()
const defaults = createDefaultSettings(catalog)

describe('embedUrl', () => {
  it('embedUrl appends the embed keys to the share query, and parseUrl reads back the settings and the view', () => {
    const settings = { ...defaults, surfaceId: 'booth', start: [1, 2] as [number, number], steps: 60 }
    const query = `${serializeUrl(settings)}&lab=reg`
    const url = embedUrl('https://play.example.org/course/', query, {
      panel: 'schedule',
      controls: 'none',
      origin: 'https://notes.example.edu',
    })
    expect(url).toBe(
      `https://play.example.org/course/?${query}&embed=1&panel=schedule&controls=none&origin=https://notes.example.edu`,
    )
    const back = parseUrl(url.slice(url.indexOf('?')).replace('&lab=reg', ''), { catalog }).settings
    expect(back).toEqual({
      ...settings,
      embed: { panel: 'schedule', controls: 'none', origin: 'https://notes.example.edu' },
    })
  })

  it('embedUrl replaces the embed keys an embedded share link already had', () => {
    expect(
      embedUrl('https://a.org/', 's=saddle&embed=1&panel=classifier&controls=full', {
        panel: 'surface',
        controls: 'minimal',
      }),
    ).toBe('https://a.org/?s=saddle&embed=1&panel=surface&controls=minimal')
    expect(embedUrl('https://a.org/', '', { panel: 'surface', controls: 'minimal' })).toBe(
      'https://a.org/?embed=1&panel=surface&controls=minimal',
    )
  })
})

describe('embedSnippet', () => {
  it('embedSnippet is an iframe of at most 800×450 that keeps 16:9 by aspect-ratio on a narrow page (≥ 300 px high)', () => {
    const code = embedSnippet('https://a.org/?s=saddle&embed=1', 'Loss-surface playground')
    expect(code).toBe(
      '<iframe src="https://a.org/?s=saddle&amp;embed=1" width="800" height="450" title="Loss-surface playground" ' +
        'loading="lazy" style="border:0;display:block;width:100%;max-width:800px;height:auto;' +
        'aspect-ratio:800/450;min-height:300px" allow="fullscreen"></iframe>',
    )
  })

  it('autoHeightScript listens only to the app’s origin and only to protocol-v1 resize messages', () => {
    const code = autoHeightScript('https://play.example.org')
    expect(code).toContain('if (e.origin !== "https://play.example.org") return')
    expect(code).toContain('m.version !== 1 || m.type !== "resize"')
    expect(autoHeightScript('https://a.org"</script><script>')).not.toContain('</script><script>')
  })

  it('neither the link nor the title can break out of their attributes', () => {
    const code = embedSnippet(
      'https://a.org/?x="><script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
    )
    expect(code).not.toContain('<script')
    expect(code).not.toContain('<img')
    expect(code.match(/"/g)!.length % 2).toBe(0)
    expect(escapeAttribute(`a&b"c<d>e`)).toBe('a&amp;b&quot;c&lt;d&gt;e')
  })
})
