import { describe, expect, it } from 'vitest'
import type { DatasetError } from '../../../src/core/mlp/index'
import { datasetErrorCodes, parseDataset } from '../../../src/core/mlp/index'
import { labEn as en } from '../../../src/i18n/sections/labEn'
import { labZh as zh } from '../../../src/i18n/sections/labZh'
import { datasetProblemText } from '../../../src/state/lab/datasetMessage'

/** The DatasetProblem the worker posts for `text` (parseDataset's code, message, line and details). */
function problemOf(text: string) {
  try {
    parseDataset(text)
  } catch (e) {
    const { code, message, line, details } = e as DatasetError
    return { code, message, ...(line !== undefined && { line }), details }
  }
  throw new Error('expected a DatasetError')
}

describe('datasetProblemText', () => {
  it('has an English and a Chinese message for every DatasetError code', () => {
    for (const code of datasetErrorCodes) {
      const key = `lab.dataError.${code}`
      expect(Object.hasOwn(en, key), key).toBe(true)
      expect(Object.hasOwn(zh, key), key).toBe(true)
      const text = datasetProblemText('zh', { code, message: 'English', details: { count: 3, limit: 4 } })
      expect(text).not.toBe('English')
    }
  })

  it('translates a text over the length limit (the worker passes it to the core, which names the limit)', () => {
    const problem = problemOf('x'.repeat(32_000_001))
    expect(problem.code).toBe('too-large')
    expect(datasetProblemText('en', problem)).toBe(problem.message)
    expect(datasetProblemText('zh', problem)).toBe('文件有 32000001 个字符，上限是 32000000。')
  })

  it('translates the new CSV errors with their line and clipped values', () => {
    const duplicate = problemOf('x,x,y\n0,0,1\n')
    expect(datasetProblemText('zh', duplicate)).toBe(
      '第 1 行：表头两次用了列名 x（第 1 列和第 2 列）；每一列都需要自己的名字。',
    )
    const bad = problemOf(`x1,x2,y\n1,"${'9'.repeat(100)}"z,0\n`)
    expect(bad.code).toBe('bad-quote')
    expect(datasetProblemText('zh', bad).length).toBeLessThan(120)
  })
})
