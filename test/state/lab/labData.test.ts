import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MAX_CSV_LENGTH } from '../../../src/core/limits'
import { createMemoryVault } from '../../../src/state/lab/dataVault'
import type { DataVault } from '../../../src/state/lab/dataVault'
import { createLabStore } from '../../../src/state/lab/labStore'
import type { LabStoreOptions } from '../../../src/state/lab/labStore'
import { parseLabUrl, serializeLabUrl } from '../../../src/state/lab/labUrl'
import type { LabFile } from '../../../src/state/lab/slices/dataLoader'
import { createFakeTrainDriver } from './fakeTrainDriver'

const dotText = readFileSync(new URL('../../../public/dot.csv', import.meta.url), 'utf8')
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

/** 40 rows on two lines, unlike dot.csv's circle: label 1 above x2 = 2·x1 + 1. */
function lineCsv(): string {
  const rows = ['u,v,class']
  for (let i = 0; i < 40; i++) {
    const u = -4 + (8 * i) / 39
    const v = ((i * 7) % 11) - 5
    rows.push(`${u},${v},${v > 2 * u + 1 ? 1 : 0}`)
  }
  return `${rows.join('\n')}\n`
}

/** Lets pending promises (fetch, hashing, the vault, load) settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 8; i++) await new Promise((r) => setTimeout(r, 0))
}

function open(vault: DataVault, options: LabStoreOptions = {}) {
  const fake = createFakeTrainDriver()
  const store = createLabStore(fake.driver, { fetchText: async () => dotText, vault, ...options })
  return { fake, store }
}

/** A store built from a link, as createStores builds it. */
async function openLink(query: string, vault: DataVault) {
  const { settings, notices } = parseLabUrl(query)
  const s = open(vault, { initialSettings: settings, notices })
  s.store.getState().activate()
  await settle()
  return s
}

const fileOf = (name: string, text: string, size = text.length): LabFile & { reads: number } => {
  const file = {
    name,
    size,
    reads: 0,
    text: async () => {
      file.reads++
      return text
    },
  }
  return file
}

describe('a user’s CSV survives a reload', () => {
  it('loading a file keeps it under its SHA-256; a new store from the link restores data and settings', async () => {
    const vault = createMemoryVault()
    const text = lineCsv()
    const first = open(vault)
    first.store.getState().activate()
    await settle()
    first.store.getState().setSeed(42)
    await first.store.getState().openFile(fileOf('lines.csv', text))
    await settle()
    const before = first.store.getState()
    expect(before.data.source).toEqual({ kind: 'file', name: 'lines.csv', hash: sha256(text) })
    expect(vault.records.get(sha256(text))).toEqual({
      hash: sha256(text),
      name: 'lines.csv',
      size: text.length,
      text,
    })
    const link = serializeLabUrl(before.settings)
    expect(link).toBe(`lab=reg&l.seed=42&l.data=file:${sha256(text)}`)

    // "Reload": a new store, the same vault, the link's settings.
    const second = await openLink(link, vault)
    const after = second.store.getState()
    expect(after.notices).toEqual([])
    expect(after.data.status).toBe('ready')
    expect(after.data.source).toEqual({ kind: 'file', name: 'lines.csv', hash: sha256(text) })
    expect(after.data.dataset!.n).toBe(40)
    expect(after.data.dataset!.columns).toEqual(['u', 'v', 'class'])
    expect(Array.from(after.data.dataset!.x)).toEqual(Array.from(before.data.dataset!.x))
    expect(after.settings.seed).toBe(42)
    expect(serializeLabUrl(after.settings)).toBe(link)
    // dot.csv was never asked for; the restored text went to the worker and a run was prepared on it.
    expect(second.fake.calls[0]).toEqual({ name: 'load', args: [{ kind: 'csv', text }] })
    expect(second.fake.lastStart().payload.dataset).toBe(after.data.dataset)
  })

  it('a link naming a file this browser does not have says so, shows dot.csv and keeps the other settings', async () => {
    const hash = sha256('somebody else’s file')
    const { store, fake } = await openLink(`lab=cmp&l.seed=9&l.data=file:${hash}`, createMemoryVault())
    const s = store.getState()
    expect(s.notices).toEqual([
      { key: 'l.data', message: 'lab.notice.fileMissing', params: { hash: hash.slice(0, 12) } },
    ])
    expect(s.data.source).toEqual({ kind: 'dot' })
    expect(s.data.dataset!.n).toBe(300)
    expect(s.settings.data).toEqual({ kind: 'dot' })
    expect(s.settings.mode).toBe('compare')
    expect(s.settings.seed).toBe(9)
    expect(fake.lastStart().payload.dataset).toBe(s.data.dataset)
  })

  it('a vault that refuses to store: the file still loads, and the link does not promise it (`file`)', async () => {
    const vault: DataVault = {
      put: () => Promise.reject(new Error('quota')),
      get: () => Promise.reject(new Error('blocked')),
    }
    const { store } = open(vault)
    store.getState().activate()
    await settle()
    await store.getState().openFile(fileOf('lines.csv', lineCsv()))
    await settle()
    expect(store.getState().data.source).toEqual({ kind: 'file', name: 'lines.csv' })
    expect(serializeLabUrl(store.getState().settings)).toBe('lab=reg&l.data=file')
  })

  it('a file over the size limit is refused before it is read; the current data stays', async () => {
    const { store } = open(createMemoryVault())
    store.getState().activate()
    await settle()
    const dataset = store.getState().data.dataset
    const huge = fileOf('huge.csv', 'never read', MAX_CSV_LENGTH + 1)
    await store.getState().openFile(huge)
    expect(huge.reads).toBe(0)
    expect(store.getState().data).toMatchObject({
      status: 'ready',
      dataset,
      problem: { kind: 'tooLarge', fileName: 'huge.csv', size: MAX_CSV_LENGTH + 1, limit: MAX_CSV_LENGTH },
    })
  })
})

