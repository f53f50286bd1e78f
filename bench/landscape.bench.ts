// The loss-landscape benchmark (#12): one 41×41 slice of the course preset's 2-11-1 net over dot.csv (300
// rows, 1 681 weight vectors), around its initial weights along two filter-normalized random directions.
import { readFileSync } from 'node:fs'
import { lossSlice } from '../src/core/landscape/lossSlice'
import { randomDirection } from '../src/core/landscape/randomDirection'
import { parseDataset } from '../src/core/mlp/parseDataset'
import { createTrainer } from '../src/core/mlp/trainer'
import { classifierPresets } from '../src/core/scenes/classifierPresets.meta'

/** Median and CPU time of the 41×41 slice (target: well under 30 ms in Node). */
export function landscapeBenchmark(
  measure: (fn: () => void, runs: number) => { wallMs: number; cpuMs: number },
) {
  const dataset = parseDataset(readFileSync(new URL('../public/dot.csv', import.meta.url), 'utf8'))
  const config = classifierPresets.course.config
  const center = createTrainer(config, dataset).weights()
  const spec = {
    config,
    dataset,
    center,
    directions: [randomDirection(center, 1), randomDirection(center, 2)] as [typeof center, typeof center],
    alpha: { min: -1, max: 1, n: 41 },
    beta: { min: -1, max: 1, n: 41 },
  }
  const { wallMs, cpuMs } = measure(() => lossSlice(spec), 31)
  const round = (v: number) => Number(v.toPrecision(3))
  return { medianMs: round(wallMs), cpuMedianMs: round(cpuMs), grid: '41x41', rows: dataset.n }
}
