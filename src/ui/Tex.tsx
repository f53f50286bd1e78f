import { useEffect, useReducer, useRef } from 'react'
import type KatexModule from 'katex'
import './widgets.css'
import { markPrefixSigns } from './prefixSigns'
import './Tex.css'
import { useTexFit } from './useTexFit'

type Katex = typeof KatexModule

let katex: Katex | null = null
let loading: Promise<Katex> | null = null
let failed = false
/** Typeset markup per formula, or null for TeX that KaTeX cannot parse. */
const rendered = new Map<string, string | null>()
const MAX_CACHED = 1000

/**
 * Loads KaTeX once, on first use (≈ 78 kB gzipped that the first screen does not wait for). Every `<Tex>` shares
 * the promise; after it resolves, formulas render synchronously. No KaTeX stylesheet and no KaTeX fonts: the
 * output is MathML, which the browser typesets with its own math font (see texToHtml).
 */
export function loadKatex(): Promise<Katex> {
  if (loading === null) {
    loading = import('katex').then((m) => {
      katex = m.default
      return katex
    })
    loading.catch(() => {
      failed = true
    })
  }
  return loading
}

/**
 * KaTeX's MathML for `tex`, cached per formula; null when the TeX does not parse, undefined until `loadKatex` has
 * resolved. MathML only (`output: 'mathml'`, typeset by the browser's MathML Core): KaTeX's HTML output positions
 * every glyph with inline `style` attributes, which a strict `style-src 'self'` policy blocks (the formulas then
 * collapse onto one line), while its MathML carries none. A parse error is thrown and caught here rather than
 * shown by KaTeX, whose error markup is also styled inline. Unary signs are marked as such (markPrefixSigns).
 */
export function texToHtml(tex: string, display: boolean): string | null | undefined {
  const key = `${display ? 'D' : 'I'}${tex}`
  let html = rendered.get(key)
  if (html === undefined && katex !== null) {
    try {
      html = markPrefixSigns(
        katex.renderToString(tex, { throwOnError: true, output: 'mathml', displayMode: display }),
      )
    } catch {
      html = null
    }
    // The app's constants number a few hundred; a caller that builds TeX from numbers must not grow this forever.
    if (rendered.size >= MAX_CACHED) rendered.delete(rendered.keys().next().value!)
    rendered.set(key, html)
  }
  return html
}

export interface TexProps {
  /**
   * A TeX constant of the app's own (a registry's formula or symbol). It is handed to KaTeX, whose output is
   * the one thing the app inserts as HTML: never pass text from a link, a file or a user.
   */
  tex: string
  /** Display style on its own line (default: inline). */
  display?: boolean
  className?: string
  /** Accessible text while KaTeX loads (default: the TeX source, hidden from view). */
  fallback?: string
}

/**
 * A formula: KaTeX (lazy-loaded on first use) turns the TeX into MathML and the browser typesets it; until KaTeX
 * has loaded, an empty, busy placeholder.
 */
export function Tex({ tex, display = false, className, fallback }: TexProps) {
  const [, loaded] = useReducer((n: number) => n + 1, 0)
  const html = texToHtml(tex, display)
  const box = useRef<HTMLDivElement>(null)
  useTexFit(box, display && typeof html === 'string')
  useEffect(() => {
    if (html !== undefined) return
    let live = true
    const done = () => {
      if (live) loaded()
    }
    loadKatex().then(done, done)
    return () => {
      live = false
    }
  }, [html])
  const Tag = display ? 'div' : 'span'
  const cls = `ui-tex${display ? ' ui-tex-display' : ''}${className ? ` ${className}` : ''}`
  if (html === null || (html === undefined && failed)) {
    // Offline without the KaTeX chunk, or TeX that does not parse: the source is still the formula, as plain text.
    const error = html === null ? ' ui-tex-error' : ''
    return <code className={`${cls} ui-tex-source${error}`}>{html === null ? tex : (fallback ?? tex)}</code>
  }
  if (html === undefined) {
    return (
      <Tag className={`${cls} ui-tex-pending`} aria-busy="true">
        <span className="ui-visually-hidden">{fallback ?? tex}</span>
      </Tag>
    )
  }
  // The only HTML the app inserts: KaTeX's MathML for our own TeX constants (see TexProps.tex).
  if (display) return <div ref={box} className={cls} dangerouslySetInnerHTML={{ __html: html }} />
  return <span className={cls} dangerouslySetInnerHTML={{ __html: html }} />
}
