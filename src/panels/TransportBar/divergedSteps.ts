import type { AppState } from '../../state/store'

/** Where a racer's run stopped as diverged, and whether it escaped (finite but far out) or overflowed. */
export interface DivergedBadge {
  at: number
  escaped: boolean
}

/**
 * Which racers of the current run diverged and where, as a short string (`"r1:12;r3:40!"`, empty when none;
 * a trailing `!` marks a racer that escaped): a primitive, so `useApp(selectDivergedKey)` re-renders the
 * legend only when a racer diverges or a new race starts, although the tracks change every frame. The step
 * is the track's `divergedAt` (its first non-finite or escaped point), or its point count when the worker did
 * not name one.
 */
export const selectDivergedKey = (s: AppState): string => {
  let key = ''
  for (const track of s.tracks) {
    if (track.status !== 'diverged') continue
    const mark = track.divergence === 'escaped' ? '!' : ''
    key += `${key === '' ? '' : ';'}${track.id}:${track.divergedAt ?? track.count}${mark}`
  }
  return key
}

/** The racer id → badge map of a `selectDivergedKey` string. */
export function parseDivergedKey(key: string): Map<string, DivergedBadge> {
  const out = new Map<string, DivergedBadge>()
  if (key === '') return out
  for (const part of key.split(';')) {
    const at = part.lastIndexOf(':')
    const escaped = part.endsWith('!')
    out.set(part.slice(0, at), { at: Number(part.slice(at + 1, escaped ? -1 : undefined)), escaped })
  }
  return out
}
