import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'

// A fake build: the entry imports `shared` statically and `lazy` dynamically; index.html also preloads `extra`.
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
}
writeFileSync(
  join(dist, '.vite', 'manifest.json'),
  JSON.stringify({
    'index.html': {
      file: 'assets/index-a.js',
      isEntry: true,
      imports: ['_shared-b.js'],
      dynamicImports: ['src/lazy.tsx'],
    },
    '_shared-b.js': { file: 'assets/shared-b.js' },
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

describe('scripts/size-check.mjs', () => {
  it('sums the entry, its static imports and what index.html preloads, not the dynamic imports', () => {
    const { status, stdout } = run('--dist', dist, '--budget', String(initialGzip / 1000 + 0.01))
    expect(status).toBe(0)
    expect(stdout).toContain(`Initial JS: ${(initialGzip / 1000).toFixed(2)} kB gzip`)
    const [initial, lazy] = stdout.split('Not counted')
    for (const file of ['index-a.js', 'shared-b.js', 'extra-d.js']) expect(initial).toContain(file)
    expect(initial).not.toContain('lazy-c.js')
    expect(lazy).toContain('lazy-c.js')
  })

  it('fails above the budget', () => {
    const { status, stdout } = run('--dist', dist, '--budget', String(initialGzip / 1000 - 0.01))
    expect(status).toBe(1)
    expect(stdout).toContain('OVER BUDGET')
  })

  it('fails without a build', () => {
    const { status, stderr } = run('--dist', join(dist, 'nowhere'))
    expect(status).toBe(1)
    expect(stderr).toContain('vite build')
  })
})
