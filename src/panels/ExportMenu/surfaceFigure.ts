import { optimizerMeta } from '../../core/meta'
import { findSurfaceMeta } from '../../core/surfaces/meta'
import { racerColor } from '../../render/colors'
import type { FigureRacer, SurfaceFigure } from '../../render/exportSurface'
import { formatValue } from '../../render/texLabel'
import type { MessageKey } from '../../i18n/en'
import type { MessageParams } from '../../i18n/translate'
import { selectSurface, selectView } from '../../state/selectors'
import type { SurfaceGrid } from '../../state/services'
import type { AppState } from '../../state/store'

export type Translate = (key: MessageKey, params?: MessageParams) => string

/** The figure's size in CSS px (a 3:2 page figure); the PNG is drawn at `PNG_SCALE` device px per CSS px. */
export const FIGURE_SIZE = { widthPx: 960, heightPx: 640 } as const
export const PNG_SCALE = 2
/** Contour levels of the exported grid: the surface panel's count, so the figure looks like the panel. */
export const FIGURE_CONTOUR_LEVELS = 20

/** The points of a racer drawn at the playhead: 0 … cursor, at most the points received. */
export function pointsAtCursor(count: number, cursor: number): number {
  return Math.max(0, Math.min(count, Math.floor(cursor) + 1))
}

/**
 * The surface figure of the store's race as it is on screen: the view, the palette, every visible racer's
 * path up to the playhead (the selected one drawn last, on top; the legend keeps the race's order) labelled
 * with its optimizer and noted with its η and its loss at the playhead (or where it diverged), the start, the
 * minima, and `grid` with its contours.
 */
export function surfaceFigureOf(s: AppState, grid: SurfaceGrid | null, t: Translate): SurfaceFigure {
  const { settings } = s
  const language = settings.language
  const info = selectSurface(s)
  const surface = findSurfaceMeta(settings.surfaceId)
  const total = s.raceSteps > 0 ? s.raceSteps : settings.steps
  const byId = new Map(s.tracks.map((tr) => [tr.id, tr]))
  const drawn: FigureRacer[] = []
  let selected: FigureRacer | null = null
  for (const racer of settings.racers) {
    const track = byId.get(racer.id)
    if (racer.hidden || track === undefined) continue
    const legendIndex = drawn.length + (selected === null ? 0 : 1)
    const count = pointsAtCursor(track.count, s.cursor)
    const name = optimizerMeta[racer.optimizer.kind]?.name[language] ?? racer.optimizer.kind
    const diverged = track.status === 'diverged' && count === track.count && track.divergedAt !== null
    const lr = `η = ${formatValue(racer.optimizer.lr, 4)}`
    const state = diverged
      ? t(track.divergence === 'escaped' ? 'status.escaped' : 'status.diverged', { n: track.divergedAt! })
      : count > 0
        ? t('status.loss', { value: formatValue(track.loss[count - 1], 4) })
        : ''
    const item: FigureRacer = {
      label: name,
      note: state === '' ? lr : `${lr} · ${state}`,
      legendIndex,
      color: racerColor(racer.color),
      x: track.x,
      y: track.y,
      count,
    }
    if (racer.id === settings.selectedRacer) selected = item
    else drawn.push(item)
  }
  if (selected !== null) drawn.push(selected)
  return {
    title: t('export.figureTitle', { name: info.name[language], step: s.cursor, total }),
    axes: surface?.axes ?? ['w_1', 'w_2'],
    extent: selectView(s),
    grid,
    contours: grid?.contours ?? null,
    palette: settings.palette,
    logHint: surface?.logContours ?? false,
    minima: info.minima,
    start: settings.start,
    racers: drawn,
    legendTitle: t('panel.racers'),
  }
}

/** A file name part from a registry id: lower-case letters, digits and dashes only. */
export function fileStem(id: string): string {
  return (
    id
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .slice(0, 40) || 'surface'
  )
}
