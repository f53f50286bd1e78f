import type { MessageKey } from '../../i18n/en'
import type { MessageParams } from '../../i18n/translate'
import { formatNumber } from '../../ui/formatNumber'
import type { ArrowNote } from './arrowVectors'

/** The legend line for an `ArrowNote`: to scale, drawn k× their length (not to scale), or stopped. */
export function arrowNoteText(
  note: ArrowNote,
  t: (key: MessageKey, params?: MessageParams) => string,
): string {
  if (note.kind === 'true') return t('surface.arrowsToScale')
  if (note.kind === 'stopped') return t('surface.arrowsStopped')
  return t('surface.arrowsScaled', { factor: formatNumber(Number(note.factor.toPrecision(2))) })
}
