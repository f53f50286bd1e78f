import { MAX_RACERS } from '../../state/limits'
import {
  selectCanAddRacer,
  selectCanRemoveRacer,
  selectRacers,
  selectSelectedRacerId,
} from '../../state/selectors'
import { useApp, useAppStore, useT } from '../../state/useApp'
import { RacerEditor } from './RacerEditor'

/** The racers in legend order, each with its editor, and the button that adds one (up to six). */
export function RacersEditor() {
  const t = useT()
  const store = useAppStore()
  const racers = useApp(selectRacers)
  const selected = useApp(selectSelectedRacerId)
  const canAdd = useApp(selectCanAddRacer)
  const canRemove = useApp(selectCanRemoveRacer)
  return (
    <div className="controls-group">
      <p className="controls-help">{t('tooltip.convention')}</p>
      <ol className="racers-list">
        {racers.map((racer, i) => (
          <li key={racer.id}>
            <RacerEditor
              racer={racer}
              index={i}
              selected={racer.id === selected}
              canRemove={canRemove}
              canAdd={canAdd}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="racers-add"
        data-testid="add-racer"
        disabled={!canAdd}
        onClick={() => store.getState().addRacer()}
      >
        + {t('button.addRacer')}
      </button>
      {!canAdd && <p className="controls-help">{t('tooltip.racersFull', { max: MAX_RACERS })}</p>}
    </div>
  )
}
