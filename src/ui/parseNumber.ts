/**
 * Reads a number typed by a student: ASCII or full-width digits (a Chinese IME often produces “０.５”), the
 * Unicode minus “−” (U+2212, what the app prints), a leading “+”, scientific notation (“1e-7”, “1E−7”) and the
 * app's own printed form “6×10⁻⁷” / “10⁻⁷” / “2*10^-3”. Returns null for anything else, including an empty
 * string, “Infinity”, “NaN”, hexadecimal and thousands separators, so an ambiguous entry is never guessed.
 */
export function parseNumber(text: string): number | null {
  const s = normalize(text)
  if (s === '') return null
  const power = /^([+-]?)(?:(\d+(?:\.\d*)?|\.\d+)\*)?10\^([+-]?\d+)$/.exec(s)
  if (power !== null) {
    const mantissa = power[2] === undefined ? 1 : Number(power[2])
    const v = Number(`${power[1]}${mantissa}e${power[3]}`)
    return Number.isFinite(v) ? v : null
  }
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/.test(s)) return null
  const v = Number(s)
  return Number.isFinite(v) ? v : null
}

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
  '⁺': '+',
}

function normalize(text: string): string {
  let out = ''
  let sup = false
  for (const ch of text.trim()) {
    const code = ch.charCodeAt(0)
    // Full-width ASCII (U+FF01–U+FF5E) maps to ASCII by a fixed offset.
    const c = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch
    if (c in SUPERSCRIPTS) {
      // A run of superscripts is an exponent: “10⁻⁷” reads as “10^-7”.
      if (!sup) out += '^'
      sup = true
      out += SUPERSCRIPTS[c]
      continue
    }
    sup = false
    if (c === '−' || c === '–') out += '-'
    else if (c === '×' || c === '·') out += '*'
    else if (c === 'E') out += 'e'
    else if (c === '。') out += '.'
    else if (c !== ' ') out += c
  }
  return out
}
