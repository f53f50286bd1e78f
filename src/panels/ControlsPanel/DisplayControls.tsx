import { useId } from 'react'
import { palettes } from '../../render/colors'
import { COLOR_PROFILE_SETTINGS, PALETTES } from '../../state/settings'
import type { ColorProfileSetting, Palette } from '../../state/settings'
import { selectColors, selectLanguage, selectPalette, selectShowArrows } from '../../state/selectors'
import { useApp, useAppStore, useT } from '../../state/useApp'

/** The colour map of the surface (the lecture's jet, or a colour-blind-safe one) and the momentum arrows. */
export function DisplayControls() {
  const t = useT()
  const store = useAppStore()
  const palette = useApp(selectPalette)
  const arrows = useApp(selectShowArrows)
  const language = useApp(selectLanguage)
  const colors = useApp(selectColors)
  const id = useId()
  return (
    <div className="controls-group">
      <label className="controls-field" htmlFor={`${id}-palette`}>
        <span className="controls-label">{t('control.palette')}</span>
        <select
          id={`${id}-palette`}
          data-testid="palette-select"
          value={palette}
          aria-describedby={`${id}-palette-help`}
          onChange={(e) => store.getState().setPalette(e.target.value as Palette)}
        >
          {PALETTES.map((p) => (
            <option key={p} value={p}>
              {t(`palette.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <p id={`${id}-palette-help`} className="controls-help">
        {palettes[palette].note[language]}
      </p>
      <label className="controls-field" htmlFor={`${id}-colors`}>
        <span className="controls-label">{t('control.colors')}</span>
        <select
          id={`${id}-colors`}
          data-testid="colors-select"
          value={colors ?? 'auto'}
          aria-describedby={`${id}-colors-help`}
          onChange={(e) =>
            store
              .getState()
              .setColors(e.target.value === 'auto' ? undefined : (e.target.value as ColorProfileSetting))
          }
        >
          <option value="auto">{t('colors.auto')}</option>
          {COLOR_PROFILE_SETTINGS.map((c) => (
            <option key={c} value={c}>
              {t(`colors.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <p id={`${id}-colors-help`} className="controls-help">
        {t('controls.colorsHelp')}
      </p>
      <label className="controls-check">
        <input
          type="checkbox"
          data-testid="arrows-toggle"
          checked={arrows}
          aria-describedby={`${id}-arrows-help`}
          onChange={(e) => store.getState().setShowArrows(e.target.checked)}
        />{' '}
        {t('control.arrows')}
      </label>
      <p id={`${id}-arrows-help`} className="controls-help">
        {t('controls.arrowsHelp')}
      </p>
    </div>
  )
}
