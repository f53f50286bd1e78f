/**
 * Racers with more points than this are drawn as a dense trail: a 1-device-pixel line without dots or halo.
 * Per-iterate dots would only thicken such a path, and a wide stroke of a long zig-zag costs the software
 * rasterizer seconds (measured: 10k vertices of Adam on the Pokémon valley took 570 ms with round joins and a
 * halo, 1 ms as a hairline).
 */
export const DENSE_TRAIL_POINTS = 3000

/** One visible racer's trail: its points (a `RaceTrack` fits) and its colour. */
export interface TrailItem {
  track: { readonly count: number }
  color: string
}

/** Draw points `from` … `to − 1` of item `index` (`from` repeats the last drawn point so the line joins up). */
export interface TrailDraw {
  index: number
  from: number
  to: number
  /** More than `DENSE_TRAIL_POINTS` points are shown: draw the thin, dotless style. */
  dense: boolean
}

/**
 * Points one frame draws at most, summed over the trails. A full redraw of 6 × 100,000 points (after a jump to
 * the end or a zoom) then fills in over a few frames instead of blocking the page for 100 ms and more.
 */
export const TRAIL_POINTS_PER_FRAME = 40_000

/**
 * What the trail layer must do this frame: clear first (then every draw starts at 0), what to draw, and
 * whether points are left for the next frame (the budget ran out: schedule another one).
 */
export interface TrailPlan {
  clear: boolean
  draws: TrailDraw[]
  more: boolean
}

/**
 * Plans an append-only trail layer. A trail is redrawn whole only when it must be: `key` changed (the view,
 * canvas size, or which racers are visible in which colours), the track objects changed (a new race), the
 * playhead went back (fewer points shown than are drawn), or a racer crossed `DENSE_TRAIL_POINTS` (its style
 * changes). Otherwise each racer draws only the points that appeared since the last frame. `shown` is
 * min(count, cursor + 1): the path up to the playhead. At most `budget` new points are planned per frame, in
 * item order; the rest follow in the next plans.
 */
export interface TrailPlanner {
  plan(key: string, items: readonly TrailItem[], cursor: number): TrailPlan
  /** Forget what is drawn (the canvas was cleared or resized): the next plan redraws everything. */
  reset(): void
}

export function createTrailPlanner(
  densePoints = DENSE_TRAIL_POINTS,
  budget = TRAIL_POINTS_PER_FRAME,
): TrailPlanner {
  let lastKey: string | null = null
  let lastTracks: readonly TrailItem['track'][] = []
  let drawn: number[] = []
  let dense: boolean[] = []
  return {
    plan(key, items, cursor) {
      const head = Math.max(0, Math.floor(cursor) + 1)
      const shown = items.map((it) => Math.max(0, Math.min(it.track.count, head)))
      const thin = shown.map((n) => n > densePoints)
      const clear =
        key !== lastKey ||
        items.length !== lastTracks.length ||
        items.some((it, i) => it.track !== lastTracks[i] || shown[i] < drawn[i] || thin[i] !== dense[i])
      const done = clear ? items.map(() => 0) : drawn.slice()
      const draws: TrailDraw[] = []
      let left = budget
      let more = false
      items.forEach((_, i) => {
        if (shown[i] <= done[i]) return
        const to = Math.min(shown[i], done[i] + Math.max(0, left))
        if (to < shown[i]) more = true
        if (to <= done[i]) return
        draws.push({ index: i, from: Math.max(0, done[i] - 1), to, dense: thin[i] })
        left -= to - done[i]
        done[i] = to
      })
      lastKey = key
      lastTracks = items.map((it) => it.track)
      drawn = done
      dense = thin
      return { clear, draws, more }
    },
    reset() {
      lastKey = null
    },
  }
}

/** Points per stroke of a trail in the normal style (see `trailChunks`). */
export const TRAIL_CHUNK_POINTS = 256

/**
 * Splits the points `from` … `to − 1` into windows of at most `size` + 1 points that share their end points, so
 * the pieces join into one line: [from, from + size + 1), [from + size, from + 2·size + 1), … Each window is
 * stroked on its own: the software rasterizer's cost grows faster than linearly with the vertices of one
 * self-crossing path (measured: 10k vertices of a zig-zag, 570 ms as one path and 25 ms in pieces of 64–256).
 */
export function trailChunks(from: number, to: number, size = TRAIL_CHUNK_POINTS): [number, number][] {
  const out: [number, number][] = []
  if (!(to > from)) return out
  for (let f = from; ; f += size) {
    const end = Math.min(to, f + size + 1)
    out.push([f, end])
    if (end >= to) break
  }
  return out
}
