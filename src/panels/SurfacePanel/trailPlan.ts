/** Racers with more points than this are drawn as a plain line: per-iterate dots would only thicken it. */
export const MAX_DOTTED_POINTS = 3000

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
  dotted: boolean
}

/** What the trail layer must do this frame: clear first (then every draw starts at 0), and what to draw. */
export interface TrailPlan {
  clear: boolean
  draws: TrailDraw[]
}

/**
 * Plans an append-only trail layer. A trail is redrawn whole only when it must be: `key` changed (the view,
 * canvas size, or which racers are visible in which colours), the track objects changed (a new race), the
 * playhead went back (fewer points shown than are drawn), or a racer crossed `MAX_DOTTED_POINTS` (its dots go).
 * Otherwise each racer draws only the points that appeared since the last frame. `shown` is min(count,
 * cursor + 1): the path up to the playhead.
 */
export interface TrailPlanner {
  plan(key: string, items: readonly TrailItem[], cursor: number): TrailPlan
  /** Forget what is drawn (the canvas was cleared or resized): the next plan redraws everything. */
  reset(): void
}

export function createTrailPlanner(maxDotted = MAX_DOTTED_POINTS): TrailPlanner {
  let lastKey: string | null = null
  let lastTracks: readonly TrailItem['track'][] = []
  let drawn: number[] = []
  let dotted: boolean[] = []
  return {
    plan(key, items, cursor) {
      const head = Math.max(0, Math.floor(cursor) + 1)
      const shown = items.map((it) => Math.max(0, Math.min(it.track.count, head)))
      const dots = shown.map((n) => n <= maxDotted)
      const clear =
        key !== lastKey ||
        items.length !== lastTracks.length ||
        items.some((it, i) => it.track !== lastTracks[i] || shown[i] < drawn[i] || dots[i] !== dotted[i])
      const draws: TrailDraw[] = []
      items.forEach((_, i) => {
        const from = clear ? 0 : drawn[i]
        if (shown[i] > from)
          draws.push({ index: i, from: Math.max(0, from - 1), to: shown[i], dotted: dots[i] })
      })
      lastKey = key
      lastTracks = items.map((it) => it.track)
      drawn = shown
      dotted = dots
      return { clear, draws }
    },
    reset() {
      lastKey = null
    },
  }
}
