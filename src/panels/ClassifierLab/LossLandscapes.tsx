import { useLayoutEffect, useMemo, useRef } from 'react'
import { MAX_NET_SURFACE_EPOCHS } from '../../core/landscape/netSurface.meta'
import type { NetSurfaceData } from '../../core/landscape/netSurface.meta'
import { selectMode, selectNetA, selectNetB, selectSeed } from '../../state/lab/labSelectors'
import type { LabState, LabStore } from '../../state/lab/labStore'
import type { NetSurfaceSettings } from '../../state/netSurfaceSettings'
import { drawScaleAttr, drawScaleFor } from '../../render/drawScale'
import { useCanvasLook } from '../../state/useCanvasLook'
import { formatNumber } from '../../ui/formatNumber'
import { SegmentedControl } from '../../ui/SegmentedControl'
import type { LandscapeDirections, LandscapeRun, TrainRunKey } from '../../worker/protocol'
import { fitCanvas } from './canvasFit'
import { useElementWidth, useLab, useLabT, useWhileTraining } from './labHooks'
import { percent, runName } from './labText'
import { paintLandscape, pathIndexAt } from './paintLandscape'
import { PlaneHonesty } from './PlaneHonesty'

/** Least time between two landscape requests while training streams. */
const THROTTLE_MS = 400

const selectLandscape = (s: LabState) => s.landscape
const selectRun = (s: LabState) => s.run
const selectSource = (s: LabState) => s.settings.data
// The scrubber's epoch, only on PCA planes (where the path follows it): random slices do not re-render.
const selectPathView = (s: LabState) => (s.landscape.directions === 'pca' ? s.run.view : -1)

export interface LossLandscapesProps {
  store: LabStore
  /** Opens the playground on the network surface these settings name (absent: no button). */
  onRace?: (net: NetSurfaceSettings) => void
}

/**
 * Twin loss landscapes (#12): beside the two decision boundaries, each network's loss around its current
 * weights along the same two filter-normalized random directions, or each on the PCA plane of its own
 * training path (with the path projected, following the scrubber, its explained variance and the plane's
 * honesty chart), recomputed in the worker as training streams (at most every 400 ms), with the numbers that
 * say how the minima differ.
 */
export function LossLandscapes({ store, onRace }: LossLandscapesProps) {
  const t = useLabT(store)
  const landscape = useLab(store, selectLandscape)
  useWhileTraining(store, 'computeLandscape', THROTTLE_MS)
  const reply = landscape.reply
  const directions = landscape.directions
  return (
    <section className="lab-section" aria-labelledby="lab-landscape-title" data-testid="lab-landscapes">
      <h3 id="lab-landscape-title">{t('lab.landscape.title')}</h3>
      <div className="lab-buttons">
        <SegmentedControl<LandscapeDirections>
          label={t('lab.landscape.directions')}
          value={directions}
          options={[
            { value: 'random', label: t('lab.landscape.dirRandom') },
            { value: 'pca', label: t('lab.landscape.dirPca') },
          ]}
          onChange={(d) => void store.getState().setLandscapeDirections(d)}
          testId="lab-landscape-directions"
        />
        {directions === 'random' && (
          <button
            type="button"
            data-testid="lab-landscape-reroll"
            onClick={() => void store.getState().rerollLandscape()}
          >
            {t('lab.landscape.reroll')}
          </button>
        )}
      </div>
      <p className="lab-help">{t(directions === 'pca' ? 'lab.landscape.pcaIntro' : 'lab.landscape.intro')}</p>
      <p className="lab-help">{t('lab.landscape.flatRegion')}</p>
      {landscape.status === 'failed' && (
        <p className="lab-problem" role="alert">
          {t('lab.landscape.failed', { message: landscape.error ?? '' })}
        </p>
      )}
      {reply === null || reply.directions !== directions ? (
        <p className="lab-help">{t('lab.landscape.waiting')}</p>
      ) : (
        <div className="lab-views">
          {reply.runs.map((r) => (
            <Landscape
              key={r.run}
              store={store}
              result={r}
              n={reply.n}
              span={r.span ?? reply.span}
              seed={reply.seed}
              // A PCA plane is this run's alone, not rebuilt from a seed: only random slices race.
              onRace={reply.directions === 'random' ? onRace : undefined}
            />
          ))}
        </div>
      )}
    </section>
  )
}

