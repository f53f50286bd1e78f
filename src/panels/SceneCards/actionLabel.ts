import { optimizerMeta } from '../../core/meta'
import type { Scene, SceneAction } from '../../core/scenes/meta'
import { findSurfaceMeta } from '../../core/surfaces/meta'
import type { OptimizerSpec } from '../../core/types'
import type { MessageKey } from '../../i18n/en'
import { scheduleName } from '../../i18n/registryNames'
import type { Language, MessageParams } from '../../i18n/translate'
import { formatNumber } from '../../ui/formatNumber'

/** What `describeAction` needs: the strings, the language and the scene (for its racers' names). */
export interface ActionLabelContext {
  t: (key: MessageKey, params?: MessageParams) => string
  language: Language
  scene: Scene
}

/** The lecture's symbols of an optimizer's hyper-parameters (docs/lectures.md §2), for a `setRacer` button. */
const SYMBOLS: Readonly<Partial<Record<keyof OptimizerSpec, string>>> = {
  lr: 'η',
  momentum: 'λ',
  rho: 'α',
  beta1: 'β₁',
  beta2: 'β₂',
  eps: 'ε',
  weightDecay: 'λ_wd',
}

/** A number as the cards print it: four significant digits, with a typographic minus. */
export function formatCardNumber(v: number): string {
  return formatNumber(v).replace('-', '−')
}

/**
 * The text of a card's button: what its action will do, as a short imperative in the user's language
 * ("Start at (1.5, −1.5), then add gradient noise, std 0.5"). Racers are named by the scene's labels
 * (else "optimizer n"), surfaces and schedules by their registry names.
 */
export function describeAction(action: SceneAction, ctx: ActionLabelContext): string {
  const { t, language, scene } = ctx
  const racer = (i: number): string =>
    scene.racers?.[i]?.label?.[language] ?? t('scene.action.racer', { n: i + 1 })
  switch (action.type) {
    case 'escape':
      return t('scene.action.escape')
    case 'setStart':
      return t('scene.action.setStart', {
        x: formatCardNumber(action.start[0]),
        y: formatCardNumber(action.start[1]),
      })
    case 'setSurface':
      return t('scene.action.setSurface', {
        name: findSurfaceMeta(action.surface)?.name[language] ?? action.surface,
      })
    case 'setRacer':
      return t('scene.action.setRacer', {
        racer: racer(action.index),
        changes: describePatch(action.patch, ctx),
      })
    case 'setSchedule':
      return t('scene.action.setSchedule', { name: scheduleName(action.schedule.kind, language) })
    case 'setNoise': {
      const { std, annealSteps } = action.noise
      if (!(std > 0)) return t('scene.action.noiseOff')
      const params = { std: formatCardNumber(std) }
      return annealSteps === undefined
        ? t('scene.action.noiseOn', params)
        : t('scene.action.noiseAnneal', { ...params, steps: annealSteps })
    }
    case 'showRacers':
      if (scene.racers !== undefined && action.indices.length >= scene.racers.length)
        return t('scene.action.showAll')
      return t('scene.action.showRacers', {
        names: action.indices
          .map((i) => t('scene.action.quoted', { name: racer(i) }))
          .join(t('scene.action.listSeparator')),
      })
    case 'setLambda':
      return action.lambda > 0
        ? t('scene.action.lambdaOn', { lambda: formatCardNumber(action.lambda) })
        : t('scene.action.lambdaOff')
    case 'play':
      return t('scene.action.play')
    case 'toEnd':
      return t('scene.action.toEnd')
    case 'sequence':
      return action.actions
        .map((a) => describeAction(a, ctx))
        .reduce((first, next) => t('scene.action.then', { first, next: continuing(next, language) }))
  }
}

/** `η = 1, λ = 0.9`: the patched hyper-parameters in the lecture's symbols, a new kind by its name. */
function describePatch(patch: Partial<OptimizerSpec>, ctx: ActionLabelContext): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'kind')
      parts.push(optimizerMeta[value as OptimizerSpec['kind']]?.name[ctx.language] ?? String(value))
    else if (key === 'convention') parts.push(ctx.t(`convention.${String(value)}` as MessageKey))
    else if (typeof value === 'number')
      parts.push(`${SYMBOLS[key as keyof OptimizerSpec] ?? key} = ${formatCardNumber(value)}`)
  }
  return parts.join(ctx.t('scene.action.listSeparator'))
}

/** The second clause of "A, then b": English lower-cases its first word (but not an acronym such as "GD"). */
function continuing(text: string, language: Language): string {
  if (language !== 'en' || text.length < 2) return text
  const [a, b] = [text[0], text[1]]
  return a !== a.toLowerCase() && b === b.toLowerCase() ? a.toLowerCase() + text.slice(1) : text
}
