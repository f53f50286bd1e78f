import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/**
 * vitest.config.ts sorts test files into projects by name alone; these checks catch a file whose name does
 * not match what it needs, which would otherwise run in the wrong environment or slow `npm test` down.
 */
const files = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .map((f) => `test/${f.replaceAll('\\', '/')}`)
  .filter((f) => /\.test\.[cm]?[jt]sx?$/.test(f))
const source = (f: string) => readFileSync(f, 'utf8')

describe('test files and the Vitest projects', () => {
  it('finds the suite', () => {
    expect(files.length).toBeGreaterThan(100)
  })

  it('every test file is a .test.ts or .test.tsx (the only names the projects include)', () => {
    expect(files.filter((f) => !/\.test\.tsx?$/.test(f))).toEqual([])
  })

  it('a test that imports TensorFlow.js is named *tfjs* (the tfjs project, outside npm test)', () => {
    const tfjs = files.filter((f) => /from '@tensorflow\/|import\('@tensorflow\//.test(source(f)))
    expect(tfjs.length).toBeGreaterThan(0)
    expect(tfjs.filter((f) => !/(tfjs|Tfjs)[^/]*\.test\.ts$/.test(f))).toEqual([])
  })

  it('a test that renders with Testing Library is a .test.tsx (the dom project, with jest-dom)', () => {
    const rendering = files.filter((f) => /from '@testing-library\/react'/.test(source(f)))
    expect(rendering.filter((f) => !f.endsWith('.test.tsx'))).toEqual([])
  })
})
