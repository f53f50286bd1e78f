import {
  selectData,
  selectEpoch,
  selectPace,
  selectRecordStride,
  selectRunStatus,
  selectSeed,
  selectView,
} from '../../state/lab/labSelectors'
import { LAB_LIMITS } from '../../state/lab/labSettings'
import type { LabStore } from '../../state/lab/labStore'
import { NumberField } from '../../ui/NumberField'
import { checkRule } from './checks'
import { useLab, useLabT } from './labHooks'

/** The speeds offered, epochs per second; null = as fast as possible. */
const PACES: readonly (number | null)[] = [5, 15, 60, 240, 1000, null]

/**
 * Train / pause, step one epoch, reset, the run's status (announced politely), the speed (epochs per
 * second), the epoch scrubber (any trained epoch's boundaries again, from the worker's record) and the seed
 * that fixes the initial weights and the batches of both runs.
 */
export function LabTransport({ store }: { store: LabStore }) {
  const t = useLabT(store)
  const status = useLab(store, selectRunStatus)
  const epoch = useLab(store, selectEpoch)
  const seed = useLab(store, selectSeed)
  const data = useLab(store, selectData)
  const pace = useLab(store, selectPace)
  const view = useLab(store, selectView)
  const stride = useLab(store, selectRecordStride)
  const noData = data.dataset === null
  const playing = status === 'playing'
  const { train, pause, step, reset, setSeed, setPace, seek } = store.getState()
  const paces = pace === null || PACES.includes(pace) ? PACES : [...PACES.slice(0, -1), pace, null]
  return (
    <div className="lab-transport" role="toolbar" aria-label={t('lab.title')}>
      <button
        type="button"
        className="lab-primary"
        data-testid="lab-train"
        disabled={noData}
        onClick={() => (playing ? pause() : train())}
      >
        {playing ? t('lab.transport.pause') : t('lab.transport.train')}
      </button>
      <button
        type="button"
        data-testid="lab-step"
        disabled={noData || status === 'done'}
        onClick={() => step()}
      >
        {t('lab.transport.step')}
      </button>
      <button
        type="button"
        data-testid="lab-reset"
        disabled={noData || (epoch === 0 && status !== 'done')}
        onClick={() => reset()}
      >
        {t('lab.transport.reset')}
      </button>
      <span className="lab-status" role="status" aria-live="polite" data-testid="lab-status">
        {t(`lab.status.${status}`)}
      </span>
      <label className="lab-inline-field">
        <span>{t('lab.pace.label')}</span>
        <select
          data-testid="lab-pace"
          value={pace === null ? 'max' : String(pace)}
          onChange={(e) => setPace(e.target.value === 'max' ? null : Number(e.target.value))}
        >
          {paces.map((p) => (
            <option key={p ?? 'max'} value={p === null ? 'max' : String(p)}>
              {p === null ? t('lab.pace.max') : t('lab.pace.value', { n: p })}
            </option>
          ))}
        </select>
      </label>
      <label className="lab-scrubber">
        <span>{t('lab.scrub.label')}</span>
        <input
          type="range"
          data-testid="lab-scrubber"
          min={0}
          max={Math.max(epoch, 1)}
          step={1}
          value={view}
          disabled={noData || epoch === 0}
          onChange={(e) => seek(Number(e.target.value))}
        />
        <output data-testid="lab-scrub-value">
          {t('lab.scrub.value', { view, trained: epoch })}
          {stride > 1 && ` ${t('lab.scrub.stride', { stride })}`}
        </output>
      </label>
      <label className="lab-inline-field">
        <span>{t('lab.seed')}</span>
        <NumberField
          value={seed}
          inputMode="numeric"
          check={checkRule(t, LAB_LIMITS.seed)}
          onCommit={(v) => setSeed(v)}
          testId="lab-seed"
        />
      </label>
    </div>
  )
}