describe('export lab / import lab', () => {
  it('an export restores data and settings in a store with an empty vault (another browser)', async () => {
    const text = lineCsv()
    const here = open(createMemoryVault())
    here.store.getState().activate()
    await settle()
    here.store.getState().setMode('compare')
    here.store.getState().updateNet('b', { hidden: [5, 3] })
    await here.store.getState().openFile(fileOf('lines.csv', text))
    await settle()
    const exported = await here.store.getState().exportLab()
    expect(exported!.fileName).toBe('lines.lab.json')
    const json = JSON.parse(exported!.text)
    expect(json).toEqual({
      format: 'loss-surface-playground/lab',
      version: 1,
      name: 'lines.csv',
      hash: sha256(text),
      size: text.length,
      settings: serializeLabUrl(here.store.getState().settings),
      text,
    })

    const otherVault = createMemoryVault()
    const elsewhere = open(otherVault)
    elsewhere.store.getState().activate()
    await settle()
    await elsewhere.store.getState().openFile(fileOf(exported!.fileName, exported!.text))
    await settle()
    const s = elsewhere.store.getState()
    expect(s.data.problem).toBeNull()
    expect(s.data.source).toEqual({ kind: 'file', name: 'lines.csv', hash: sha256(text) })
    expect(s.data.dataset!.n).toBe(40)
    expect(s.settings).toEqual(here.store.getState().settings)
    expect(s.settings.b.hidden).toEqual([5, 3])
    // …and it is kept there too, so that browser's link works after a reload.
    const reloaded = await openLink(serializeLabUrl(s.settings), otherVault)
    expect(reloaded.store.getState().notices).toEqual([])
    expect(reloaded.store.getState().data.source).toEqual(s.data.source)
  })

  it('the export of dot.csv or a generated set carries its CSV, which imports as a file with the same rows', async () => {
    const here = open(createMemoryVault())
    here.store.getState().activate()
    await settle()
    here.store.getState().setDataSource({ kind: 'generated', shape: 'spiral', n: 60, noise: 0.2, seed: 3 })
    await settle()
    const generated = here.store.getState().data.dataset!
    const exported = await here.store.getState().exportLab()
    expect(exported!.fileName).toBe('spiral-60-seed3.lab.json')
    const elsewhere = open(createMemoryVault())
    await elsewhere.store.getState().openFile(fileOf('x.json', exported!.text))
    await settle()
    const restored = elsewhere.store.getState().data.dataset!
    // Doubles written with String() read back bit for bit.
    expect(Array.from(restored.x)).toEqual(Array.from(generated.x))
    expect(Array.from(restored.y)).toEqual(Array.from(generated.y))
  })

  it('a tampered, truncated or foreign export is refused with its reason; data and settings stay', async () => {
    const text = lineCsv()
    const here = open(createMemoryVault())
    here.store.getState().activate()
    await settle()
    await here.store.getState().openFile(fileOf('lines.csv', text))
    await settle()
    const good = (await here.store.getState().exportLab())!.text
    const edit = (patch: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(good), ...patch })
    const flipped = text.replace('class', 'klass')
    const cases: [string, string][] = [
      [edit({ text: flipped }), 'hash'],
      [edit({ text: flipped, size: flipped.length, hash: 'f'.repeat(64) }), 'hash'],
      [edit({ hash: 'not a hash' }), 'hash'],
      [edit({ size: text.length + 1 }), 'size'],
      [edit({ version: 2 }), 'version'],
      [edit({ format: 'something-else' }), 'format'],
      [edit({ extra: 1 }), 'fields'],
      [edit({ settings: 5 }), 'fields'],
      [JSON.stringify({ ...JSON.parse(good), name: undefined }), 'fields'],
      [good.slice(0, good.length - 20), 'json'],
      ['[1,2,3]', 'format'],
    ]
    const elsewhere = open(createMemoryVault())
    elsewhere.store.getState().activate()
    await settle()
    const before = elsewhere.store.getState()
    for (const [body, problem] of cases) {
      await elsewhere.store.getState().openFile(fileOf('lab.json', body))
      await settle()
      const s = elsewhere.store.getState()
      expect(s.data.problem).toEqual({ kind: 'export', fileName: 'lab.json', problem })
      expect(s.data.dataset).toBe(before.data.dataset)
      expect(s.settings).toBe(before.settings)
    }
  })

  it('an export whose CSV the parser refuses keeps the data and shows the parser’s reason', async () => {
    const bad = 'x1,x2,y_c\n1,2,1\n3,oops,0\n'
    const body = JSON.stringify({
      format: 'loss-surface-playground/lab',
      version: 1,
      name: 'bad.csv',
      hash: sha256(bad),
      size: bad.length,
      settings: 'lab=cmp',
      text: bad,
    })
    const { store } = open(createMemoryVault())
    store.getState().activate()
    await settle()
    const before = store.getState()
    await store.getState().openFile(fileOf('bad.lab.json', body))
    await settle()
    expect(store.getState().data.problem).toMatchObject({
      kind: 'file',
      fileName: 'bad.csv',
      problem: { code: 'non-numeric', line: 3 },
    })
    expect(store.getState().settings).toBe(before.settings)
  })
})
