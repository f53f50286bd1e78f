import { useLayoutEffect, useRef } from 'react'
import type { DrawScale } from '../../render/drawScale'
import type { LabStore } from '../../state/lab/labStore'
import type { LandscapePath, TrainRunKey } from '../../worker/protocol'
import { fitCanvas } from './canvasFit'
import { useLabT } from './labHooks'
import { RUN_COLORS } from './labText'
import { paintXYChart } from './paintXYChart'

const HEIGHT = 160
/** The plane's prediction: dashed, in a neutral dark grey, so the run's colour stays the truth's. */
const PLANE_COLOR = '#444444'
const PLANE_DASH = [5, 3] as const

export interface PlaneHonestyProps {
  store: LabStore
  run: TrainRunKey
  /** The run's name, as its landscape's caption says it. */
  name: string
  path: LandscapePath
  /** The epoch on screen (the scrubber's), marked on the chart when it is before the path's end. */
  view: number
  widthPx: number
  scale: DrawScale
}

/**
 * The honesty check of a PCA plane (#12): per recorded epoch, the true loss L(θₑ) of the network on its real
 * path (solid, the run's colour) against the loss the plane shows at the path's projection,
 * L(θ + αₑ·d₁ + βₑ·d₂) (dashed), on a log axis. They meet at the center; where they part, the path leaves
 * the plane.
 */
export function PlaneHonesty({ store, run, name, path, view, widthPx, scale }: PlaneHonestyProps) {
  const t = useLabT(store)
  const canvas = useRef<HTMLCanvasElement>(null)
  // Presenter type takes more of the height for its margins: the chart grows by ¾ of the text scale.
  const height = Math.round(HEIGHT * (1 + (3 * (scale.text - 1)) / 4))
  const color = RUN_COLORS[run].main
  const last = path.epochs.length > 0 ? path.epochs[path.epochs.length - 1] : 0
  useLayoutEffect(() => {
    const ctx = fitCanvas(canvas.current, widthPx, height)
    if (ctx === null) return
    paintXYChart(ctx, {
      widthPx,
      heightPx: height,
      xDomain: [0, Math.max(1, last)],
      series: [
        { x: path.epochs, y: path.loss, color },
        { x: path.epochs, y: path.planeLoss, color: PLANE_COLOR, dash: PLANE_DASH },
      ],
      yLog: true,
      xLabel: t('lab.curves.epoch'),
      yLabel: t('lab.curves.loss'),
      marks: view < last ? [{ x: view, label: '' }] : [],
      scale,
    })
  }, [path, view, widthPx, height, last, color, scale, t])
  // The largest gap, for the test and screen readers: how far the plane's picture is from the truth.
  let gap = 0
  for (let k = 0; k < path.loss.length; k++) gap = Math.max(gap, Math.abs(path.loss[k] - path.planeLoss[k]))
  return (
    <div className="lab-honesty" data-testid={`lab-honesty-${run}`} data-gap={gap}>
      <p className="lab-honesty-title">{t('lab.landscape.honesty', { name })}</p>
      <canvas ref={canvas} role="img" aria-label={t('lab.landscape.honestyChart', { name })} />
      <ul className="lab-curves-legend">
        <li style={{ color }}>
          <i aria-hidden="true" />
          <span>{t('lab.landscape.honestyTrue')}</span>
        </li>
        <li style={{ color: PLANE_COLOR }}>
          <i aria-hidden="true" className="lab-dashed" />
          <span>{t('lab.landscape.honestyPlane')}</span>
        </li>
      </ul>
    </div>
  )
}
