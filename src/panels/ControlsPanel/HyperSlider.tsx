import { formatValue } from '../../render/texLabel'
import { texToUnicode } from '../../render/texLabel'
import { SliderField } from '../../ui/SliderField'
import { Tex } from '../../ui/Tex'
import type { HyperControl, Translate } from './controlsModel'
import { numberCheck } from './controlsModel'
import type { Language } from '../../i18n/translate'

export interface HyperSliderProps {
  control: HyperControl
  racerId: string
  language: Language
  t: Translate
  onCommit(value: number): void
  /** Back to the convention's default (the key is removed from the spec). */
  onReset(): void
}

/**
 * One hyper-parameter of a racer: the registry's slider (log for η and ε) and an exact field, labelled with
 * the registry's name and the convention's symbol (λ, α, β, β₁, β₂, ε, s₀, λ_wd), with its default.
 */
export function HyperSlider({ control, racerId, language, t, onCommit, onReset }: HyperSliderProps) {
  const { spec, key, value } = control
  const symbol = texToUnicode(spec.tex)
  const name = spec.name[language]
  const ids = key === 'lr' ? ['racer-lr', 'racer-lr-slider'] : [`racer-${key}`, `racer-${key}-slider`]
  const fmt = (v: number) => formatValue(v, 4)
  return (
    <SliderField
      label={
        <>
          {name} <Tex tex={spec.tex} fallback={symbol} />
        </>
      }
      sliderLabel={key === 'lr' ? t('controls.lrSlider', { name, symbol }) : `${name} ${symbol}`}
      fieldLabel={`${name} ${symbol}`}
      scale={spec}
      value={value}
      onCommit={onCommit}
      check={numberCheck(t, control.rule, value)}
      formatValue={fmt}
      inputMode={spec.scale === 'log' ? 'text' : 'decimal'}
      testId={`${ids[0]}-${racerId}`}
      sliderTestId={`${ids[1]}-${racerId}`}
      hint={
        <>
          {t('param.default', { value: fmt(spec.default) })}
          {key !== 'lr' && !control.isDefault && value !== spec.default && (
            <>
              {' '}
              <button
                type="button"
                className="controls-link"
                data-testid={`racer-${key}-reset-${racerId}`}
                onClick={onReset}
              >
                {t('controls.resetDefault')}
              </button>
            </>
          )}
        </>
      }
    />
  )
}
