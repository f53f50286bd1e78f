import { parseNumber } from '../../ui/parseNumber'

/**
 * The whole number typed in `text` when it lies in [min, max] (as `parseNumber` reads it: full-width digits,
 * "1e4", "10⁴" …), else null. Nothing is rounded or clamped: "12.5" or "0" is refused, not guessed.
 */
export function checkIntegerIn(text: string, min: number, max: number): number | null {
  const v = parseNumber(text)
  return v !== null && Number.isInteger(v) && v >= min && v <= max ? v + 0 : null
}
