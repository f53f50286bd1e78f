import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * three.js is the 3D view's own lazy chunk: only `src/render/three/` imports it (and the panel reaches that
 * module by `import()`). Every other floor, including the rest of render, must be refused an import of three,
 * static or dynamic.
 */
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'floors/dynamic-imports'])
let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd(), ruleFilter: ({ ruleId }) => BOUNDARY_RULES.has(ruleId) })
})
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath })
  return result.messages
    .filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId))
    .map((m) => m.message)
}

const FORBIDDEN_IN = [
  'src/core/lintProbe.ts',
  'src/worker/lintProbe.ts',
  'src/state/lintProbe.ts',
  'src/i18n/lintProbe.ts',
  'src/ui/lintProbe.tsx',
  'src/embed/lintProbe.ts',
  'src/render/lintProbe.ts',
  'src/panels/Surface3D/lintProbe.ts',
  'src/app/lintProbe.tsx',
  'src/main.tsx',
]
const IMPORTS = [
  "import { WebGLRenderer } from 'three'",
  "import * as THREE from 'three'",
  "import { OrbitControls } from 'three/addons/controls/OrbitControls.js'",
  "const three = await import('three')",
]

describe('three.js stays in src/render/three', () => {
  for (const file of FORBIDDEN_IN)
    it.each(IMPORTS)(`${file} may not: %s`, async (code) => {
      expect(await problems(file, code)).not.toEqual([])
    })

  it.each(IMPORTS)('src/render/three may: %s', async (code) => {
    expect(await problems('src/render/three/lintProbe.ts', code)).toEqual([])
  })

  it('the 3D panel may load the scene module by import()', async () => {
    expect(
      await problems(
        'src/panels/Surface3D/lintProbe.ts',
        "const m = await import('../../render/three/surface3dScene')",
      ),
    ).toEqual([])
  })
})
