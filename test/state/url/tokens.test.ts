import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  encodeValue,
  formatNumber,
  parseCall,
  parseField,
  parseNumber,
  splitQuery,
  splitTop,
} from '../../../src/state/url/tokens'

describe('url tokens', () => {
  it('formatNumber(x) reads back through parseNumber as exactly x for every finite double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = formatNumber(x)
        expect(text).not.toContain('+')
        expect(parseNumber(text)).toBe(x + 0)
      }),
      { numRuns: 2000 },
    )
  })

  it('formatNumber writes the shortest form: 0.1, 1e-7, 1e21, and 0 for −0', () => {
    expect([0.1, 1e-7, 1e21, -0, -1.5, 5e-324].map(formatNumber)).toEqual([
      '0.1',
      '1e-7',
      '1e21',
      '0',
      '-1.5',
      '5e-324',
    ])
  })

  it('formatNumber of NaN and ±Infinity gives words that parseNumber refuses', () => {
    for (const x of [NaN, Infinity, -Infinity]) expect(parseNumber(formatNumber(x))).toBeUndefined()
  })

  it('parseNumber accepts plain decimals and exponents only', () => {
    expect(['1', '-2.5', '.5', '5.', '1e-7', '1E+3', '007'].map(parseNumber)).toEqual([
      1, -2.5, 0.5, 5, 1e-7, 1000, 7,
    ])
    for (const bad of [
      '',
      ' 1',
      '1 ',
      '0x10',
      '0b1',
      '1_000',
      'Infinity',
      'NaN',
      '1e999',
      '+1',
      '--1',
      '１',
      '1,5',
      '1e',
      '.',
    ])
      expect(parseNumber(bad), bad).toBeUndefined()
    expect(parseNumber('1'.repeat(41))).toBeUndefined()
  })

  it('splitTop splits outside parentheses only and refuses unbalanced ones', () => {
    expect(splitTop('a(b,c),d', ',')).toEqual(['a(b,c)', 'd'])
    expect(splitTop('a~b(c~d)~', '~')).toEqual(['a', 'b(c~d)', ''])
    expect(splitTop('a(b', ',')).toBeUndefined()
    expect(splitTop('a)b(', ',')).toBeUndefined()
  })

  it('parseCall reads name or name(args) with lower-case names only', () => {
    expect(parseCall('sgd')).toEqual({ name: 'sgd', args: [] })
    expect(parseCall('sgd()')).toEqual({ name: 'sgd', args: [] })
    expect(parseCall('cosine-restarts(t0:5,s:step(a:1,b:2))')).toEqual({
      name: 'cosine-restarts',
      args: ['t0:5', 's:step(a:1,b:2)'],
    })
    for (const bad of ['', 'SGD', '1sgd', 'sgd(', 'sgd)x', 'sg d', '<b>', 'a'.repeat(33), '__proto__'])
      expect(parseCall(bad), bad).toBeUndefined()
  })

  it('parseField splits key:value at the first colon and takes bare flags', () => {
    expect(parseField('lr:0.1')).toEqual({ key: 'lr', value: '0.1' })
    expect(parseField('s:cosine(a:1)')).toEqual({ key: 's', value: 'cosine(a:1)' })
    expect(parseField('hidden')).toEqual({ key: 'hidden' })
    for (const bad of ['', ':1', '1a:2', 'a-b:1', 'a b']) expect(parseField(bad), bad).toBeUndefined()
  })

  it('encodeValue keeps the separators readable and escapes everything else', () => {
    expect(encodeValue('adam(lecture,lr:0.1)~sgd/x')).toBe('adam(lecture,lr:0.1)~sgd/x')
    expect(encodeValue('a&b=c d#<')).toBe('a%26b%3Dc%20d%23%3C')
    expect(encodeValue('学习率')).toBe('%E5%AD%A6%E4%B9%A0%E7%8E%87')
  })

  it('splitQuery decodes pairs in order, keeps + literal and marks undecodable parts', () => {
    expect(splitQuery('?a=1&b=x%20y&c&d=1e+5&&')).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: 'x y' },
      { key: 'c', value: '' },
      { key: 'd', value: '1e+5' },
    ])
    expect(splitQuery('a=%E0%A4%A&%ZZ=1')).toEqual([
      { key: 'a', value: undefined },
      { key: undefined, value: '1' },
    ])
  })
})
