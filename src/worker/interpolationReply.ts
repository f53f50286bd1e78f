import { lossLine } from '../core/landscape/lossLine'
import { SpecError } from '../core/errors'
import type { LandscapeSource } from './landscapeReply'
import type { InterpolationLine, TrainInterpolationRequest } from './protocol/interpolation'

/**
 * The interpolation lines of the session's runs (Goodfellow et al., 2015): for each run, `lossLine` from its
 * initial weights (the record's epoch 0) to its current weights under its own config; and, with two runs,
 * from the first run's current weights to the second's under the first run's config (its `dataLoss` is the
 * data term both share). The last line is left out when the two networks' weights differ in shape.
 */
export function interpolationLines(
  sources: readonly LandscapeSource[],
  t: TrainInterpolationRequest['t'],
): InterpolationLine[] {
  const lines: InterpolationLine[] = sources.map((s) => {
    const from = s.path?.().weights[0] ?? s.weights
    const line = lossLine({ config: s.config, dataset: s.dataset, from, to: s.weights, t })
    return { id: s.run, epoch: s.epoch, ...line }
  })
  if (sources.length === 2) {
    const [a, b] = sources
    try {
      const line = lossLine({ config: a.config, dataset: a.dataset, from: a.weights, to: b.weights, t })
      lines.push({ id: 'ab', epoch: Math.max(a.epoch, b.epoch), ...line })
    } catch (error) {
      // Networks of different shapes have no straight line between them.
      if (!(error instanceof SpecError)) throw error
    }
  }
  return lines
}

/** The buffers of the lines to transfer. */
export function lineBuffers(lines: readonly InterpolationLine[]): ArrayBuffer[] {
  return lines.flatMap((l) => [l.t, l.loss, l.dataLoss, l.accuracy].map((a) => a.buffer as ArrayBuffer))
}
