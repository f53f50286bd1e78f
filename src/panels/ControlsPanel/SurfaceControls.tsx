import { useId } from 'react'
import { findSurfaceMeta } from '../../core/surfaces/meta'
import { texToUnicode } from '../../render/texLabel'
import { LIMITS } from '../../state/limits'
import { selectCatalog, selectLanguage, selectStart, selectSurfaceId } from '../../state/selectors'
import { useApp, useAppStore, useT } from '../../state/useApp'
import { NumberField } from '../../ui/NumberField'
import { Tex } from '../../ui/Tex'
import { numberCheck } from './controlsModel'

/**
 * The surface picker (registry names in the current language, the surface's one-line story and formula) and
 * the start point θ⁰, typed exactly (Enter or blur commits; a bad entry is refused with a message).
 */
export function SurfaceControls() {
  const t = useT()
  const store = useAppStore()
  const catalog = useApp(selectCatalog)
  const surfaceId = useApp(selectSurfaceId)
  const language = useApp(selectLanguage)
  const start = useApp(selectStart)
  const id = useId()
  const info = findSurfaceMeta(surfaceId)
  const axes = (info?.axes ?? ['w_1', 'w_2']).map(texToUnicode)
  const setCoordinate = (i: 0 | 1) => (v: number) => {
    const next: [number, number] = [...store.getState().settings.start]
    next[i] = v
    store.getState().setStart(next)
  }
  const resetStart = () => {
    const s = catalog.get(store.getState().settings.surfaceId)
    if (s !== undefined) store.getState().setStart([s.start[0], s.start[1]])
  }

  return (
    <div className="controls-group">
      <label className="controls-field" htmlFor={`${id}-surface`}>
        <span className="controls-label">{t('control.surface')}</span>
        <select
          id={`${id}-surface`}
          data-testid="surface-select"
          value={surfaceId}
          onChange={(e) => store.getState().setSurface(e.target.value)}
        >
          {catalog.ids.map((sid) => (
            <option key={sid} value={sid}>
              {catalog.get(sid)!.name[language]}
            </option>
          ))}
        </select>
      </label>
      {info !== undefined && (
        <>
          <p className="controls-help" data-testid="surface-description">
            {info.description[language]}
          </p>
          <Tex tex={info.formula} display />
        </>
      )}
      <fieldset className="controls-start">
        <legend>{t('control.start')} θ⁰</legend>
        {([0, 1] as const).map((i) => (
          <label key={i} className="controls-inline">
            <span className="controls-axis">{axes[i]}</span>
            <NumberField
              value={start[i]}
              check={numberCheck(t, LIMITS.coordinate, start[i])}
              onCommit={setCoordinate(i)}
              label={t('controls.startAxis', { axis: axes[i] })}
              testId={i === 0 ? 'start-x' : 'start-y'}
              describedBy={`${id}-start-help`}
            />
          </label>
        ))}
        <button type="button" onClick={resetStart}>
          {t('controls.startDefault')}
        </button>
        <p id={`${id}-start-help`} className="controls-help">
          {t('controls.startHelp')}
        </p>
      </fieldset>
    </div>
  )
}
