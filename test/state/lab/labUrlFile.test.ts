import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashText, isContentHash } from '../../../src/state/lab/dataVaultHash'
import { createDefaultLabSettings } from '../../../src/state/lab/labSettings'
import { parseLabUrl, serializeLabUrl } from '../../../src/state/lab/labUrl'

const HASH = createHash('sha256').update('x1,x2,y_c\n', 'utf8').digest('hex')

describe('l.data=file:<hash>', () => {
  it('a kept file writes its SHA-256 into the link and reads back with every other setting', () => {
    const s = {
      ...createDefaultLabSettings(),
      seed: 7,
      data: { kind: 'file' as const, name: 'mine.csv', hash: HASH },
    }
    const query = serializeLabUrl(s)
    expect(query).toBe(`lab=reg&l.seed=7&l.data=file:${HASH}`)
    const { settings, notices } = parseLabUrl(query)
    expect(notices).toEqual([])
    // The name is not in the link: the vault supplies it on restore.
    expect(settings).toEqual({ ...s, data: { kind: 'file', name: '', hash: HASH } })
  })

  it('a file that could not be kept (no hash) still writes `file`, which reads back as dot.csv with a notice', () => {
    const query = serializeLabUrl({ ...createDefaultLabSettings(), data: { kind: 'file', name: 'x.csv' } })
    expect(query).toBe('lab=reg&l.data=file')
    expect(parseLabUrl(query).notices).toEqual([{ key: 'l.data', message: 'lab.notice.fileData' }])
  })

  const hostile = [
    'file:',
    `file:${HASH.toUpperCase()}`,
    `file:${HASH.slice(1)}`,
    `file:${HASH}0`,
    `file:${HASH.slice(0, 63)}g`,
    `file:${HASH}<script>alert(1)</script>`,
    `file:../../${HASH.slice(6)}`,
    `file: ${HASH}`,
    `file:${HASH} `,
    `file:file:${HASH}`,
    `FILE:${HASH}`,
    `file:${HASH.slice(0, 32)}%00${HASH.slice(32)}`,
  ]
  for (const value of hostile) {
    it(`l.data=${JSON.stringify(value.slice(0, 40))} is refused with the usual notice, never echoed`, () => {
      const { settings, notices } = parseLabUrl(`lab=cmp&l.seed=9&l.data=${encodeURIComponent(value)}`)
      expect(settings.data).toEqual({ kind: 'dot' })
      // The other settings of the link stay.
      expect(settings.mode).toBe('compare')
      expect(settings.seed).toBe(9)
      expect(notices).toEqual([{ key: 'l.data', message: 'notice.invalidValue' }])
      expect(JSON.stringify(notices)).not.toContain(HASH.slice(0, 16))
    })
  }
})

describe('hashText', () => {
  it('is the SHA-256 of the UTF-8 bytes in lower-case hex (checked against node:crypto)', async () => {
    for (const text of ['', 'x1,x2,y_c\n1,2,1\n', '特征一,特征二,标签\n', '😀,a,b\r\n']) {
      const want = createHash('sha256').update(text, 'utf8').digest('hex')
      const got = await hashText(text)
      expect(got).toBe(want)
      expect(isContentHash(got)).toBe(true)
    }
    // The SHA-256 of the empty string (FIPS 180-4 test vector).
    expect(await hashText('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })
})
