import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseOrigin, stripEmbedQuery } from '../../../src/state/url/embedView'

describe('parseOrigin', () => {
  it('parseOrigin accepts exactly serialized http(s) origins, with a non-default port', () => {
    for (const o of [
      'https://notes.example.edu',
      'http://127.0.0.1:8080',
      'http://localhost:5173',
      'https://xn--fiqs8s.example',
      'http://[::1]:3000',
    ])
      expect(parseOrigin(o)).toBe(o)
  })

  it('parseOrigin refuses wildcards, opaque and non-web origins, paths, user info and non-canonical spellings', () => {
    for (const o of [
      '*',
      'null',
      '',
      'file://',
      'javascript:alert(1)',
      'data:text/html,x',
      'https://notes.example.edu/',
      'https://notes.example.edu/course',
      'https://notes.example.edu?x=1',
      'https://user@notes.example.edu',
      'HTTPS://notes.example.edu',
      'https://Notes.example.edu',
      'https://notes.example.edu:443',
      'http://notes.example.edu:80',
      'https://*.example.edu',
      'https://notes.example.edu https://evil.example',
      ' https://notes.example.edu',
      'ftp://notes.example.edu',
      `https://${'a'.repeat(200)}.org`,
    ])
      expect(parseOrigin(o), o).toBeUndefined()
    for (const v of [undefined, null, 42, {}, ['https://a.org']]) expect(parseOrigin(v)).toBeUndefined()
  })

  it('parseOrigin(s) is either undefined or s itself, equal to new URL(s).origin, for any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.webUrl().map((u) => new URL(u).origin),
        ),
        (s) => {
          const o = parseOrigin(s)
          if (o !== undefined) {
            expect(o).toBe(s)
            expect(new URL(s).origin).toBe(s)
          }
        },
      ),
    )
  })
})

describe('stripEmbedQuery', () => {
  it('stripEmbedQuery drops embed, panel, controls and origin and keeps every other pair as written', () => {
    expect(
      stripEmbedQuery(
        '?s=saddle&embed=1&r=sgd(lecture,lr:0.01)&panel=surface&controls=none&origin=https://a.org&lab=reg',
      ),
    ).toBe('s=saddle&r=sgd(lecture,lr:0.01)&lab=reg')
    expect(stripEmbedQuery('embed=1')).toBe('')
    expect(stripEmbedQuery('%65mbed=1&s=booth')).toBe('s=booth')
    expect(stripEmbedQuery('%E0%A4%A=1&s=booth')).toBe('%E0%A4%A=1&s=booth')
  })
})
