import { useEffect, useId, useRef, useState } from 'react'
import { drawSurfaceFigure, surfaceFigureLayout } from '../../render/exportSurface'
import type { FigureSize } from '../../render/exportSurface'
import { trajectoryCsvChunks, trajectoryJsonChunks } from '../../state/trajectoryExport'
import type { LabStore } from '../../state/lab/labStore'
import { selectShareQuery, selectView } from '../../state/selectors'
import { isAbortError, useServices } from '../../state/services'
import { useAppStore, useT } from '../../state/useApp'
import { boundaryFigureSize, drawBoundaryFigure } from './boundaryFigure'
import { collectChunks, figurePng, figureSvg, saveBlob } from './figureFiles'
import type { DrawFigure } from './figureFiles'
import { boundaryFigureOf } from './labFigure'
import { FIGURE_CONTOUR_LEVELS, FIGURE_SIZE, fileStem, PNG_SCALE, surfaceFigureOf } from './surfaceFigure'
import { EmbedSnippet } from './EmbedSnippet'
import './ExportMenu.css'

export interface ExportMenuProps {
  /** The classifier lab's store while the lab is on screen: its decision boundaries can then be exported. */
  lab?: LabStore
}

type Status =
  { kind: 'idle' } | { kind: 'working' | 'done'; file: string } | { kind: 'failed' | 'noRace' | 'noBoundary' }

/** A figure ready to draw, or why there is none. */
type Prepared = { draw: DrawFigure; size: FigureSize; title: string } | 'noBoundary'

/** Grid nodes per CSS px of the exported plot: finer than the panel's (1 per 2 px), for print. */
const NODES_PER_PX = 1 / 1.5
const MAX_NODES = 384

/**
 * "Export and embed": a disclosure button (next to "copy link") that opens a small panel with the downloads —
 * the surface with every visible path up to the playhead as PNG or SVG (the same drawing code for both), every
 * racer's trajectory as CSV or JSON, the classifier's decision boundaries when the lab is shown — and the
 * "embed" button with the iframe code of the current race. The figure's grid is sampled and contoured afresh
 * in the worker at print resolution; the main thread only draws.
 */
