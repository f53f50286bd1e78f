import type { RaceTrack } from '../../state/raceTrack'
import type { Settings } from '../../state/settings'

/** The dash of a racer's testing-loss curve (its training loss is solid), in px at 1×. */
export const TEST_LOSS_DASH: readonly number[] = [6, 4]

/**
 * A racer's testing loss L_test along its path (computed in the worker, `RacerFrame.testLoss`), when the
 * settings show the testing surface and the track carries it; else null.
 */
export function testLossOf(
  settings: Pick<Settings, 'showTestSurface'>,
  track: RaceTrack,
): Float64Array | null {
  return settings.showTestSurface === true && track.testLoss !== undefined ? track.testLoss : null
}

/** The loss chart's dashed testing curves: one per drawn racer that has a testing loss. */
export function testLossSeries(
  settings: Pick<Settings, 'showTestSurface'>,
  drawn: readonly { racerId: string; color: string; track: RaceTrack }[],
): { id: string; color: string; values: Float64Array; count: number; dash: readonly number[] }[] {
  return drawn.flatMap(({ racerId, color, track }) => {
    const values = testLossOf(settings, track)
    return values === null
      ? []
      : [{ id: `${racerId}:test`, color, values, count: track.count, dash: TEST_LOSS_DASH }]
  })
}

/**
 * What the loss chart shows of the testing loss, for readers and the e2e tests: how many dashed curves, and each
 * one's last received value (racer id = L_test), e.g. `r0=0.7371`.
 */
export function testLossAttrs(
  settings: Pick<Settings, 'showTestSurface' | 'racers'>,
  tracks: readonly RaceTrack[],
): { curves: number; last: string } {
  const parts: string[] = []
  for (const racer of settings.racers) {
    const track = tracks.find((tr) => tr.id === racer.id)
    if (racer.hidden || track === undefined || track.count === 0) continue
    const values = testLossOf(settings, track)
    if (values !== null) parts.push(`${racer.id}=${values[track.count - 1]}`)
  }
  return { curves: parts.length, last: parts.join(' ') }
}
