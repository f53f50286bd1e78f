import type { RaceTrack } from '../../state/raceTrack'
import { racerColor } from '../../render/colors'
import type { ViewScales } from '../../render/scales'
import type { AppState } from '../../state/store'
import type { TrailItem } from './trailPlan'

/** A visible racer's trail: its id, track and colour. */
export type VisibleTrail = TrailItem & {
  id: string
  track: RaceTrack
  /** 1-based position among all racers (the number the legends show). */
  number: number
  /** Position among the visible racers, for the dash pattern and label offsets. */
  slot: number
}

/** The visible racers' trails, the selected one last (drawn on top), each with its track and colour. */
export function visibleTrails(s: AppState): VisibleTrail[] {
  const byId = new Map(s.tracks.map((t) => [t.id, t]))
  const items: VisibleTrail[] = []
  let selected: VisibleTrail | null = null
  let slot = 0
  for (const [k, racer] of s.settings.racers.entries()) {
    const track = byId.get(racer.id)
    if (racer.hidden || track === undefined) continue
    const item = { id: racer.id, track, color: racerColor(racer.color), number: k + 1, slot: slot++ }
    if (racer.id === s.settings.selectedRacer) selected = item
    else items.push(item)
  }
  if (selected !== null) items.push(selected)
  return items
}

/** (x, y) moved into the plot area shrunk by `inset` px on every side. */
export function clampToPlot(scales: ViewScales, x: number, y: number, inset: number): [number, number] {
  const { left, top, width, height } = scales.plot
  return [
    Math.min(left + width - inset, Math.max(left + inset, x)),
    Math.min(top + height - inset, Math.max(top + inset, y)),
  ]
}

export function clipToPlot(ctx: CanvasRenderingContext2D, scales: ViewScales): void {
  const { left, top, width, height } = scales.plot
  ctx.beginPath()
  ctx.rect(left, top, width, height)
  ctx.clip()
}
