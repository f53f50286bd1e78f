import { selectData, selectEpoch, selectRunStatus, selectSeed } from '../../state/lab/labSelectors'
import { LAB_LIMITS } from '../../state/lab/labSettings'
import type { LabStore } from '../../state/lab/labStore'
import { NumberField } from '../../ui/NumberField'
import { checkRule } from './checks'
import { useLab, useLabT } from './labHooks'

/**
 * Train / pause, step one epoch, reset, the run's status (announced politely) and the seed that fixes the
 * initial weights and the batches of both runs.
 */
export function LabTransport({ store }: { store: LabStore }) {
  const t = useLabT(store)
  const status = useLab(store, selectRunStatus)
  const epoch = useLab(store, selectEpoch)
  const seed = useLab(store, selectSeed)
  const data = useLab(store, selectData)
  const noData = data.dataset === null
  const playing = status === 'playing'
  const { train, pause, step, reset, setSeed } = store.getState()
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
