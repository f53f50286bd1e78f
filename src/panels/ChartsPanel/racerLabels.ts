import { optimizerMeta } from '../../core/meta'
import { racerColors } from '../../render/colors'
import type { Language } from '../../i18n/translate'
import type { RacerSettings } from '../../state/settings'

/**
 * Short names of the racers for chart tooltips and legends: the optimizer's registry name ("Adam", "动量法
 * （Momentum）"), followed by its colour's name when another racer runs the same kind ("Adam (blue)"), since a
 * plain-text tooltip cannot show the colour itself.
 */
export function racerLabels(racers: readonly RacerSettings[], language: Language): Map<string, string> {
  const kinds = new Map<string, number>()
  for (const r of racers) kinds.set(r.optimizer.kind, (kinds.get(r.optimizer.kind) ?? 0) + 1)
  const out = new Map<string, string>()
  for (const r of racers) {
    const name = optimizerMeta[r.optimizer.kind]?.name[language] ?? r.optimizer.kind
    const color = racerColors[r.color]?.name[language]
    const sep = language === 'zh' ? '（' : ' ('
    const end = language === 'zh' ? '）' : ')'
    out.set(r.id, (kinds.get(r.optimizer.kind) ?? 0) > 1 && color ? `${name}${sep}${color}${end}` : name)
  }
  return out
}
