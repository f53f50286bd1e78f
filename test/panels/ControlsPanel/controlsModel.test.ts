import { describe, expect, it } from 'vitest'
import { optimizerKinds, optimizers, supportedConventions } from '../../../src/core/optimizers'
import { schedules } from '../../../src/core/schedules'
import { translate } from '../../../src/i18n/translate'
import { LIMITS } from '../../../src/state/limits'
import { LR_RULE, PARAM_RULES } from '../../../src/state/optimizerRules'
import { SCHEDULE_KINDS, SCHEDULE_RULES } from '../../../src/state/scheduleRules'
import {
  formatBound,
  hyperControls,
  intervalText,
  numberCheck,
  parseMilestones,
  scheduleControls,
  scheduleSliderMax,
  scheduleValue,
  withScheduleField,
} from '../../../src/panels/ControlsPanel/controlsModel'

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('en', key, params)
const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('zh', key, params)

describe('intervalText', () => {
  it('intervalText(rule) writes the store rules in interval notation with readable bounds', () => {
    expect(intervalText(LR_RULE.rule)).toBe('(0, 10⁴]')
    expect(intervalText(PARAM_RULES.momentum.rule)).toBe('[0, 1)')
    expect(intervalText(LIMITS.coordinate)).toBe('[−10⁶, 10⁶]')
    expect(intervalText(LIMITS.seed)).toBe('[0, 4294967295]')
    expect(formatBound(0.5)).toBe('0.5')
    expect(formatBound(-3)).toBe('−3')
  })
})

describe('numberCheck', () => {
  it('numberCheck(t, rule, kept) accepts a number inside the rule and returns it (−0 as 0)', () => {
    const check = numberCheck(en, LR_RULE.rule, 0.01)
    expect(check('0.2')).toEqual({ value: 0.2 })
    expect(check('1e-7')).toEqual({ value: 1e-7 })
    expect(numberCheck(en, LIMITS.coordinate, 1)('-0')).toEqual({ value: 0 })
    expect(Object.is((numberCheck(en, LIMITS.coordinate, 1)('-0') as { value: number }).value, 0)).toBe(true)
  })

  it('numberCheck(t, rule, kept) refuses text, out-of-range values and non-integers with a message naming what stays', () => {
    const check = numberCheck(en, LR_RULE.rule, 0.01)
    expect(check('abc')).toEqual({ error: '“abc” is not a number. The value stays 0.01.' })
    expect(check('0')).toEqual({ error: 'Enter a number in (0, 10⁴]. The value stays 0.01.' })
    expect(check('-1')).toEqual({ error: 'Enter a number in (0, 10⁴]. The value stays 0.01.' })
    expect(check('20000')).toEqual({ error: 'Enter a number in (0, 10⁴]. The value stays 0.01.' })
    expect(numberCheck(en, LIMITS.seed, 7)('1.5')).toEqual({
      error: 'Enter a whole number in [0, 4294967295]. The value stays 7.',
    })
    expect(numberCheck(zh, PARAM_RULES.momentum.rule, 0.9)('1')).toEqual({
      error: '请输入 [0, 1) 范围内的数。数值保持为 0.9。',
    })
  })

  it('numberCheck(…, extra) applies a condition that involves other settings', () => {
    const check = numberCheck(en, LIMITS.annealSteps, undefined, (v) => (v > 100 ? 'too late' : null))
    expect(check('50')).toEqual({ value: 50 })
    expect(check('150')).toEqual({ error: 'too late' })
  })
})

