/** An operator after which a sign is unary: an opening fence, a separator or a relation (KaTeX's MathML escapes `<`). */
const BEFORE_UNARY = String.raw`\(|\[|\{|,|=|←|≈|&lt;|≤|&gt;|≥|:`
const SIGN_AFTER_OPERATOR = new RegExp(String.raw`(<mo\b[^>]*>(?:${BEFORE_UNARY})</mo>)<mo>([−+±])</mo>`, 'g')

/**
 * Marks the unary signs of KaTeX's MathML as prefix operators: `(-1.5, 0)`, `= -\tanh`, `\lambda = \pm 2`.
 * KaTeX writes every sign as a bare `<mo>` in a flat row, and MathML Core then infers the infix form for any
 * operator that is not first in its row, spacing it like a binary minus ("( − 1.5"); KaTeX's own HTML treats a
 * sign after an opening fence, a separator or a relation as unary. Only adds `form="prefix"`: the markup is
 * otherwise KaTeX's, unchanged.
 */
export function markPrefixSigns(mathml: string): string {
  return mathml.replace(SIGN_AFTER_OPERATOR, '$1<mo form="prefix">$2</mo>')
}
