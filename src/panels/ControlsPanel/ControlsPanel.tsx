import { useId, useState } from 'react'
import { MAX_RACERS } from '../../state/limits'
import { selectRacers } from '../../state/selectors'
import { useApp, useT } from '../../state/useApp'
import { DisplayControls } from './DisplayControls'
import { NoiseControls } from './NoiseControls'
import { RacersEditor } from './RacersEditor'
import { SharedSchedule } from './SharedSchedule'
import { SurfaceControls } from './SurfaceControls'
import './ControlsPanel.css'

/** Wide screens open the racers section at first; on a phone every section but the surface starts closed. */
function isWideScreen(): boolean {
  return typeof matchMedia !== 'function' || matchMedia('(min-width: 861px)').matches
}

/**
 * Everything a student sets for a race: the surface and start point, up to six optimizers with their
 * conventions and hyper-parameters, the shared learning-rate schedule, gradient noise, and the display. Each
 * group is a `<details>` so the panel stays short on a phone. Edits go straight to the store, which restarts
 * the race when the math changed (sliders debounce their drags, fields commit on Enter/blur).
 */
export function ControlsPanel() {
  const t = useT()
  const racers = useApp(selectRacers)
  const [wide] = useState(isWideScreen)
  const titleId = useId()
  return (
    <section className="panel controls-panel" data-testid="controls-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('panel.controls')}</h2>
      <details className="controls-section" open>
        <summary>{t('controls.section.surface')}</summary>
        <SurfaceControls />
      </details>
      <details className="controls-section" open={wide}>
        <summary>
          {t('panel.racers')}{' '}
          <span className="controls-count">
            {racers.length}/{MAX_RACERS}
          </span>
        </summary>
        <RacersEditor />
      </details>
      <details className="controls-section">
        <summary>{t('panel.schedule')}</summary>
        <SharedSchedule />
      </details>
      <details className="controls-section">
        <summary>{t('control.noise')}</summary>
        <NoiseControls />
      </details>
      <details className="controls-section">
        <summary>{t('controls.section.display')}</summary>
        <DisplayControls />
      </details>
    </section>
  )
}
