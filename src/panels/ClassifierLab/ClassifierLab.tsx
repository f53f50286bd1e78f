import { useEffect } from 'react'
import {
  selectLanguage,
  selectMode,
  selectNetA,
  selectNetB,
  selectShownSource,
} from '../../state/lab/labSelectors'
import type { LabMode } from '../../state/lab/labSettings'
import type { LabStore } from '../../state/lab/labStore'
import { SegmentedControl } from '../../ui/SegmentedControl'
import { BoundaryView } from './BoundaryView'
import { ComparisonTable } from './ComparisonTable'
import { DataPanel } from './DataPanel'
import { HessianSpectrum } from './HessianSpectrum'
import { InterpolationChart } from './InterpolationChart'
import { LossLandscapes } from './LossLandscapes'
import type { NetSurfaceSettings } from '../../state/netSurfaceSettings'
import { useLab, useLabT } from './labHooks'
import { LabNotices } from './LabNotices'
import { LabWorkerNotice } from './LabWorkerNotice'
import { dataTitle } from './labText'
import { LabTransport } from './LabTransport'
import { NetEditor } from './NetEditor'
import { TrainingCurves } from './TrainingCurves'
import './ClassifierLab.css'

export interface ClassifierLabProps {
  /** The lab's store (`createLabStore(client.train)` in main.tsx). */
  store: LabStore
  /** Opens the playground on a network's loss slice (#12); absent (an embed), no button. */
  onRaceOnSlice?: (net: NetSurfaceSettings) => void
}

/**
 * The dot.csv classifier lab (docs/lectures.md S11): two decision boundaries trained in lockstep in the worker,
 * without and with regularization (or any two networks), their training curves, the data, every setting,
 * the optimizer comparison table and the Hessian's minimum ratio. Loads its data when first shown.
 */
export function ClassifierLab({ store, onRaceOnSlice }: ClassifierLabProps) {
  const t = useLabT(store)
  const mode = useLab(store, selectMode)
  const a = useLab(store, selectNetA)
  const b = useLab(store, selectNetB)
  // The data on screen (a link's file is named once the vault answered), else the one being loaded.
  const source = useLab(store, selectShownSource)
  const lang = useLab(store, selectLanguage)
  useEffect(() => store.getState().activate(), [store])
  return (
    <div className="lab" data-testid="classifier-lab">
      <header className="lab-header">
        <h2 data-testid="lab-title">{t('lab.titleOf', { data: dataTitle(t, lang, source) })}</h2>
        <SegmentedControl<LabMode>
          label={t('lab.mode.label')}
          value={mode}
          options={[
            { value: 'regularization', label: t('lab.mode.regularization') },
            { value: 'compare', label: t('lab.mode.compare') },
          ]}
          onChange={(m) => store.getState().setMode(m)}
          testId="lab-mode"
        />
      </header>
      {mode === 'regularization' && <p className="lab-intro">{t('lab.intro')}</p>}
      <LabNotices store={store} />
      <LabWorkerNotice store={store} />
      <LabTransport store={store} />
      <div className="lab-views">
        <BoundaryView store={store} run="a" />
        <BoundaryView store={store} run="b" />
      </div>
      <p className="lab-help">
        {t('lab.view.legend')} {mode === 'regularization' && t('lab.view.sameStart')}
      </p>
      <LossLandscapes store={store} onRace={onRaceOnSlice} />
      <InterpolationChart store={store} />
      <TrainingCurves store={store} />
      <div className="lab-columns">
        <NetEditor store={store} which="a" net={a} />
        {mode === 'compare' && <NetEditor store={store} which="b" net={b} />}
        <DataPanel store={store} />
      </div>
      <ComparisonTable store={store} />
      <HessianSpectrum store={store} />
    </div>
  )
}
