import { useMemo } from 'react'
import { datasetKinds } from '../../core/mlp/datasetKinds.meta'
import type { DatasetKind } from '../../core/mlp/types'
import { dataProblemText } from '../../state/lab/datasetMessage'
import { selectData, selectDataSource, selectLanguage } from '../../state/lab/labSelectors'
import { DATASET_SHAPES, LAB_LIMITS } from '../../state/lab/labSettings'
import type { LabDataSource } from '../../state/lab/labSettings'
import type { LabStore } from '../../state/lab/labStore'
import { FileDropZone } from '../../ui/FileDropZone'
import { NumberField } from '../../ui/NumberField'
import { SelectField } from '../../ui/SelectField'
import { checkRule } from './checks'
import { useLab, useLabT } from './labHooks'
import { LabShare } from './LabShare'
import { dataTitle } from './labText'

type SourceChoice = 'dot' | 'file' | DatasetKind

/** A generated set's defaults: 300 points like dot.csv, a little noise, seed 1. */
const GENERATED_DEFAULTS = { n: 300, noise: 0.1, seed: 1 }

/**
 * Where the data comes from: dot.csv, a seeded synthetic set (with its size, noise and seed), or the
 * student's own CSV (picked or dropped, its size checked before `File.text()`, parsed in the worker, kept in
 * this browser under its hash). A lab export dropped here restores data and settings. A refused file shows
 * the reason (the parser's, with its line number); the current data stays.
 */
export function DataPanel({ store }: { store: LabStore }) {
  const t = useLabT(store)
  const lang = useLab(store, selectLanguage)
  const data = useLab(store, selectData)
  const source = useLab(store, selectDataSource)
  const { setDataSource, openFile, dismissProblem } = store.getState()
  const counts = useMemo(() => {
    const d = data.dataset
    if (d === null) return null
    let ones = 0
    for (let i = 0; i < d.n; i++) if (d.y[i] >= 0.5) ones++
    return { n: d.n, ones, zeros: d.n - ones }
  }, [data.dataset])

  const choice: SourceChoice = source.kind === 'generated' ? source.shape : source.kind
  const options = [
    { value: 'dot' as SourceChoice, label: t('lab.data.dot') },
    ...DATASET_SHAPES.map((shape) => ({
      value: shape as SourceChoice,
      label: datasetKinds[shape].label[lang],
    })),
    ...(source.kind === 'file'
      ? [{ value: 'file' as SourceChoice, label: t('lab.data.file', { name: dataTitle(t, lang, source) }) }]
      : []),
  ]
  const choose = (value: SourceChoice): void => {
    if (value === 'file') return
    if (value === 'dot') setDataSource({ kind: 'dot' })
    else {
      const { n, noise, seed } = source.kind === 'generated' ? source : GENERATED_DEFAULTS
      setDataSource({ kind: 'generated', shape: value, n, noise, seed })
    }
  }
  const edit = (patch: Partial<Extract<LabDataSource, { kind: 'generated' }>>): void => {
    if (source.kind === 'generated') setDataSource({ ...source, ...patch })
  }
  const problem = data.problem === null ? null : dataProblemText(lang, data.problem)

  return (
    <section className="lab-section" aria-labelledby="lab-data-title">
      <h3 id="lab-data-title">{t('lab.data.title')}</h3>
      <div className="lab-fields">
        <SelectField
          label={t('lab.data.source')}
          value={choice}
          options={options}
          onChange={choose}
          testId="lab-source"
        />
        {source.kind === 'generated' && (
          <>
            <label className="lab-field">
              <span>{t('lab.data.n')}</span>
              <NumberField
                value={source.n}
                inputMode="numeric"
                check={checkRule(t, LAB_LIMITS.rows)}
                onCommit={(n) => edit({ n })}
              />
            </label>
            <label className="lab-field">
              <span>{t('lab.data.noise')}</span>
              <NumberField
                value={source.noise}
                inputMode="decimal"
                check={checkRule(t, LAB_LIMITS.noise)}
                onCommit={(noise) => edit({ noise })}
              />
            </label>
            <label className="lab-field">
              <span>{t('lab.data.seed')}</span>
              <NumberField
                value={source.seed}
                inputMode="numeric"
                check={checkRule(t, LAB_LIMITS.seed)}
                onCommit={(seed) => edit({ seed })}
              />
            </label>
          </>
        )}
      </div>
      <FileDropZone
        buttonLabel={t('lab.data.open')}
        hint={t('lab.data.drop')}
        accept=".csv,.tsv,.txt,.json,text/csv,text/plain,application/json"
        onFile={(file) => void openFile(file)}
        testId="lab-drop"
      />
      <p className="lab-data-summary" aria-live="polite">
        {data.status === 'loading'
          ? t('lab.data.loading')
          : counts !== null
            ? t('lab.data.rows', counts)
            : ''}
      </p>
      {problem !== null && (
        <div className="lab-problem" role="alert" data-testid="lab-data-problem">
          <p>{problem.title}</p>
          {problem.detail !== undefined && <p className="lab-problem-detail">{problem.detail}</p>}
          <button type="button" onClick={dismissProblem}>
            {t('lab.dismiss')}
          </button>
        </div>
      )}
      <LabShare store={store} />
    </section>
  )
}
