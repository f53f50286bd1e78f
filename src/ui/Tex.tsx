import { useEffect, useReducer } from 'react'
import type KatexModule from 'katex'
import './widgets.css'

type Katex = typeof KatexModule

let katex: Katex | null = null
let loading: Promise<Katex> | null = null
let failed = false
const rendered = new Map<string, string>()
const MAX_CACHED = 1000

/**
 * Loads KaTeX and its stylesheet once, on first use (≈ 84 kB that the first screen does not wait for). Every
 * `<Tex>` shares the promise; after it resolves, formulas render synchronously.
 */
export function loadKatex(): Promise<Katex> {
  if (loading === null) {
    loading = Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([m]) => {
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
 * KaTeX markup of `tex`, cached per formula: `renderToString` with `throwOnError: false` (a bad formula shows
 * as red source text, never an exception) and `output: 'htmlAndMathml'` (screen readers read the MathML).
 * Undefined until `loadKatex` has resolved.
 */
export function texToHtml(tex: string, display: boolean): string | undefined {
  const key = `${display ? 'D' : 'I'}${tex}`
  let html = rendered.get(key)
  if (html === undefined && katex !== null) {
    html = katex.renderToString(tex, { throwOnError: false, output: 'htmlAndMathml', displayMode: display })
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

/** A formula typeset by KaTeX, which is lazy-loaded on first use; until then an empty, busy placeholder. */
export function Tex({ tex, display = false, className, fallback }: TexProps) {
  const [, loaded] = useReducer((n: number) => n + 1, 0)
  const html = texToHtml(tex, display)
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
  if (html === undefined && failed) {
    // Offline without the KaTeX chunk: the source is still the formula, readable as plain text.
    return <code className={`${cls} ui-tex-source`}>{fallback ?? tex}</code>
  }
  if (html === undefined) {
    return (
      <Tag className={`${cls} ui-tex-pending`} aria-busy="true">
        <span className="ui-visually-hidden">{fallback ?? tex}</span>
      </Tag>
    )
  }
  // The only HTML the app inserts: KaTeX's rendering of our own TeX constants (see TexProps.tex).
  return <Tag className={cls} dangerouslySetInnerHTML={{ __html: html }} />
}
