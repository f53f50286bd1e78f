import katex from 'katex'
import { describe, expect, it } from 'vitest'
import { optimizers, weightDecayRule } from '../../src/core/optimizers'
import { sceneList } from '../../src/core/scenes'
import { schedules } from '../../src/core/schedules'
import { surfaces } from '../../src/core/surfaces'

/** Every TeX constant that `<Tex>` is handed by the controls and the formula cards, with where it comes from. */
function texConstants(): [string, string][] {
  const out: [string, string][] = [['weightDecayRule', weightDecayRule]]
  for (const [kind, entry] of Object.entries(optimizers))
    for (const [convention, rule] of Object.entries(entry.conventions)) {
      out.push([`${kind}/${convention} rule`, rule!.rule])
      for (const s of rule!.stateKeys) out.push([`${kind}/${convention} state ${s.key}`, s.tex])
      for (const p of rule!.hyperParams) out.push([`${kind}/${convention} ${p.key}`, p.tex])
    }
  for (const [kind, entry] of Object.entries(schedules)) out.push([`schedule ${kind}`, entry.formula])
  for (const [id, s] of Object.entries(surfaces)) out.push([`surface ${id}`, s.formula])
  return out
}

describe('the TeX constants shown by <Tex>', () => {
  it('every optimizer rule, schedule formula and surface formula of the registries typesets in KaTeX strict mode', () => {
    const all = texConstants()
    expect(all.length).toBeGreaterThan(100)
    for (const [where, tex] of all) {
      expect(
        () => katex.renderToString(tex, { throwOnError: true, strict: 'error', displayMode: true }),
        where,
      ).not.toThrow()
    }
  })

  it('the lecture rules use the lecture notation: θ, η_t, g and the state symbols of their cards', () => {
    for (const [kind, entry] of Object.entries(optimizers)) {
      const rule = entry.conventions.lecture ?? entry.conventions.pytorch!
      expect(rule.rule, kind).toContain('\\theta')
      expect(rule.rule, kind).toContain('\\eta_t')
      // A state array the card shows must appear in the rule it explains (rate η_t/σ is derived from σ).
      for (const s of rule.stateKeys)
        if (s.key !== 'rate') expect(rule.rule, `${kind} ${s.key}`).toContain(s.tex)
    }
  })

  it('every constant, and every lecture-scene formula, typesets as MathML without one inline style attribute', () => {
    // <Tex> renders KaTeX's MathML alone, so the formulas survive `style-src 'self'` (issue #11). KaTeX's HTML
    // output of the same TeX is the control: it positions glyphs with style attributes, which that policy blocks.
    const all = texConstants()
    for (const scene of sceneList)
      for (const card of scene.cards) if (card.tex) all.push([scene.id, card.tex])
    let inlineStyledHtml = 0
    for (const [where, tex] of all) {
      const mathml = katex.renderToString(tex, { throwOnError: true, output: 'mathml', displayMode: true })
      expect(mathml, where).toMatch(/^<span class="katex"><math [^>]*display="block"/)
      expect(mathml, where).not.toMatch(/\sstyle\s*=/i)
      expect(mathml, where).not.toContain('<style')
      const html = katex.renderToString(tex, { throwOnError: true, output: 'html', displayMode: true })
      if (/\sstyle="/.test(html)) inlineStyledHtml++
    }
    expect(inlineStyledHtml).toBeGreaterThan(all.length / 2)
  })
})
