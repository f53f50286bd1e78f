import { selectRacers, selectSchedule } from '../../state/selectors'
import { useApp, useAppStore, useT } from '../../state/useApp'
import { ScheduleEditor } from './ScheduleEditor'

/** The schedule η_t of every racer that has none of its own. */
export function SharedSchedule() {
  const t = useT()
  const store = useAppStore()
  const schedule = useApp(selectSchedule)
  const racers = useApp(selectRacers)
  const own = racers.filter((r) => r.schedule !== null).length
  return (
    <div className="controls-group">
      <ScheduleEditor
        value={schedule}
        onChange={(s) => store.getState().setSchedule(s)}
        kindTestId="schedule-kind"
      />
      {own > 0 && <p className="controls-help">{t('controls.scheduleOverridden', { n: own })}</p>}
    </div>
  )
}
