import katex from 'katex'
import { describe, expect, it } from 'vitest'
import { optimizers } from '../../src/core/optimizers'
import { sceneList } from '../../src/core/scenes'
import { schedules } from '../../src/core/schedules'
import { surfaces } from '../../src/core/surfaces'
import { markPrefixSigns } from '../../src/ui/prefixSigns'

const mathml = (tex: string) => markPrefixSigns(katex.renderToString(tex, { output: 'mathml' }))
/** The signs of KaTeX's MathML, in order, as `prefix` (marked unary) or `-` (left to the browser). */
const signs = (tex: string) =>
  [...mathml(tex).matchAll(/<mo( form="prefix")?>([−+±])<\/mo>/g)].map((m) => (m[1] ? 'prefix' : '-'))

describe('markPrefixSigns', () => {
  it('marks a sign after an opening fence, a separator or a relation, and only those', () => {
    expect(signs('(-1.5, -2)')).toEqual(['prefix', 'prefix'])
    expect(signs('L = -\\tanh(x) - 0.05')).toEqual(['prefix', '-'])
    expect(signs('\\lambda = \\pm 2')).toEqual(['prefix'])
    expect(signs('x < -1')).toEqual(['prefix'])
    expect(signs('\\theta \\leftarrow -\\theta')).toEqual(['prefix'])
    expect(signs('(a) - b + c')).toEqual(['-', '-'])
    expect(signs('a - b')).toEqual(['-'])
  })

  it('changes nothing but the form attribute', () => {
    const tex = 'L(w)=1-e^{-(w-(-1.5))^2}'
    const plain = katex.renderToString(tex, { output: 'mathml' })
    expect(mathml(tex).replaceAll(' form="prefix"', '')).toBe(plain)
  })

  it('never marks a sign that KaTeX itself typesets as binary, over every formula the app shows', () => {
    // KaTeX's HTML output is the independent judge: a unary sign is an `mord`, a binary one an `mbin`.
    const all: string[] = []
    for (const entry of Object.values(optimizers))
      for (const rule of Object.values(entry.conventions)) all.push(rule!.rule)
    for (const entry of Object.values(schedules)) all.push(entry.formula)
    for (const s of Object.values(surfaces)) all.push(s.formula)
    for (const scene of sceneList) for (const card of scene.cards) if (card.tex) all.push(card.tex)
    let marked = 0
    for (const tex of all) {
      const html = katex.renderToString(tex, { output: 'html' })
      const unary = [...html.matchAll(/class="mord(?: mtight)?">[−+±]</g)].length
      const prefix = signs(tex).filter((s) => s === 'prefix').length
      expect(prefix, tex).toBeLessThanOrEqual(unary)
      marked += prefix
    }
    expect(marked).toBeGreaterThan(0)
  })
})
