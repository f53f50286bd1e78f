import type { AppState } from '../../state/store'

/**
 * Which racers of the current run diverged and where, as a short string (`"r1:12;r3:40"`, empty when none):
 * a primitive, so `useApp(selectDivergedKey)` re-renders the legend only when a racer diverges or a new race
 * starts, although the tracks change every frame. The step is the track's `divergedAt` (its first non-finite
 * point), or its point count when the worker did not name one.
 */
export const selectDivergedKey = (s: AppState): string => {
  let key = ''
  for (const track of s.tracks) {
    if (track.status !== 'diverged') continue
    key += `${key === '' ? '' : ';'}${track.id}:${track.divergedAt ?? track.count}`
  }
  return key
}

/** The racer id → diverged-at step map of a `selectDivergedKey` string. */
export function parseDivergedKey(key: string): Map<string, number> {
  const out = new Map<string, number>()
  if (key === '') return out
  for (const part of key.split(';')) {
    const at = part.lastIndexOf(':')
    out.set(part.slice(0, at), Number(part.slice(at + 1)))
  }
  return out
}
