// Characters that have a Unicode subscript / superscript form, position for position.
const SUB = table('0123456789+-=()aehijklmnoprstuvx', '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ')
const SUP = table('0123456789+-−=()intT', '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁱⁿᵗᵀ')

function table(from: string, to: string): ReadonlyMap<string, string> {
  const a = Array.from(from)
  const b = Array.from(to)
  return new Map(a.map((ch, k) => [ch, b[k]]))
}

const COMMANDS: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  eta: 'η',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  nabla: '∇',
  partial: '∂',
  cdot: '·',
  times: '×',
  infty: '∞',
  '|': '‖',
  Delta: 'Δ',
  Sigma: 'Σ',
  mathrm: '',
  text: '',
  mathit: '',
}

/** Digits and signs as Unicode superscripts, e.g. `superscript(-7)` = '⁻⁷' (for 10⁻⁷ tick labels). */
export function superscript(value: number | string): string {
  return Array.from(String(value), (ch) => SUP.get(ch) ?? ch).join('')
}

/**
 * Renders a TeX-ish axis label as plain Unicode text for `fillText`: `w_1` → w₁, `w_{12}` → w₁₂, `\theta_2` →
 * θ₂, `10^{-7}` → 10⁻⁷, `\|g\|` → ‖g‖, `\eta^t` → ηᵗ, `\hat{y}` → ŷ. Braces group; a character without a Unicode sub- or
 * superscript form keeps its `_`/`^` so no meaning is lost (`w_b` stays `w_b`). Plain text passes through.
 */
export function texToUnicode(tex: string): string {
  let out = ''
  let i = 0
  const readGroup = (): string => {
    if (tex[i] === '{') {
      const end = tex.indexOf('}', i)
      const stop = end < 0 ? tex.length : end
      const g = tex.slice(i + 1, stop)
      i = stop + 1
      return texToUnicode(g)
    }
    if (tex[i] === '\\') return readCommand()
    return tex[i++] ?? ''
  }
  // At a backslash: `\name`, or `\` + one symbol such as `\|`. `\hat{y}` puts a combining circumflex on its
  // argument (ŷ, the lecture's label).
  const readCommand = (): string => {
    const m = /^\\([A-Za-z]+|.)/.exec(tex.slice(i))
    if (m === null) {
      i++
      return '\\'
    }
    i += m[0].length
    if (m[1] === 'hat') return readGroup() + '\u0302'
    return COMMANDS[m[1]] ?? m[1]
  }
  while (i < tex.length) {
    const ch = tex[i]
    if (ch === '_' || ch === '^') {
      i++
      const group = readGroup()
      const forms = ch === '_' ? SUB : SUP
      const chars = Array.from(group)
      out += chars.every((c) => forms.has(c)) ? chars.map((c) => forms.get(c)).join('') : ch + group
    } else if (ch === '\\') out += readCommand()
    else if (ch === '{' || ch === '}') i++
    else {
      out += ch
      i++
    }
  }
  return out
}

/**
 * A number as short plain text with '−' (U+2212) for minus: up to `digits` significant digits, trailing zeros
 * dropped; magnitudes ≥ 10⁴ or < 10⁻³ in scientific form with a Unicode exponent (1.75×10⁵, 6×10⁻⁷).
 */
export function formatValue(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞'
  if (v === 0) return '0'
  const a = Math.abs(v)
  const sign = v < 0 ? '−' : ''
  if (a >= 1e4 || a < 1e-3) {
    let e = Math.floor(Math.log10(a))
    let m = Number((a / 10 ** e).toPrecision(digits))
    // Rounding can carry the mantissa to 10 (9.996×10⁴ → 10×10⁴).
    if (m >= 10) {
      m /= 10
      e += 1
    }
    return `${sign}${m === 1 ? '' : `${m}×`}10${superscript(e)}`
  }
  return sign + String(Number(a.toPrecision(digits)))
}