function Landscape(props: {
  store: LabStore
  result: LandscapeRun
  n: number
  span: number
  seed: number
  onRace?: (net: NetSurfaceSettings) => void
}) {
  const { store, result, n, span, seed, onRace } = props
  const t = useLabT(store)
  const mode = useLab(store, selectMode)
  const a = useLab(store, selectNetA)
  const b = useLab(store, selectNetB)
  const labSeed = useLab(store, selectSeed)
  const source = useLab(store, selectSource)
  const run = useLab(store, selectRun)
  const view = useLab(store, selectPathView)
  const wrap = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const scratch = useRef<{ canvas: HTMLCanvasElement | null }>({ canvas: null })
  const look = useCanvasLook()
  const scale = useMemo(() => drawScaleFor(look.presenter, look.viewportHeightPx, look.colors), [look])
  // Presenter type needs room: the largest side grows with it (up to 1.6×).
  const maxSide = Math.round(420 * Math.min(1.6, scale.text))
  const inner = Math.max(200, (useElementWidth(wrap) || 336) - 16)
  const width = Math.min(maxSide, inner)
  const path = result.path
  const shown = path === undefined ? -1 : pathIndexAt(path, view < 0 ? Infinity : view)
  useLayoutEffect(() => {
    const ctx = fitCanvas(canvas.current, width, width)
    if (ctx !== null)
      paintLandscape(ctx, {
        widthPx: width,
        heightPx: width,
        fontPx: 12,
        run: result,
        n,
        span,
        scratch: scratch.current,
        view: view < 0 ? Infinity : view,
        scale,
      })
  }, [result, width, n, span, view, scale])
  const key: TrainRunKey = result.run
  const net =
    mode === 'compare'
      ? key === 'a'
        ? a
        : b
      : key === 'a'
        ? { ...a, regularization: { kind: 'none' as const } }
        : a
  const data: NetSurfaceData | null =
    source.kind === 'dot' ? { kind: 'dot' } : source.kind === 'generated' ? { ...source } : null
  const sendable = data !== null && net.epochs <= MAX_NET_SURFACE_EPOCHS
  const fmt = (v: number) => (Number.isFinite(v) ? formatNumber(v, 3) : '—')
  // A width of 0 means only the center node is within 10%: narrower than the grid's spacing.
  const step = (2 * span) / (n - 1)
  const fmtWidth = (w: number) => (w === 0 ? `< ${formatNumber(step, 2)}` : fmt(w))
  return (
    <figure
      className="lab-view"
      ref={wrap}
      data-testid={`lab-landscape-${key}`}
      data-epoch={result.epoch}
      data-center-loss={result.centerLoss}
      data-run-id={run.runId ?? ''}
      data-span={span}
      data-draw-scale={drawScaleAttr(scale)}
      {...(path !== undefined && {
        'data-variance': path.explainedVariance.join(','),
        'data-path-points': path.epochs.length,
        'data-path-epoch': shown >= 0 ? path.epochs[shown] : '',
        'data-path-alpha': shown >= 0 ? path.alpha[shown] : '',
        'data-path-beta': shown >= 0 ? path.beta[shown] : '',
      })}
    >
      <figcaption>
        <strong>{runName(t, mode, key, a)}</strong>
      </figcaption>
      <canvas ref={canvas} role="img" aria-label={t('lab.landscape.title')} />
      {path !== undefined && (
        <p className="lab-help" data-testid={`lab-landscape-variance-${key}`}>
          {t('lab.landscape.variance', {
            v1: percent(path.explainedVariance[0]),
            v2: percent(path.explainedVariance[1]),
            sum: percent(path.explainedVariance[0] + path.explainedVariance[1]),
          })}
        </p>
      )}
      <p className="lab-help" data-testid={`lab-landscape-stats-${key}`}>
        {t('lab.landscape.stats', {
          epoch: result.epoch,
          loss: fmt(result.centerLoss),
          lambda: fmt(result.lambdaMax),
          w1: fmtWidth(result.width[0]),
          w2: fmtWidth(result.width[1]),
        })}
      </p>
      {onRace !== undefined && (
        <button
          type="button"
          data-testid={`lab-landscape-race-${key}`}
          disabled={!sendable}
          title={
            sendable ? undefined : t('lab.landscape.raceUnavailable', { epochs: MAX_NET_SURFACE_EPOCHS })
          }
          onClick={() =>
            data !== null &&
            onRace({ net: structuredClone(net), seed: labSeed, data, center: 'trained', directions: seed })
          }
        >
          {t('lab.landscape.race')}
        </button>
      )}
      {path !== undefined && (
        <PlaneHonesty
          store={store}
          run={key}
          name={runName(t, mode, key, a)}
          path={path}
          view={view < 0 ? Infinity : view}
          widthPx={width}
          scale={scale}
        />
      )}
    </figure>
  )
}
