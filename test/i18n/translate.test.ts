import { describe, expect, it } from 'vitest'
import { conventions, optimizerKinds } from '../../src/core/optimizers'
import { scheduleKinds } from '../../src/core/schedules'
import { en as enCore } from '../../src/i18n/en'
import type { MessageKey } from '../../src/i18n/en'
import { labEn } from '../../src/i18n/sections/labEn'
import { labZh } from '../../src/i18n/sections/labZh'
import { detectLanguage, translate } from '../../src/i18n/translate'
import { zh as zhCore } from '../../src/i18n/zh'
import { PALETTES } from '../../src/state/settings'
import { SCHEDULE_RULES } from '../../src/state/scheduleRules'
import { translateNotice } from '../../src/state/url/notices'

// Every string the app has: the core's and the lab's section (loaded with the lab).
const en: Record<MessageKey, string> = { ...enCore, ...labEn }
const zh: Record<MessageKey, string> = { ...zhCore, ...labZh }
const keys = Object.keys(en) as MessageKey[]
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('i18n', () => {
  it('zh has exactly the keys of en, the core and the lab section each', () => {
    expect(Object.keys(zhCore).sort()).toEqual(Object.keys(enCore).sort())
    expect(Object.keys(labZh).sort()).toEqual(Object.keys(labEn).sort())
  })

  it("the lab's section holds exactly the lab.* keys, so the first screen carries none of them", () => {
    expect(Object.keys(labEn).every((k) => k.startsWith('lab.'))).toBe(true)
    expect(Object.keys(enCore).filter((k) => k.startsWith('lab.'))).toEqual([])
  })

  it('every zh string uses the same {placeholders} as its en string', () => {
    for (const key of keys) expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]))
  })

  it('no string is empty or contains markup', () => {
    for (const dict of [en, zh])
      for (const [key, text] of Object.entries(dict)) {
        expect(text.trim(), key).not.toBe('')
        expect(text, key).not.toMatch(/<[a-z/!]/i)
      }
  })

  it('zh strings are Chinese wherever en is more than a proper name or a formula', () => {
    const untranslated = keys.filter((k) => zh[k] === en[k])
    expect(untranslated.sort()).toEqual(
      [
        'language.en',
        'language.zh',
        'axis.sigma',
        'status.loss',
        'status.gradNorm',
        'optimizer.adagrad',
        'optimizer.rmsprop',
        'optimizer.adam',
        'optimizer.adamw',
        'convention.pytorch',
        'convention.tensorflow',
        'palette.viridis',
      ].sort(),
    )
  })

  it("zh uses the lecture glossary's terms (docs/lectures.md §3)", () => {
    const glossary: [MessageKey, string][] = [
      ['panel.surface', '误差表面'],
      ['point.saddle', '鞍点'],
      ['hessian.matrix', '海森矩阵'],
      ['param.lr', '学习率'],
      ['optimizer.momentum', '动量'],
      ['hessian.eigenvalues', '特征值'],
      ['hessian.eigenvector', '特征向量'],
      ['chart.minimumRatio', '最小值比例'],
      ['point.critical', '临界点'],
      ['point.localMinimum', '局部极小值'],
      ['chart.gradNorm', '梯度范数'],
      ['term.epoch', '回合'],
      ['term.batch', '批量'],
      ['term.warmup', '预热'],
      ['panel.schedule', '学习率调度'],
      ['term.lrDecay', '学习率衰减'],
      ['term.hyperparameter', '超参数'],
      ['control.optimizer', '优化器'],
      ['classifier.lossMse', '均方误差'],
      ['classifier.lossCrossEntropy', '交叉熵'],
      ['classifier.batchNorm', '批量归一化'],
      ['classifier.overfitting', '过拟合'],
      ['param.weightDecay', '权重衰减'],
      ['panel.decisionBoundary', '决策边界'],
      ['term.oscillate', '震荡'],
      ['term.converge', '收敛'],
      ['term.diverge', '发散'],
      ['hessian.positiveDefinite', '正定'],
      ['hessian.negativeDefinite', '负定'],
      ['hessian.taylor', '泰勒级数近似'],
      ['term.sigma', '均方根'],
      ['term.adaptiveLearningRate', '自适应学习率'],
      ['term.lossFunction', '损失函数'],
    ]
    for (const [key, term] of glossary) expect(zh[key], key).toContain(term)
  })

  it('every optimizer kind, convention, schedule kind, schedule field and palette has a name in both languages', () => {
    const needed = [
      ...optimizerKinds.map((k) => `optimizer.${k}`),
      ...conventions.map((c) => `convention.${c}`),
      ...scheduleKinds.map((k) => `schedule.${k}`),
      ...Object.values(SCHEDULE_RULES).flatMap((r) => r.fields.map((f) => `scheduleParam.${f.name}`)),
      ...PALETTES.map((p) => `palette.${p}`),
      ...['lr', 'momentum', 'rho', 'beta1', 'beta2', 'eps', 'initialAccumulator', 'weightDecay'].map(
        (p) => `param.${p}`,
      ),
    ]
    for (const key of needed) expect(keys, key).toContain(key)
  })

  it("translate(lang, 'status.diverged', {n}) fills the step into the sentence", () => {
    expect(translate('en', 'status.diverged', { n: 42 })).toBe('Diverged at step 42')
    expect(translate('zh', 'status.diverged', { n: 42 })).toBe('在第 42 步发散')
  })

  it('translate fills every placeholder, leaves a missing one visible and inserts values as plain text', () => {
    expect(translate('en', 'status.step', { step: 3, total: 500 })).toBe('Step 3 of 500')
    expect(translate('en', 'status.step', { step: 3 })).toBe('Step 3 of {total}')
    expect(translate('en', 'status.loss', { value: '<b>1</b>' })).toBe('L = <b>1</b>')
    expect(translate('en', 'status.loss', { value: '{value}' })).toBe('L = {value}')
    expect(translate('zh', 'button.play')).toBe('播放')
  })

  it('translate ignores inherited properties of params and of the dictionaries', () => {
    expect(translate('en', 'status.loss', Object.create({ value: 1 }))).toBe('L = {value}')
    expect(translate('en', 'constructor' as MessageKey)).toBe('constructor')
    expect(translate('en', 'status.loss', { constructor: 1 })).toBe('L = {value}')
  })

  it('translateNotice puts the URL key into the sentence', () => {
    expect(translateNotice('en', { key: 'steps', message: 'notice.invalidValue' })).toBe(
      "The link's value for “steps” is not valid; the default is used.",
    )
    expect(translateNotice('zh', { key: 'r', message: 'notice.tooManyRacers', params: { max: 6 } })).toBe(
      '链接中的优化器超过 6 个，只有前 6 个参加比赛。',
    )
  })

  it('detectLanguage gives zh for Chinese in any region or script, else en', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-TW', 'zh-HK', 'zh-Hans', 'zh-Hant-TW', 'zh_CN', 'ZH-cn'])
      expect(detectLanguage([tag]), tag).toBe('zh')
    for (const tag of ['en', 'en-US', 'fr', 'ja', 'zha', 'zu', ''])
      expect(detectLanguage([tag]), tag).toBe('en')
    expect(detectLanguage([])).toBe('en')
  })

  it("detectLanguage follows the browser's order of preference", () => {
    expect(detectLanguage(['en-US', 'zh-CN'])).toBe('en')
    expect(detectLanguage(['fr-FR', 'zh-TW', 'en'])).toBe('zh')
    expect(detectLanguage(['de', 'ja'])).toBe('en')
  })
})
