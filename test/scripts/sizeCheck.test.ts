import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'

// A fake build: the entry imports `shared` statically and `lazy` dynamically; index.html also preloads `extra`.
// The zh dictionary is a dynamic entry that imports `shared` (already counted) and `names` statically.
const dist = mkdtempSync(join(tmpdir(), 'size-check-'))
afterAll(() => rmSync(dist, { recursive: true, force: true }))
mkdirSync(join(dist, '.vite'))
mkdirSync(join(dist, 'assets'))
// Incompressible-ish bytes, so gzip sizes differ clearly per chunk.
const chunk = (name: string, n: number) => {
  let text = ''
  for (let i = 0; text.length < n; i++) text += `${(i * 2654435761) % 1000003};`
  writeFileSync(join(dist, 'assets', name), text)
  return gzipSync(text).length
}
const sizes = {
  entry: chunk('index-a.js', 40_000),
  shared: chunk('shared-b.js', 20_000),
  extra: chunk('extra-d.js', 5_000),
  lazy: chunk('lazy-c.js', 60_000),
  zh: chunk('zh-e.js', 6_000),
  names: chunk('names-f.js', 3_000),
}
writeFileSync(
  join(dist, '.vite', 'manifest.json'),
  JSON.stringify({
    'index.html': {
      file: 'assets/index-a.js',
      isEntry: true,
      imports: ['_shared-b.js'],
      dynamicImports: ['src/lazy.tsx', 'src/i18n/zh.ts'],
    },
    '_shared-b.js': { file: 'assets/shared-b.js' },
    '_names-f.js': { file: 'assets/names-f.js' },
    'src/i18n/zh.ts': {
      file: 'assets/zh-e.js',
      imports: ['_shared-b.js', '_names-f.js'],
      isDynamicEntry: true,
    },
    'src/lazy.tsx': { file: 'assets/lazy-c.js', imports: ['_shared-b.js'], isDynamicEntry: true },
  }),
)
writeFileSync(
  join(dist, 'index.html'),
  '<script type="module" src="./assets/index-a.js"></script><link rel="modulepreload" href="./assets/extra-d.js">',
)

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/size-check.mjs', ...args], { encoding: 'utf8' })
const initialGzip = sizes.entry + sizes.shared + sizes.extra
const zhGzip = initialGzip + sizes.zh + sizes.names
const kB = (bytes: number) => (bytes / 1000).toFixed(2)

describe('scripts/size-check.mjs', () => {
  it('sums the entry, its static imports and what index.html preloads, not the dynamic imports', () => {
    const { status, stdout } = run('--dist', dist, '--budget', String(zhGzip / 1000 + 0.01))
    expect(status).toBe(0)
    const [initial, zhUser, lazy] = stdout.split(/Initial JS for a zh user|Not counted/)
    expect(initial).toContain(kB(initialGzip))
    for (const file of ['index-a.js', 'shared-b.js', 'extra-d.js']) expect(initial).toContain(file)
    expect(initial).not.toContain('lazy-c.js')
    expect(lazy).toContain('lazy-c.js')
    // A zh user also fetches the dictionary and its own imports before the first render, not `shared` twice.
    expect(zhUser).toContain('zh-e.js')
    expect(zhUser).toContain('names-f.js')
    expect(zhUser).not.toContain('shared-b.js')
    expect(zhUser).toContain(kB(zhGzip))
    expect(stdout).toContain(`Initial JS: ${kB(zhGzip)} kB gzip`)
    expect(stdout).toContain(`en ${kB(initialGzip)}, zh ${kB(zhGzip)}`)
  })

  it("holds the larger of the two to the budget: a zh user's total over it fails", () => {
    const { status, stdout } = run('--dist', dist, '--budget', String(zhGzip / 1000 - 0.01))
    expect(initialGzip / 1000).toBeLessThan(zhGzip / 1000 - 0.01)
    expect(status).toBe(1)
    expect(stdout).toContain('OVER BUDGET')
  })

  it('fails without a build', () => {
    const { status, stderr } = run('--dist', join(dist, 'nowhere'))
    expect(status).toBe(1)
    expect(stderr).toContain('vite build')
  })
})
