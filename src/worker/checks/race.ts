import { MAX_RACERS, MAX_SPEED, MAX_STEPS, MIN_SPEED } from '../../core/limits'
import type { RaceToWorker } from '../protocol'
import {
  all,
  describe,
  field,
  isBoolean,
  isFiniteNumber,
  isInteger,
  isObject,
  optional,
  runId,
} from './fields'
import type { Check } from './fields'

const speed = (name: string): Check =>
  field(
    name,
    (v) => isFiniteNumber(v) && v >= MIN_SPEED && v <= MAX_SPEED,
    `a number in ${MIN_SPEED}..${MAX_SPEED}`,
  )

const racers: Check = (m) => {
  const list = m.racers
  if (!Array.isArray(list) || list.length < 1 || list.length > MAX_RACERS)
    return ['racers', `racers must be an array of 1..${MAX_RACERS} { id, spec }, got ${describe(list)}`]
  const seen = new Set<string>()
  for (let i = 0; i < list.length; i++) {
    const r: unknown = list[i]
    if (!isObject(r))
      return [`racers[${i}]`, `racers[${i}] must be an object { id, spec }, got ${describe(r)}`]
    if (typeof r.id !== 'string' || r.id.length === 0)
      return [`racers[${i}].id`, `racers[${i}].id must be a non-empty string, got ${describe(r.id)}`]
    if (seen.has(r.id)) return [`racers[${i}].id`, `racers[${i}].id "${r.id}" is used twice`]
    seen.add(r.id)
    // The spec's content is the core's to judge (validateTrajectorySpec); here only its shape.
    if (!isObject(r.spec))
      return [
        `racers[${i}].spec`,
        `racers[${i}].spec must be a TrajectorySpec object, got ${describe(r.spec)}`,
      ]
  }
  return null
}

/** The structural checks of the `race.*` messages (src/worker/protocol/race.ts). */
export const raceChecks: Record<RaceToWorker['type'], Check> = {
  'race.start': all(runId, racers, speed('speed'), field('autoplay', isBoolean, 'a boolean')),
  'race.play': runId,
  'race.pause': runId,
  'race.step': all(
    runId,
    optional('n', (v) => isInteger(v, -MAX_STEPS, MAX_STEPS), `an integer in ±${MAX_STEPS}`),
  ),
  'race.seek': all(
    runId,
    field('step', (v) => isInteger(v, 0, MAX_STEPS), `an integer in 0..${MAX_STEPS}`),
  ),
  'race.speed': all(runId, speed('stepsPerSecond')),
  'race.toEnd': runId,
  'race.reset': runId,
  'race.cancel': runId,
}
