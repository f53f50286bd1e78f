import { learningRate } from '../../core/meta'
import type { MessageKey } from '../../i18n/en'
import type { MessageParams } from '../../i18n/translate'
import type { RaceTrack } from '../../state/raceTrack'
import type { RacerSettings } from '../../state/settings'
import type { AppState } from '../../state/store'
import { formatNumber } from '../../ui/formatNumber'
import { scheduleFactor } from './scheduleSamples'
import { testLossOf } from './testLossSeries'
import { updateAtX } from './epochAxis'

/**
 * The tooltip of a chart at step k, as plain text: "Step k", then one line per visible racer with its loss,
 * ‖g‖, or η_t and the factor η_t/η (update k of the learning-rate chart); "—" where a racer's run has no point
 * k (not computed yet, or ended when it diverged). Numbers by `formatNumber` (4 significant digits).
 */
export function hoverText(
  chart: 'loss' | 'gradNorm' | 'lr',
  k: number,
  s: AppState,
  drawn: readonly { racer: RacerSettings; track: RaceTrack }[],
  labels: ReadonlyMap<string, string>,
  t: (key: MessageKey, params?: MessageParams) => string,
  /**
   * Given (an epoch axis): `k` is an epoch x, each racer's points are `perUpdate(racer)` epochs apart, and each
   * line names the racer's update nearest to it: "Epoch 2", "GD: L = 0.5 (update 12)".
   */
  perUpdate?: (racer: RacerSettings) => number,
): string {
  const { settings } = s
  const nameOf = (r: RacerSettings): string => labels.get(r.id) ?? r.id
  let lines: string[]
  if (chart === 'lr') {
    lines =
      k >= (s.raceSteps > 0 ? s.raceSteps : settings.steps)
        ? []
        : settings.racers
            .filter((r) => !r.hidden)
            .map((r) => {
              const schedule = r.schedule ?? settings.schedule
              return t('charts.hoverLr', {
                name: nameOf(r),
                value: formatNumber(learningRate(r.optimizer.lr, schedule, k)),
                factor: formatNumber(scheduleFactor(r.optimizer.lr, schedule, k)),
              })
            })
  } else {
    lines = drawn.map(({ racer, track }) => {
      const j = perUpdate === undefined ? k : updateAtX(k, perUpdate(racer), track.count - 1)
      if (j >= track.count || track.count === 0) return t('charts.hoverNone', { name: nameOf(racer) })
      const value = formatNumber((chart === 'loss' ? track.loss : track.gradNorm)[j])
      const line = t(chart === 'loss' ? 'charts.hoverLoss' : 'charts.hoverGradNorm', {
        name: nameOf(racer),
        value,
      })
      const test = chart === 'loss' ? testLossOf(settings, track) : null
      const withTest =
        test === null ? line : `${line}, ${t('charts.hoverTestLoss', { value: formatNumber(test[j]) })}`
      return perUpdate === undefined ? withTest : t('charts.hoverAtUpdate', { line: withTest, update: j })
    })
  }
  const head =
    perUpdate === undefined
      ? t('charts.hoverStep', { step: k })
      : t('charts.hoverEpoch', { epoch: formatNumber(Math.round(k * 100) / 100) })
  return [head, ...lines].join('\n')
}
