import type { MessageKey } from '../../i18n/en'
import type { NumberRule } from '../../state/limits'
import { formatNumber } from '../../ui/formatNumber'
import type { NumberCheck } from '../../ui/NumberField'
import { parseNumber } from '../../ui/parseNumber'

type T = (key: MessageKey, params?: Record<string, string | number>) => string

/**
 * The check of a number field for `rule`: the typed text read by `parseNumber` (full-width digits, “1e-3”,
 * “10⁻³” all work) and accepted only inside the rule, else a message naming the range. The store clamps
 * again, so this is for the student's benefit, not a guard.
 */
export function checkRule(t: T, rule: NumberRule) {
  return (text: string): NumberCheck => {
    const v = parseNumber(text)
    const range = { min: formatNumber(rule.min), max: formatNumber(rule.max) }
    if (v === null) return { error: t('lab.check.number') }
    const below = rule.minExclusive ? v <= rule.min : v < rule.min
    const above = rule.maxExclusive ? v >= rule.max : v > rule.max
    if (rule.integer && (!Number.isInteger(v) || below || above))
      return { error: t('lab.check.integer', range) }
    if (below || above) return { error: t(rule.minExclusive ? 'lab.check.above' : 'lab.check.range', range) }
    return { value: v + 0 }
  }
}
