// @vitest-environment jsdom
// The jest-dom matchers' types (test/setup.dom.ts registers them at run time).
import '@testing-library/jest-dom/vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { loadKatex, Tex, texToHtml } from '../../src/ui/Tex'

afterEach(cleanup)

describe('<Tex>', () => {
  it("<Tex tex> shows a busy placeholder, then KaTeX's MathML once the lazy import resolves", async () => {
    const { container } = render(<Tex tex="\theta \leftarrow \theta - \eta_t\, g" />)
    const placeholder = container.firstElementChild!
    expect(placeholder).toHaveAttribute('aria-busy', 'true')
    expect(placeholder.querySelector('.katex')).toBeNull()
    // Awaiting the import itself (not a polling timeout) makes this independent of how busy the machine is.
    await act(() => loadKatex())
    const math = screen.getByText((_, el) => el?.classList.contains('katex') ?? false)
    // MathML only (the browser typesets it, screen readers read it): no KaTeX HTML, whose glyph positions are
    // inline style attributes that a strict `style-src 'self'` policy blocks.
    expect(math.querySelector('math mi')?.textContent).toBe('θ')
    expect(math.querySelector('math annotation')?.textContent).toBe(
      '\\theta \\leftarrow \\theta - \\eta_t\\, g',
    )
    expect(math.querySelector('.katex-html')).toBeNull()
    expect(container.querySelector('[style]')).toBeNull()
    expect(container.querySelector('[aria-busy]')).toBeNull()
  })

  it('<Tex display> typesets in display mode inside a block that scrolls sideways on a phone', async () => {
    await loadKatex()
    const { container } = render(<Tex tex="\eta_t = \frac{\eta}{\sqrt{t + 1}}" display />)
    const block = container.firstElementChild!
    expect(block.tagName).toBe('DIV')
    expect(block).toHaveClass('ui-tex-display')
    expect(block.querySelector('math')?.getAttribute('display')).toBe('block')
    expect(block.querySelector('math mfrac msqrt')).not.toBeNull()
    expect(container.querySelector('[style]')).toBeNull()
  })

  it('a bad formula is null from texToHtml and shows as its TeX source, styled by class (no inline style)', async () => {
    await loadKatex()
    expect(texToHtml('\\frac{1}{', false)).toBeNull()
    const { container } = render(<Tex tex={'\\frac{1}{'} fallback="one over" />)
    const source = container.firstElementChild!
    expect(source.tagName).toBe('CODE')
    expect(source).toHaveClass('ui-tex-source', 'ui-tex-error')
    expect(source.textContent).toBe('\\frac{1}{')
    expect(container.querySelector('[style]')).toBeNull()
  })

  it('<Tex> inserts only KaTeX output: markup in the TeX is typeset as text, never parsed as HTML', async () => {
    await loadKatex()
    const { container } = render(<Tex tex={'\\text{<img src=x onerror=alert(1)>}'} />)
    expect(container.querySelector('img')).toBeNull()
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>')
  })
})