describe('hyperControls', () => {
  it('hyperControls(spec) lists η and exactly the hyper-parameters each convention reads, with its defaults', () => {
    for (const kind of optimizerKinds)
      for (const convention of supportedConventions(kind)) {
        const rule = optimizers[kind].conventions[convention]!
        const controls = hyperControls({ kind, convention, lr: 0.123 })
        expect(
          controls.map((c) => c.key),
          `${kind}/${convention}`,
        ).toEqual(rule.hyperParams.map((p) => p.key))
        expect(controls[0]).toMatchObject({ key: 'lr', value: 0.123, rule: LR_RULE.rule, main: true })
        for (const c of controls.slice(1)) {
          expect(c.isDefault).toBe(true)
          expect(c.value).toBe(c.spec.default)
          expect(c.rule).toBe(PARAM_RULES[c.key as keyof typeof PARAM_RULES].rule)
          // Every slider range lies inside what the store accepts, so a slider never proposes a refused value.
          expect(c.spec.min >= c.rule.min && c.spec.max <= c.rule.max, `${kind}/${convention} ${c.key}`).toBe(
            true,
          )
        }
      }
  })

  it('hyperControls(spec) shows the racer’s own value, and the course’s momentum symbol is β, the lecture’s λ', () => {
    const [, lecture] = hyperControls({ kind: 'momentum', convention: 'lecture', lr: 0.05, momentum: 0.8 })
    expect(lecture).toMatchObject({ key: 'momentum', value: 0.8, isDefault: false, main: true })
    expect(lecture.spec.tex).toBe('\\lambda')
    const [, course] = hyperControls({ kind: 'momentum', convention: 'course', lr: 0.05 })
    expect(course.spec.tex).toBe('\\beta')
    const adagradTf = hyperControls({ kind: 'adagrad', convention: 'tensorflow', lr: 0.01 })
    expect(adagradTf.find((c) => c.key === 'initialAccumulator')).toMatchObject({ value: 0.1, main: false })
    expect(adagradTf.find((c) => c.key === 'eps')).toMatchObject({ value: 1e-7, main: false })
  })
})

describe('schedule controls', () => {
  it('scheduleControls(kind) follows the store’s fields, each number with the registry’s slider', () => {
    for (const kind of SCHEDULE_KINDS) {
      const controls = scheduleControls(kind)
      expect(
        controls.map((c) => c.field.name),
        kind,
      ).toEqual(SCHEDULE_RULES[kind].fields.map((f) => f.name))
      for (const c of controls) {
        if (c.field.type === 'number')
          expect(c.param, `${kind}.${c.field.name}`).toBe(
            schedules[kind].params.find((p) => p.key === c.field.name),
          )
        if (c.field.type === 'number') expect(c.param, `${kind}.${c.field.name}`).toBeDefined()
      }
    }
  })

  it('scheduleValue(spec, control) is the spec’s own value, else the registry default (cosine W = 0)', () => {
    const [total, final, warmup] = scheduleControls('cosine')
    const spec = { kind: 'cosine' as const, totalSteps: 500, final: 0.001 }
    expect(scheduleValue(spec, total)).toBe(500)
    expect(scheduleValue(spec, final)).toBe(0.001)
    expect(scheduleValue(spec, warmup)).toBe(0)
  })

  it('withScheduleField(spec, name, v) refuses a cosine warm-up that does not end before T, and the slider stops at T − 1', () => {
    const spec = { kind: 'cosine' as const, totalSteps: 500, final: 0 }
    expect(withScheduleField(spec, 'warmupSteps', 499)).toEqual({ ...spec, warmupSteps: 499 })
    expect(withScheduleField(spec, 'warmupSteps', 500)).toBeUndefined()
    expect(scheduleSliderMax(spec, scheduleControls('cosine')[2])).toBe(499)
    expect(scheduleSliderMax(spec, scheduleControls('cosine')[0])).toBe(100000)
  })

  it('parseMilestones(text) reads increasing whole numbers separated by commas or spaces, else null', () => {
    const rule = SCHEDULE_RULES.multistep.fields[0].rule
    expect(parseMilestones('100, 200', rule)).toEqual([100, 200])
    expect(parseMilestones('50，150 300', rule)).toEqual([50, 150, 300])
    expect(parseMilestones('200, 100', rule)).toBeNull()
    expect(parseMilestones('100, 100', rule)).toBeNull()
    expect(parseMilestones('1.5', rule)).toBeNull()
    expect(parseMilestones('', rule)).toBeNull()
    expect(parseMilestones('-1', rule)).toBeNull()
    expect(parseMilestones(Array.from({ length: 33 }, (_, i) => i).join(','), rule)).toBeNull()
  })
})
