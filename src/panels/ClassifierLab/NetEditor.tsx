import { activationIds, activationMetas } from '../../core/mlp/activations/meta'
import { lossIds, lossMetas } from '../../core/mlp/losses/meta'
import type { Regularization } from '../../core/mlp/types'
import {
  parameterCount,
  selectDataset,
  selectLanguage,
  selectMode,
  updatesPerEpoch,
} from '../../state/lab/labSelectors'
import { INIT_KINDS, LAB_LIMITS, MAX_HIDDEN, OUTPUTS } from '../../state/lab/labSettings'
import type { NetSettings } from '../../state/lab/labSettings'
import type { LabStore } from '../../state/lab/labStore'
import { CheckboxField } from '../../ui/CheckboxField'
import { NumberField } from '../../ui/NumberField'
import { SelectField } from '../../ui/SelectField'
import type { TrainRunKey } from '../../worker/protocol'
import { checkRule } from './checks'
import { useLab, useLabT } from './labHooks'
import { OptimizerFields } from './OptimizerFields'
import { ScheduleFields } from './ScheduleFields'

const REG_KINDS = ['none', 'l2', 'l1'] as const

/**
 * Every setting of one network (the core's `ClassifierConfig` minus the seed): layers, activation, output,
 * loss, optimizer and schedule, batches and epochs, regularization, dropout, batch norm, initial weights,
 * validation split and early stopping. Edits go to `updateNet`, which validates and clamps.
 */
