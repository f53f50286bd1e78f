import type { DatasetErrorCode } from '../../core/mlp/datasetError'
import type { DatasetProblem } from '../../worker/protocol'
import type { MessageKey } from '../../i18n/en'
import { translate } from '../../i18n/translate'
import type { Language } from '../../i18n/translate'
import type { LabExportProblem } from './labExport'
import type { DataProblem } from './labStore'

const CODE_KEYS: Readonly<Record<DatasetErrorCode, MessageKey>> = {
  empty: 'lab.dataError.empty',
  'too-large': 'lab.dataError.too-large',
  'line-too-long': 'lab.dataError.line-too-long',
  'unclosed-quote': 'lab.dataError.unclosed-quote',
  'bad-quote': 'lab.dataError.bad-quote',
  'no-header': 'lab.dataError.no-header',
  'empty-column': 'lab.dataError.empty-column',
  'duplicate-column': 'lab.dataError.duplicate-column',
  'too-few-columns': 'lab.dataError.too-few-columns',
  'missing-value': 'lab.dataError.missing-value',
  'non-numeric': 'lab.dataError.non-numeric',
  'extra-cells': 'lab.dataError.extra-cells',
  'bad-label': 'lab.dataError.bad-label',
  'too-few-rows': 'lab.dataError.too-few-rows',
  'too-many-rows': 'lab.dataError.too-many-rows',
  'one-class': 'lab.dataError.one-class',
}

const EXPORT_PROBLEM_KEYS: Readonly<Record<LabExportProblem, MessageKey>> = {
  json: 'lab.export.problem.json',
  format: 'lab.export.problem.format',
  version: 'lab.export.problem.version',
  fields: 'lab.export.problem.fields',
  size: 'lab.export.problem.size',
  hash: 'lab.export.problem.hash',
}

/**
 * Why the parser refused a file, in `lang`: English is the parser's own message ("Line 4: x2 is "abc", which
 * is not a number."); Chinese is built from its code, details and line number. Details taken from the file
 * (a column name, a cell) are inserted as plain text, for React to escape.
 */
export function datasetProblemText(lang: Language, problem: DatasetProblem): string {
  if (lang === 'en') return problem.message
  const key = Object.hasOwn(CODE_KEYS, problem.code) ? CODE_KEYS[problem.code] : undefined
  if (key === undefined) return problem.message
  const { column, value, count, limit } = problem.details
  const params: Record<string, string | number> = {}
  if (column !== undefined) params.column = column
  if (value !== undefined) params.value = value
  if (count !== undefined) params.count = count
  if (limit !== undefined) params.limit = limit
  const body = translate(lang, key, params)
  return problem.line === undefined
    ? body
    : translate(lang, 'lab.dataError.line', { line: problem.line, message: body })
}

/** The headline and, for a refused file, the parser's reason, in `lang`. */
export function dataProblemText(lang: Language, problem: DataProblem): { title: string; detail?: string } {
  switch (problem.kind) {
    case 'file':
      return {
        title: translate(lang, 'lab.data.refused', { file: problem.fileName }),
        detail: datasetProblemText(lang, problem.problem),
      }
    case 'fetch':
      return { title: translate(lang, 'lab.data.fetchFailed') }
    case 'failed':
      return { title: translate(lang, 'lab.data.failed', { message: problem.message }) }
    case 'tooLarge': {
      const mb = (bytes: number): string => (bytes / 1e6).toFixed(1)
      return {
        title: translate(lang, 'lab.data.tooLarge', {
          file: problem.fileName,
          size: mb(problem.size),
          limit: mb(problem.limit),
        }),
      }
    }
    case 'read':
      return { title: translate(lang, 'lab.data.readFailed') }
    case 'export':
      return {
        title: translate(lang, 'lab.export.refused', { file: problem.fileName }),
        detail: translate(lang, EXPORT_PROBLEM_KEYS[problem.problem]),
      }
  }
}
