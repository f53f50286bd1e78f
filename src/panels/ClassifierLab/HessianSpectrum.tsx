import { useLayoutEffect, useMemo, useRef } from 'react'
import { drawScaleAttr, drawScaleFor } from '../../render/drawScale'
import {
  selectHessian,
  selectMode,
  selectNetA,
  selectRunError,
  selectRunStatus,
} from '../../state/lab/labSelectors'
import type { LabStore } from '../../state/lab/labStore'
import { useCanvasLook } from '../../state/useCanvasLook'
import { formatNumber } from '../../ui/formatNumber'
import type { TrainHessianReply, TrainRunKey } from '../../worker/protocol'
import { fitCanvas } from './canvasFit'
import { useElementWidth, useLab, useLabT } from './labHooks'
import { runName } from './labText'
import { paintSpectrum } from './paintSpectrum'

const HEIGHT = 180

/**
 * Li Hongyi's minimum ratio for the trained networks: the Hessian of the loss over every weight, computed in
 * the worker at the current weights of both runs, its sorted eigenvalues on a signed log axis and the ratio
 * of positive ones.
 */
export function HessianSpectrum({ store }: { store: LabStore }) {
  const t = useLabT(store)
  const hessian = useLab(store, selectHessian)
  const status = useLab(store, selectRunStatus)
  const error = useLab(store, selectRunError)
  const running = hessian.status === 'running'
  return (
    <section className="lab-section" aria-labelledby="lab-hessian-title">
      <h3 id="lab-hessian-title">{t('lab.hessian.title')}</h3>
      <p className="lab-help">{t('lab.hessian.intro')}</p>
      <div className="lab-buttons">
        <button
          type="button"
          data-testid="lab-hessian"
          disabled={running || status === 'idle' || error !== null}
          onClick={() => void store.getState().computeHessian()}
        >
          {running ? t('lab.hessian.running') : t('lab.hessian.compute')}
        </button>
      </div>
      {hessian.status === 'failed' && (
        <p className="lab-problem" role="alert">
          {t('lab.hessian.failed', { message: hessian.error ?? '' })}
        </p>
      )}
      {hessian.a !== null && hessian.b !== null && (
        <>
          <div className="lab-spectra">
            <Spectrum store={store} run="a" result={hessian.a} />
            <Spectrum store={store} run="b" result={hessian.b} />
          </div>
          <p className="lab-help">{t('lab.hessian.caveat')}</p>
        </>
      )}
    </section>
  )
}

function Spectrum({ store, run, result }: { store: LabStore; run: TrainRunKey; result: TrainHessianReply }) {
  const t = useLabT(store)
  const mode = useLab(store, selectMode)
  const net = useLab(store, selectNetA)
  const wrap = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const width = Math.max(220, useElementWidth(wrap) || 320)
  const name = runName(t, mode, run, net)
  const look = useCanvasLook()
  const scale = useMemo(() => drawScaleFor(look.presenter, look.viewportHeightPx, look.colors), [look])
  // Presenter type takes more of the height for its margins: the chart grows by half the text scale.
  const height = Math.round(HEIGHT * (1 + (scale.text - 1) / 2))
  useLayoutEffect(() => {
    const ctx = fitCanvas(canvas.current, width, height)
    if (ctx !== null)
      paintSpectrum(ctx, {
        widthPx: width,
        heightPx: height,
        values: result.eigenvalues,
        tolerance: result.tolerance,
        scale,
      })
  }, [result, width, height, scale])
  return (
    <figure className="lab-spectrum" data-testid={`lab-spectrum-${run}`}>
      <figcaption>
        <strong>{name}</strong>
        <br />
        {t('lab.hessian.ratio', {
          epoch: result.epoch,
          ratio: formatNumber(result.minimumRatio, 3),
          positive: result.positive,
          negative: result.negative,
          zero: result.zero,
          n: result.n,
          grad: formatNumber(result.gradientNorm, 3),
        })}
      </figcaption>
      <div ref={wrap} data-draw-scale={drawScaleAttr(scale)}>
        <canvas ref={canvas} role="img" aria-label={t('lab.hessian.chart', { name })} />
      </div>
    </figure>
  )
}