export function NetEditor({ store, which, net }: { store: LabStore; which: TrainRunKey; net: NetSettings }) {
  const t = useLabT(store)
  const lang = useLab(store, selectLanguage)
  const mode = useLab(store, selectMode)
  const dataset = useLab(store, selectDataset)
  const update = (patch: Partial<NetSettings>): void => store.getState().updateNet(which, patch)
  const id = `lab-${which}`
  const perEpoch = updatesPerEpoch(dataset?.n ?? 300, net)
  const reg = net.regularization
  const setReg = (kind: Regularization['kind'], lambda = reg.kind === 'none' ? 0.03 : reg.lambda): void =>
    update({ regularization: kind === 'none' ? { kind } : { kind, lambda } })
  const title =
    mode === 'compare' ? t(which === 'a' ? 'lab.net.titleA' : 'lab.net.titleB') : t('lab.net.title')

  return (
    <details className="lab-net" open data-testid={`${id}-editor`}>
      <summary>
        {title}{' '}
        <span className="lab-help">
          {t('lab.net.architecture', {
            layers: [2, ...net.hidden, 1].join('-'),
            n: parameterCount(net.hidden, net.batchNorm),
          })}
        </span>
      </summary>
      <fieldset>
        <legend>{t('lab.net.layers')}</legend>
        <div className="lab-fields">
          {net.hidden.map((units, i) => (
            <label className="lab-field" key={i}>
              <span>{t('lab.net.units', { n: i + 1 })}</span>
              <NumberField
                value={units}
                inputMode="numeric"
                check={checkRule(t, LAB_LIMITS.units)}
                onCommit={(v) => update({ hidden: net.hidden.map((u, j) => (j === i ? v : u)) })}
                testId={`${id}-units-${i}`}
              />
            </label>
          ))}
          <div className="lab-buttons">
            <button
              type="button"
              disabled={net.hidden.length >= MAX_HIDDEN}
              onClick={() => update({ hidden: [...net.hidden, net.hidden[net.hidden.length - 1]] })}
            >
              {t('lab.net.addLayer')}
            </button>
            <button
              type="button"
              disabled={net.hidden.length <= 1}
              onClick={() => update({ hidden: net.hidden.slice(0, -1) })}
            >
              {t('lab.net.removeLayer')}
            </button>
          </div>
          <SelectField
            label={t('lab.net.activation')}
            value={net.activation}
            options={activationIds.map((a) => ({ value: a, label: activationMetas[a].label[lang] }))}
            onChange={(activation) => update({ activation })}
          />
          <SelectField
            label={t('lab.net.output')}
            value={net.output}
            options={OUTPUTS.map((o) => ({ value: o, label: t(`lab.net.output.${o}`) }))}
            onChange={(output) => update({ output })}
          />
          <SelectField
            label={t('lab.net.loss')}
            value={net.loss}
            options={lossIds.map((l) => ({ value: l, label: lossMetas[l].label[lang] }))}
            onChange={(loss) => update({ loss })}
          />
          <SelectField
            label={t('lab.net.init')}
            value={net.init}
            options={INIT_KINDS.map((k) => ({ value: k, label: t(`lab.net.init.${k}`) }))}
            onChange={(init) => update({ init })}
          />
          <CheckboxField
            label={t('lab.net.batchNorm')}
            checked={net.batchNorm}
            onChange={(batchNorm) => update({ batchNorm })}
          />
          <label className="lab-field">
            <span>{t('lab.net.dropout')}</span>
            <NumberField
              value={net.dropout}
              inputMode="decimal"
              check={checkRule(t, LAB_LIMITS.dropout)}
              onCommit={(dropout) => update({ dropout })}
            />
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('lab.net.optimizer')}</legend>
        <div className="lab-fields">
          <OptimizerFields
            t={t}
            lang={lang}
            value={net.optimizer}
            onChange={(optimizer) => update({ optimizer })}
            idPrefix={id}
          />
          <ScheduleFields
            t={t}
            lang={lang}
            value={net.schedule}
            onChange={(schedule) => update({ schedule })}
            updatesPerEpoch={perEpoch}
            totalUpdates={perEpoch * net.epochs}
          />
          <label className="lab-field">
            <span>{t('lab.net.batchSize')}</span>
            <NumberField
              value={net.batchSize}
              inputMode="numeric"
              check={checkRule(t, LAB_LIMITS.batchSize)}
              onCommit={(batchSize) => update({ batchSize })}
              testId={`${id}-batch`}
            />
          </label>
          <label className="lab-field">
            <span>{t('lab.net.epochs')}</span>
            <NumberField
              value={net.epochs}
              inputMode="numeric"
              check={checkRule(t, LAB_LIMITS.epochs)}
              onCommit={(epochs) => update({ epochs })}
              testId={`${id}-epochs`}
            />
          </label>
          <CheckboxField
            label={t('lab.net.shuffle')}
            checked={net.shuffle}
            onChange={(shuffle) => update({ shuffle })}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('lab.net.regularization')}</legend>
        <div className="lab-fields">
          <SelectField
            label={t('lab.net.regularization')}
            value={reg.kind}
            options={REG_KINDS.map((k) => ({ value: k, label: t(`lab.net.reg.${k}`) }))}
            onChange={(kind) => setReg(kind)}
            testId={`${id}-reg`}
          />
          {reg.kind !== 'none' && (
            <label className="lab-field">
              <span>{t('lab.net.lambda')}</span>
              <NumberField
                value={reg.lambda}
                inputMode="decimal"
                check={checkRule(t, LAB_LIMITS.lambda)}
                onCommit={(lambda) => setReg(reg.kind, lambda)}
                testId={`${id}-lambda`}
              />
            </label>
          )}
        </div>
        <p className="lab-help">{t(`lab.net.regFormula.${reg.kind}`)}</p>
        {mode === 'regularization' && <p className="lab-help">{t('lab.net.regOnRight')}</p>}
        <div className="lab-fields">
          <label className="lab-field">
            <span>{t('lab.net.validationSplit')}</span>
            <NumberField
              value={net.validationSplit}
              inputMode="decimal"
              check={checkRule(t, LAB_LIMITS.validationSplit)}
              onCommit={(validationSplit) => update({ validationSplit })}
            />
          </label>
          <label className="lab-field">
            <span>{t('lab.net.patience')}</span>
            <NumberField
              value={net.patience}
              inputMode="numeric"
              check={checkRule(t, LAB_LIMITS.patience)}
              onCommit={(patience) => update({ patience })}
              disabled={net.validationSplit === 0}
              placeholder={t('lab.off')}
            />
          </label>
        </div>
        {net.validationSplit === 0 && <p className="lab-help">{t('lab.net.patienceNeedsSplit')}</p>}
      </fieldset>
    </details>
  )
}
