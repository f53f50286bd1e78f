import { optimizerMeta } from '../../core/meta'
import type { SceneRacer } from '../../core/scenes/meta'
import type { OptimizerSpec } from '../../core/types'
import type { Language } from '../../i18n/translate'
import { formatCardNumber } from './actionLabel'

/**
 * The name of a racer in the scene's legend: the scene's label for that position ("Vanilla GD, η = 0.01")
 * while the racer still runs exactly the optimizer the label describes (every field the scene sets), else
 * its optimizer's name and η as they are now, so a card that changed η never leaves a stale number on screen.
 */
export function racerName(sceneRacer: SceneRacer | undefined, optimizer: OptimizerSpec, language: Language) {
  const label = sceneRacer?.label?.[language]
  if (label !== undefined && sameOptimizer(sceneRacer!.optimizer, optimizer)) return label
  return `${optimizerMeta[optimizer.kind].name[language]}, η = ${formatCardNumber(optimizer.lr)}`
}

function sameOptimizer(described: OptimizerSpec, actual: OptimizerSpec): boolean {
  return Object.entries(described).every(([k, v]) => actual[k as keyof OptimizerSpec] === v)
}
