import { useEffect, useRef } from 'react'
import type { BasinMapSpec } from '../../core/basins/types'
import type { Vec2 } from '../../core/types'
import type { BasinLevel } from '../../worker/protocol'
import { paintBasinMap } from './paintBasinMap'

/**
 * One basin map: a square canvas repainted whenever a finer level arrives, its caption, and the state a test
 * or a reader can query (`data-side`, `data-level`, `data-done`, counts per outcome in `data-counts`).
 */
export function BasinMapFigure(props: {
  caption: string
  aria: string
  spec: BasinMapSpec
  level: BasinLevel | null
  minima: readonly Vec2[]
  progress: string
  testId: string
}) {
  const { spec, level, minima } = props
  const canvas = useRef<HTMLCanvasElement | null>(null)
  useEffect(() => {
    const el = canvas.current
    if (el === null || level === null) return
    const paint = (): void => {
      const size = Math.floor(el.parentElement?.clientWidth ?? 0)
      if (size < 1) return
      el.style.width = `${size}px`
      el.style.height = `${size}px`
      paintBasinMap(el, size, level, spec.steps, spec, minima)
    }
    paint()
    if (typeof ResizeObserver === 'undefined' || el.parentElement === null) return
    const observer = new ResizeObserver(paint)
    observer.observe(el.parentElement)
    return () => observer.disconnect()
  }, [level, spec, minima])
  const counts =
    level === null
      ? ''
      : JSON.stringify(
          [...level.minimum].reduce<Record<string, number>>((acc, v) => {
            acc[v] = (acc[v] ?? 0) + 1
            return acc
          }, {}),
        )
  return (
    <figure className="basin-figure">
      <figcaption>{props.caption}</figcaption>
      <div className="basin-canvas-box">
        <canvas
          ref={canvas}
          role="img"
          aria-label={props.aria}
          data-testid={props.testId}
          data-side={level?.side ?? 0}
          data-level={level?.level ?? -1}
          data-done={level?.done === true ? 'true' : 'false'}
          data-elapsed={level === null ? '' : Math.round(level.elapsedMs)}
          data-counts={counts}
        />
      </div>
      <p className="basin-progress" aria-live="polite">
        {props.progress}
      </p>
    </figure>
  )
}
