import { MAX_CSV_LENGTH } from '../../core/limits'
import type { Dataset } from '../../core/mlp/types'
import type { UrlNotice } from '../url/notices'
import { hashText, isContentHash } from './dataVaultHash'
import type { LabSettings } from './labSettings'
import { parseLabUrl, serializeLabUrl } from './labUrl'

/**
 * The "export lab" file: a user's data and the lab's settings in one JSON object, so the lab can be rebuilt
 * in another browser (a link carries only the data's fingerprint). Version 1:
 *
 * ```json
 * { "format": "loss-surface-playground/lab", "version": 1, "name": "mine.csv", "hash": "<sha-256 hex>",
 *   "size": 1234, "settings": "lab=reg&l.a=…&l.data=file:<hash>", "text": "x1,x2,y_c\n…" }
 * ```
 *
 * `settings` is the lab's part of a link (labUrl.ts), so it is read with the link's rules; `text` is the CSV,
 * `size` its length in UTF-16 code units and `hash` its SHA-256 (dataVaultHash.ts). Reading checks every
 * field and refuses the whole file on the first fault; nothing in it is evaluated.
 */
export const LAB_EXPORT_FORMAT = 'loss-surface-playground/lab'
export const LAB_EXPORT_VERSION = 1
/** Longest `name` kept (longer names are cut, as for a picked file). */
export const MAX_EXPORT_NAME = 80
/** Longest `settings` (the link's own limit). */
const MAX_EXPORT_SETTINGS = 8192
/**
 * Largest export read, in bytes or characters: JSON writes a CSV of numbers with at most two characters per
 * character (a newline or a quote becomes `\n`, `\"`), plus room for the other fields.
 */
export const MAX_EXPORT_LENGTH = 2 * MAX_CSV_LENGTH + 65_536

const FIELDS = ['format', 'version', 'name', 'hash', 'size', 'settings', 'text'] as const

export interface LabExportFile {
  format: typeof LAB_EXPORT_FORMAT
  version: typeof LAB_EXPORT_VERSION
  name: string
  hash: string
  size: number
  settings: string
  text: string
}

/** Why an export file was refused (each has a sentence in both languages, `lab.export.problem.*`). */
export type LabExportProblem =
  /** Not JSON at all. */
  | 'json'
  /** JSON, but not a lab export (no or another `format`). */
  | 'format'
  /** A lab export of a version this app does not read. */
  | 'version'
  /** A field is missing, unknown or of the wrong type. */
  | 'fields'
  /** `text` is over the CSV limit or `size` does not match it. */
  | 'size'
  /** `hash` is not a SHA-256 in hex, or not the text's. */
  | 'hash'

export type LabExportRead =
  | { ok: true; file: LabExportFile; settings: LabSettings; notices: UrlNotice[] }
  | { ok: false; problem: LabExportProblem }

/** The export's JSON for `text` (the CSV the lab trains on) under `hash`, with `settings`. */
export function writeLabExport(content: {
  name: string
  hash: string
  text: string
  settings: LabSettings
}): string {
  const { name, hash, text, settings } = content
  const file: LabExportFile = {
    format: LAB_EXPORT_FORMAT,
    version: LAB_EXPORT_VERSION,
    name: name.slice(0, MAX_EXPORT_NAME),
    hash,
    size: text.length,
    settings: serializeLabUrl({ ...settings, data: { kind: 'file', name, hash } }),
    text,
  }
  // `format` first: the loader recognises an export by its opening.
  return JSON.stringify(file)
}

/** True when `text` opens like an export file (`{"format":`), whatever its file name. */
export function looksLikeLabExport(text: string): boolean {
  return /^\s*\{\s*"format"\s*:/.test(text.slice(0, 64))
}

/**
 * Reads an export file strictly: the right format and version, exactly the seven fields with their types,
 * the text within the CSV limit with `size` equal to its length, and `hash` equal to the text's SHA-256
 * (a file edited by hand or cut short is refused). The settings are read as a link is: a bad value falls
 * back to its default with a notice. The CSV itself is parsed later, by the worker.
 */
export async function readLabExport(raw: string): Promise<LabExportRead> {
  const refuse = (problem: LabExportProblem): LabExportRead => ({ ok: false, problem })
  if (typeof raw !== 'string' || raw.length > MAX_EXPORT_LENGTH) return refuse('size')
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return refuse('json')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse('format')
  const o = value as Record<string, unknown>
  if (o.format !== LAB_EXPORT_FORMAT) return refuse('format')
  if (o.version !== LAB_EXPORT_VERSION) return refuse('version')
  const keys = Object.keys(o)
  if (keys.length !== FIELDS.length || !FIELDS.every((k) => Object.hasOwn(o, k))) return refuse('fields')
  const { name, hash, size, settings, text } = o
  if (typeof name !== 'string' || typeof settings !== 'string' || typeof text !== 'string')
    return refuse('fields')
  if (typeof hash !== 'string' || typeof size !== 'number') return refuse('fields')
  if (settings.length > MAX_EXPORT_SETTINGS) return refuse('fields')
  if (text.length > MAX_CSV_LENGTH || size !== text.length) return refuse('size')
  if (!isContentHash(hash) || (await hashText(text)) !== hash) return refuse('hash')
  const link = parseLabUrl(settings)
  const file: LabExportFile = {
    format: LAB_EXPORT_FORMAT,
    version: LAB_EXPORT_VERSION,
    name: name.slice(0, MAX_EXPORT_NAME),
    hash,
    size,
    settings,
    text,
  }
  return { ok: true, file, settings: link.settings, notices: link.notices }
}

/**
 * A data set as CSV (`x1,x2,y_c` or its own column names), for exporting data the lab did not read from a
 * CSV (a generated set). `String(v)` is the shortest text that reads back to the same double.
 */
export function datasetToCsv(dataset: Dataset): string {
  // RFC 4180: a name holding a separator, a quote or a line break is quoted, its quotes doubled.
  const quote = (name: string): string => (/[",\r\n]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name)
  const lines = [(dataset.columns ?? ['x1', 'x2', 'y_c']).map(quote).join(',')]
  for (let i = 0; i < dataset.n; i++)
    lines.push(`${String(dataset.x[2 * i])},${String(dataset.x[2 * i + 1])},${String(dataset.y[i])}`)
  return `${lines.join('\n')}\n`
}

/** The download's file name: the data's name without its extension, `.lab.json`, only safe characters. */
export function labExportFileName(dataName: string): string {
  const base = dataName
    .replace(/\.[^.]*$/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(0, 60)
  return `${base === '' || base === '_' ? 'lab' : base}.lab.json`
}
