import {
  conventionNames,
  defaultConvention,
  optimizerKinds,
  optimizerMeta,
  supportedConventions,
} from '../../core/meta'
import type { Convention, OptimizerKind, OptimizerSpec } from '../../core/types'
import type { Language } from '../../i18n/translate'
import { LR_RULE, PARAM_RULES } from '../../state/optimizerRules'
import type { OptimizerParam } from '../../state/optimizerRules'
import { NumberField } from '../../ui/NumberField'
import { SelectField } from '../../ui/SelectField'
import { Tex } from '../../ui/Tex'
import { checkRule } from './checks'
import type { MessageKey } from '../../i18n/en'

type T = (key: MessageKey, params?: Record<string, string | number>) => string

/** Every optimizer kind the classifier can use: all but those that need a surface's 2×2 Hessian (Newton). */
const KINDS = optimizerKinds.filter((k) => optimizerMeta[k].capabilities.twoDimensionalOnly !== true)

export interface OptimizerFieldsProps {
  t: T
  lang: Language
  value: OptimizerSpec
  onChange(next: OptimizerSpec): void
  idPrefix: string
}

/**
 * The optimizer of a network: kind, convention (only those that define the kind), η and the
 * hyper-parameters that convention reads (its defaults shown until set), with the update rule typeset from
 * the registry.
 */
export function OptimizerFields({ t, lang, value, onChange, idPrefix }: OptimizerFieldsProps) {
  const convention = value.convention ?? defaultConvention(value.kind)
  const rule = optimizerMeta[value.kind].conventions[convention]
  const params = (rule?.hyperParams ?? []).filter((p) => p.key !== 'lr')
  return (
    <>
      <SelectField
        label={t('lab.net.optimizer')}
        value={value.kind}
        options={KINDS.map((k) => ({ value: k, label: optimizerMeta[k].name[lang] }))}
        onChange={(kind: OptimizerKind) => {
          const conventions = supportedConventions(kind)
          const c = conventions.includes(convention) ? convention : defaultConvention(kind)
          onChange({ kind, convention: c, lr: value.lr })
        }}
        testId={`${idPrefix}-optimizer`}
      />
      <SelectField
        label={t('lab.net.convention')}
        value={convention}
        options={supportedConventions(value.kind).map((c) => ({ value: c, label: conventionNames[c][lang] }))}
        onChange={(c: Convention) => onChange({ kind: value.kind, convention: c, lr: value.lr })}
      />
      <label className="lab-field">
        <span>{t('lab.net.lr')}</span>
        <NumberField
          value={value.lr}
          check={checkRule(t, LR_RULE.rule)}
          onCommit={(lr) => onChange({ ...value, lr })}
          testId={`${idPrefix}-lr`}
        />
      </label>
      {params.map((p) => {
        const key = p.key as OptimizerParam
        return (
          <label className="lab-field" key={key}>
            <span>
              {p.name[lang]} <Tex tex={p.tex} />
            </span>
            <NumberField
              value={value[key] ?? p.default}
              check={checkRule(t, PARAM_RULES[key].rule)}
              onCommit={(v) => onChange({ ...value, [key]: v })}
            />
          </label>
        )
      })}
      {rule !== undefined && (
        <div className="lab-rule">
          <span className="lab-rule-title">{t('lab.net.rule')}</span>
          <Tex tex={rule.rule} display />
          {rule.note !== undefined && <p className="lab-help">{rule.note[lang]}</p>}
        </div>
      )}
    </>
  )
}
