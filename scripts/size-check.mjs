#!/usr/bin/env node
// The first screen's JavaScript budget. Reads a production build (`vite build`, which writes the manifest:
// build.manifest in vite.config.ts) and sums the initial JS: the entry chunk and every chunk it imports
// statically, i.e. what the browser must fetch before the app can start (the chunks index.html loads or
// modulepreloads). Chunks behind a dynamic import() (the lab, the scenes, KaTeX, the embed) and the worker are
// listed but not counted. A language other than English is a chunk of its own (src/i18n/loadLanguage.ts)
// that the app fetches before its first render when that language is shown, so a zh user's initial JS is the
// static graph plus the zh dictionary's chunk and its static imports: the budget holds for the larger of the
// two. Sizes are gzip at zlib's default level, as a web server sends them (1 kB = 1000 bytes;
// Vite's build report compresses with another library and may differ by about 1%).
// Exits 1 above the budget or when there is no build.
//
//   node scripts/size-check.mjs [--dist DIR] [--budget KB]
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { parseArgs } from 'node:util'

const BUDGET_KB = 150

const { values } = parseArgs({ options: { dist: { type: 'string' }, budget: { type: 'string' } } })
const dist = values.dist ?? 'dist'
const budgetKb = values.budget === undefined ? BUDGET_KB : Number(values.budget)
const manifestPath = join(dist, '.vite', 'manifest.json')
if (!existsSync(manifestPath)) {
  console.error(`size-check: no ${manifestPath}; run \`npx vite build\` first (build.manifest must be on).`)
  process.exit(1)
}

/** @type {Record<string, {file: string, isEntry?: boolean, imports?: string[]}>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry)
if (entries.length === 0) {
  console.error(`size-check: ${manifestPath} names no entry chunk.`)
  process.exit(1)
}

// The entries and, transitively, their static imports.
const initial = new Set()
const visit = (key) => {
  const chunk = manifest[key]
  if (chunk === undefined || initial.has(chunk.file)) return
  initial.add(chunk.file)
  for (const dep of chunk.imports ?? []) visit(dep)
}
entries.forEach(visit)
// Whatever index.html itself loads counts too (a script or modulepreload the manifest would not explain).
const html = existsSync(join(dist, 'index.html')) ? readFileSync(join(dist, 'index.html'), 'utf8') : ''
for (const [, href] of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\.?\/?([^"]+\.js)"/g))
  initial.add(href)

const sizeOf = (file) => {
  const bytes = readFileSync(join(dist, file))
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length }
}
const kb = (n) => (n / 1000).toFixed(2).padStart(9)
const table = (title, rows) => {
  console.log(`\n${title}`)
  console.log(`${'chunk'.padEnd(48)}${'raw kB'.padStart(9)}${'gzip kB'.padStart(9)}`)
  for (const r of rows) console.log(`${r.file.padEnd(48)}${kb(r.raw)}${kb(r.gzip)}`)
}

const sum = (rows) =>
  rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 })
const initialRows = [...initial].map(sizeOf).sort((a, b) => b.gzip - a.gzip)
const total = sum(initialRows)
table('Initial JS (entry + static imports):', [...initialRows, { file: 'total', ...total }])

// Each language's dictionary (a dynamic entry `src/i18n/<lang>.ts`) and what it imports statically, beyond
// the static graph: the rest of that language's users' first download.
const languages = Object.keys(manifest)
  .map((key) => [key, /^src\/i18n\/([a-z]{2})\.ts$/.exec(key)?.[1]])
  .filter(([key, lang]) => lang !== undefined && manifest[key].isDynamicEntry)
const languageTotals = languages.map(([key, lang]) => {
  const extra = new Set()
  const add = (k) => {
    const chunk = manifest[k]
    if (chunk === undefined || initial.has(chunk.file) || extra.has(chunk.file)) return
    extra.add(chunk.file)
    for (const dep of chunk.imports ?? []) add(dep)
  }
  add(key)
  const rows = [...extra].map(sizeOf).sort((a, b) => b.gzip - a.gzip)
  const all = sum([total, ...rows])
  table(`Initial JS for a ${lang} user (the above + its strings):`, [...rows, { file: 'total', ...all }])
  return { lang, gzip: all.gzip }
})

const allJs = readdirSync(join(dist, 'assets'))
  .filter((name) => name.endsWith('.js'))
  .map((name) =>
    relative(dist, join(dist, 'assets', name))
      .split('\\')
      .join('/'),
  )
const lazyRows = allJs
  .filter((file) => !initial.has(file))
  .map(sizeOf)
  .sort((a, b) => b.gzip - a.gzip)
if (lazyRows.length > 0)
  table("Not counted (dynamic imports, the worker; a language's strings only in its users' total):", lazyRows)

const measures = [{ lang: 'en', gzip: total.gzip }, ...languageTotals]
const worst = measures.reduce((a, b) => (b.gzip > a.gzip ? b : a))
const over = worst.gzip > budgetKb * 1000
const detail =
  measures.length > 1
    ? ` (the larger of ${measures.map((m) => `${m.lang} ${(m.gzip / 1000).toFixed(2)}`).join(', ')})`
    : ''
console.log(
  `\nInitial JS: ${(worst.gzip / 1000).toFixed(2)} kB gzip of a ${budgetKb} kB budget${detail}: ${over ? 'OVER BUDGET' : 'ok'}`,
)
process.exit(over ? 1 : 0)
