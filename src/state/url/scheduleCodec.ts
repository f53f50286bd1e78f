import { isRaceScheduleKind, normalizeSchedule, SCHEDULE_RULES } from '../scheduleRules'
import type { RaceScheduleSpec } from '../scheduleRules'
import { formatNumber, parseCall, parseField, parseNumber } from './tokens'

/**
 * A schedule in the URL: `kind` or `kind(field:value,…)` with the spec's own field names, e.g.
 * `exponential(decay:0.99,decaySteps:1)`, `multistep(milestones:100/200,gamma:0.1)`, `cosine(totalSteps:500)`.
 * Flags are 1/0; list elements are separated by `/`.
 */
export function formatSchedule(spec: RaceScheduleSpec): string {
  const s = spec as unknown as Record<string, unknown>
  const args: string[] = []
  for (const field of SCHEDULE_RULES[spec.kind].fields) {
    const v = s[field.name]
    if (v === undefined) continue
    const text =
      field.type === 'boolean'
        ? v
          ? '1'
          : '0'
        : field.type === 'list'
          ? (v as number[]).map(formatNumber).join('/')
          : formatNumber(v as number)
    args.push(`${field.name}:${text}`)
  }
  return args.length === 0 ? spec.kind : `${spec.kind}(${args.join(',')})`
}

/** The schedule a URL value names, or undefined when any part is unknown, repeated or out of range. */
export function parseSchedule(raw: string): RaceScheduleSpec | undefined {
  const call = parseCall(raw)
  if (call === undefined) return undefined
  if (!isRaceScheduleKind(call.name)) return undefined
  const rules = SCHEDULE_RULES[call.name]
  const spec = new Map<string, unknown>([['kind', call.name]])
  for (const arg of call.args) {
    const f = parseField(arg)
    const field = f && rules.fields.find((r) => r.name === f.key)
    if (f === undefined || f.value === undefined || field === undefined || spec.has(f.key)) return undefined
    let v: unknown
    if (field.type === 'boolean') v = f.value === '1' ? true : f.value === '0' ? false : undefined
    else if (field.type === 'list') {
      const items = f.value.split('/').map(parseNumber)
      v = items.every((x) => x !== undefined) ? items : undefined
    } else v = parseNumber(f.value)
    if (v === undefined) return undefined
    spec.set(f.key, v)
  }
  return normalizeSchedule(Object.fromEntries(spec))
}