export function ExportMenu({ lab }: ExportMenuProps) {
  const t = useT()
  const store = useAppStore()
  const services = useServices()
  const [open, setOpen] = useState(false)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const root = useRef<HTMLDivElement>(null)
  const controller = useRef<AbortController | null>(null)
  const id = useId()

  useEffect(() => () => controller.current?.abort(), [])
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setOpen(false)
    }
    const onPointer = (e: PointerEvent): void => {
      if (root.current !== null && e.target instanceof Node && !root.current.contains(e.target))
        setOpen(false)
    }
    window.addEventListener('keydown', onKey)
    window.addEventListener('pointerdown', onPointer)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('pointerdown', onPointer)
    }
  }, [open])

  /** The surface figure of the race as shown now, with a grid sampled for it in the worker. */
  const prepareSurface = async (signal: AbortSignal): Promise<Prepared> => {
    const s = store.getState()
    const view = selectView(s)
    const { plot } = surfaceFigureLayout(FIGURE_SIZE, view, s.settings.racers.length).scales
    const nodes = (px: number): number => Math.max(32, Math.min(MAX_NODES, Math.round(px * NODES_PER_PX)))
    const grid = await services.requestGrid(
      s.settings.surfaceId,
      view,
      nodes(plot.width),
      nodes(plot.height),
      signal,
      {
        contours: { count: FIGURE_CONTOUR_LEVELS },
      },
    )
    const figure = surfaceFigureOf(s, grid, t)
    return {
      draw: (target) => drawSurfaceFigure(target, figure, FIGURE_SIZE),
      size: FIGURE_SIZE,
      title: figure.title,
    }
  }

  const prepareBoundary = async (): Promise<Prepared> => {
    const figure = lab === undefined ? null : boundaryFigureOf(lab.getState(), t)
    if (figure === null) return 'noBoundary'
    const size = boundaryFigureSize(FIGURE_SIZE.widthPx, figure.views.length)
    return {
      draw: (target) => drawBoundaryFigure(target, figure, size),
      size,
      title: t('panel.decisionBoundary'),
    }
  }

  const exportFigure = async (
    prepare: (signal: AbortSignal) => Promise<Prepared>,
    format: 'png' | 'svg',
    file: string,
  ): Promise<void> => {
    controller.current?.abort()
    const mine = new AbortController()
    controller.current = mine
    setStatus({ kind: 'working', file })
    try {
      const prepared = await prepare(mine.signal)
      if (mine.signal.aborted) return
      if (typeof prepared === 'string') return setStatus({ kind: prepared })
      const blob =
        format === 'png'
          ? await figurePng(prepared.draw, prepared.size, PNG_SCALE)
          : figureSvg(prepared.draw, prepared.size, prepared.title)
      if (mine.signal.aborted) return
      saveBlob(blob, file)
      setStatus({ kind: 'done', file })
    } catch (error) {
      if (!mine.signal.aborted && !isAbortError(error)) setStatus({ kind: 'failed' })
    }
  }

  const exportData = async (format: 'csv' | 'json'): Promise<void> => {
    const s = store.getState()
    if (!s.tracks.some((track) => track.count > 0)) return setStatus({ kind: 'noRace' })
    controller.current?.abort()
    const mine = new AbortController()
    controller.current = mine
    const file = `trajectories-${fileStem(s.settings.surfaceId)}.${format}`
    setStatus({ kind: 'working', file })
    try {
      const chunks =
        format === 'csv'
          ? trajectoryCsvChunks(s.settings, s.tracks)
          : trajectoryJsonChunks(s.settings, s.tracks, selectShareQuery(s))
      const parts = await collectChunks(chunks, mine.signal)
      const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json'
      saveBlob(new Blob(parts, { type }), file)
      setStatus({ kind: 'done', file })
    } catch (error) {
      if (!mine.signal.aborted && !isAbortError(error)) setStatus({ kind: 'failed' })
    }
  }

  const surfaceFile = (ext: string): string =>
    `loss-surface-${fileStem(store.getState().settings.surfaceId)}.${ext}`
  const message =
    status.kind === 'working'
      ? t('export.working', { name: status.file })
      : status.kind === 'done'
        ? t('export.done', { name: status.file })
        : status.kind === 'failed'
          ? t('export.failed')
          : status.kind === 'noRace'
            ? t('export.noRace')
            : status.kind === 'noBoundary'
              ? t('export.noBoundary')
              : ''

  return (
    <div className="export-menu" ref={root} data-testid="export-menu">
      <button
        type="button"
        className="export-toggle"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        data-testid="export-menu-toggle"
        onClick={() => setOpen((o) => !o)}
      >
        {t('export.menu')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <section id={`${id}-panel`} className="panel export-panel" aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`}>{t('export.title')}</h2>
          <div className="export-buttons">
            <button
              type="button"
              data-testid="export-surface-png"
              onClick={() => void exportFigure(prepareSurface, 'png', surfaceFile('png'))}
            >
              {t('export.surfacePng')}
            </button>
            <button
              type="button"
              data-testid="export-surface-svg"
              onClick={() => void exportFigure(prepareSurface, 'svg', surfaceFile('svg'))}
            >
              {t('export.surfaceSvg')}
            </button>
            <button type="button" data-testid="export-csv" onClick={() => void exportData('csv')}>
              {t('export.csv')}
            </button>
            <button type="button" data-testid="export-json" onClick={() => void exportData('json')}>
              {t('export.json')}
            </button>
            {lab !== undefined && (
              <>
                <button
                  type="button"
                  data-testid="export-classifier-png"
                  onClick={() => void exportFigure(prepareBoundary, 'png', 'decision-boundaries.png')}
                >
                  {t('export.classifierPng')}
                </button>
                <button
                  type="button"
                  data-testid="export-classifier-svg"
                  onClick={() => void exportFigure(prepareBoundary, 'svg', 'decision-boundaries.svg')}
                >
                  {t('export.classifierSvg')}
                </button>
              </>
            )}
          </div>
          <p className="export-status" role="status" data-testid="export-status" data-kind={status.kind}>
            {message}
          </p>
          <EmbedSnippet />
        </section>
      )}
    </div>
  )
}
