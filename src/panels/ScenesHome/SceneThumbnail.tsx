import { useEffect, useMemo, useRef, useState } from 'react'
import type { Grid } from '../../core/grid'
import type { Scene } from '../../core/scenes/types'
import { classColor, lectureColors } from '../../render/colors'
import type { PaletteId } from '../../render/colors'
import { paintHeatmap } from '../../render/heatmap'
import { isAbortError, useServices } from '../../state/services'
import { classifierSketch, surfaceThumbOf, THUMB_GRID, thumbPoint } from './thumbnail'
import { useInView } from './useInView'

/** Flat colour bands, as the lecture's filled contour plots (`contourf`). */
const BANDS = 10
const sketch = classifierSketch()

/**
 * A scene's thumbnail: for a surface scene the loss over the scene's view, sampled 48 × 48 in the worker once
 * the tile scrolls near the screen (`useInView`) and painted in the chosen palette, with the start (black
 * dot) and the minima (yellow ×); for a classifier scene a fixed sketch. Decorative (`alt` text via `label`).
 */
export function SceneThumbnail({
  scene,
  palette,
  label,
}: {
  scene: Scene
  palette: PaletteId
  label: string
}) {
  const thumb = useMemo(() => surfaceThumbOf(scene), [scene])
  const box = useRef<HTMLSpanElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const visible = useInView(box)
  const services = useServices()
  const [grid, setGrid] = useState<Grid | null>(null)

  useEffect(() => {
    if (!visible || thumb === null) return
    const controller = new AbortController()
    services.requestGrid(thumb.surface, thumb.extent, THUMB_GRID, THUMB_GRID, controller.signal).then(
      (g) => {
        if (!controller.signal.aborted) setGrid(g)
      },
      (error: unknown) => {
        // A failed thumbnail stays blank (the tile still opens its scene); an aborted one was not wanted.
        if (!isAbortError(error) && !controller.signal.aborted && box.current !== null)
          box.current.dataset.failed = '1'
      },
    )
    return () => controller.abort()
  }, [visible, thumb, services])

  useEffect(() => {
    const el = canvas.current
    const ctx = el?.getContext('2d') ?? null
    if (el === null || ctx === null || grid === null || thumb === null) return
    const image = ctx.createImageData(THUMB_GRID, THUMB_GRID)
    paintHeatmap(image, grid, { palette, log: thumb.log, bands: BANDS })
    ctx.putImageData(image, 0, 0)
    if (box.current !== null) box.current.dataset.ready = '1'
  }, [grid, palette, thumb])

  if (thumb === null) {
    return (
      <span className="scene-thumb" role="img" aria-label={label} data-testid={`scene-thumb-${scene.id}`}>
        <svg viewBox={`0 0 ${THUMB_GRID} ${THUMB_GRID}`} aria-hidden="true" focusable="false">
          <rect width={THUMB_GRID} height={THUMB_GRID} fill="#fff" />
          <path d={sketch.boundary} className="scene-thumb-boundary" />
          {sketch.points.map((p, i) => (
            <circle key={i} cx={p.x} cy={p.y} r={1.4} fill={classColor(p.label)} />
          ))}
        </svg>
      </span>
    )
  }
  const [sx, sy] = thumbPoint(thumb.extent, thumb.start)
  return (
    <span
      ref={box}
      className="scene-thumb"
      role="img"
      aria-label={label}
      data-testid={`scene-thumb-${scene.id}`}
    >
      <canvas ref={canvas} width={THUMB_GRID} height={THUMB_GRID} aria-hidden="true" />
      <svg
        viewBox={`0 0 ${THUMB_GRID} ${THUMB_GRID}`}
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        {thumb.minima.map((m, i) => {
          const [x, y] = thumbPoint(thumb.extent, m)
          const d = `M${x - 2.5},${y - 2.5}L${x + 2.5},${y + 2.5}M${x - 2.5},${y + 2.5}L${x + 2.5},${y - 2.5}`
          return (
            <g key={i}>
              <path d={d} className="scene-thumb-minimum-halo" />
              <path d={d} className="scene-thumb-minimum" stroke={lectureColors.minimum} />
            </g>
          )
        })}
        <circle cx={sx} cy={sy} r={2.2} className="scene-thumb-start" />
      </svg>
    </span>
  )
}
