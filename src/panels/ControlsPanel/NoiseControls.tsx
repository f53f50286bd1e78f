import { useId } from 'react'
import { formatValue } from '../../render/texLabel'
import { LIMITS } from '../../state/limits'
import { selectNoise } from '../../state/selectors'
import { useApp, useAppStore, useT } from '../../state/useApp'
import { NumberField } from '../../ui/NumberField'
import { SliderField } from '../../ui/SliderField'
import { numberCheck } from './controlsModel'

/** The std slider's range: 0 (off) to 5, enough to shake any lecture surface; the field accepts up to 1000. */
const STD_SCALE = { min: 0, max: 5, step: 0.05, scale: 'linear' } as const

/**
 * Gaussian gradient noise g ← g + std·N(0, I) (a small batch's jitter, docs/lectures.md S1 and S6): the std, the seed
 * that makes it replayable, and the optional linear annealing of std to 0.
 */
export function NoiseControls() {
  const t = useT()
  const store = useAppStore()
  const noise = useApp(selectNoise)
  const id = useId()
  const setNoise = store.getState().setNoise
  return (
    <div className="controls-group">
      <p className="controls-help" data-testid="noise-simulated">
        {t('control.noiseSimulated')}
      </p>
      <SliderField
        label={t('control.noiseStd')}
        sliderLabel={t('control.noiseStd')}
        fieldLabel={t('control.noiseStd')}
        scale={STD_SCALE}
        value={noise.std}
        onCommit={(std) => setNoise({ std })}
        check={numberCheck(t, LIMITS.noiseStd, noise.std)}
        formatValue={(v) => formatValue(v, 4)}
        inputMode="decimal"
        sliderTestId="noise-std"
        testId="noise-std-value"
        help={noise.std === 0 ? t('controls.noiseOff') : t('tooltip.noise')}
      />
      <div className="controls-row">
        <label className="controls-field" htmlFor={`${id}-seed`}>
          <span className="controls-label">{t('control.seed')}</span>
          <NumberField
            id={`${id}-seed`}
            value={noise.seed}
            check={numberCheck(t, LIMITS.seed, noise.seed)}
            onCommit={(seed) => setNoise({ seed })}
            inputMode="numeric"
            testId="noise-seed"
            describedBy={`${id}-seed-help`}
          />
        </label>
        <button
          type="button"
          data-testid="noise-new-seed"
          onClick={() => setNoise({ seed: Math.floor(Math.random() * 0x1_0000_0000) })}
        >
          {t('controls.newSeed')}
        </button>
      </div>
      <p id={`${id}-seed-help`} className="controls-help">
        {t('tooltip.seed')}
      </p>
      <label className="controls-field" htmlFor={`${id}-anneal`}>
        <span className="controls-label">{t('control.anneal')}</span>
        <span className="controls-inline">
          <NumberField
            id={`${id}-anneal`}
            value={noise.annealSteps}
            check={numberCheck(t, LIMITS.annealSteps, noise.annealSteps)}
            onCommit={(annealSteps) => setNoise({ annealSteps })}
            onClear={() => setNoise({ annealSteps: undefined })}
            inputMode="numeric"
            placeholder={t('controls.annealOff')}
            testId="noise-anneal"
            describedBy={`${id}-anneal-help`}
          />
          <span>{t('controls.stepsUnit')}</span>
        </span>
      </label>
      <p id={`${id}-anneal-help`} className="controls-help">
        {t('controls.annealHelp')}
      </p>
    </div>
  )
}
