const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
}

/**
 * A number for people, as plain text: `digits` significant digits (default 4) with trailing zeros dropped,
 * magnitudes ≥ 10⁴ or < 10⁻³ as `m×10ⁿ` (1.235×10⁻⁷, 1.747×10⁵), −0 as "0", NaN as "NaN" and ±∞ as "∞"/"-∞".
 * The minus sign is ASCII "-", so the text can be pasted into Python or a search box (and `parseNumber` reads it
 * back). Rounding that carries into a new decade is handled (9.99996×10⁻⁴ gives 10⁻³).
 */
export function formatNumber(v: number, digits = 4): string {
  if (Number.isNaN(v)) return 'NaN'
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞'
  if (v === 0) return '0'
  const a = Math.abs(v)
  const sign = v < 0 ? '-' : ''
  if (a >= 1e4 || a < 1e-3) {
    // toExponential rounds in decimal and carries into the exponent itself (9.99996e-4 → "1.000e-3"), and
    // works for subnormals, where dividing by 10^e would overflow.
    const [mantissa, exp] = a.toExponential(digits - 1).split('e')
    const m = Number(mantissa)
    const exponent = Array.from(String(Number(exp)), (ch) => SUPERSCRIPT[ch] ?? ch).join('')
    return `${sign}${m === 1 ? '' : `${m}×`}10${exponent}`
  }
  return sign + String(Number(a.toPrecision(digits)))
}
