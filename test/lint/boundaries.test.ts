import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The floor rules of eslint.config.js, tried one import at a time: each forbidden import must be reported by
 * the boundary rules (`no-restricted-imports`, or `floors/dynamic-imports` for `import()`), each allowed one
 * must pass. The probes are linted as text under a file name in the floor, so no file is written.
 */
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'floors/dynamic-imports'])

let eslint: ESLint
beforeAll(() => {
  // Only the boundary rules run: the probes are not meant to pass the style rules (unused imports, …).
  eslint = new ESLint({ cwd: process.cwd(), ruleFilter: ({ ruleId }) => BOUNDARY_RULES.has(ruleId) })
})

/** The boundary problems ESLint reports for `code` as if it were the file `filePath`. */
async function boundaryProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath })
  return result.messages
    .filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId))
    .map((m) => m.message)
}

type Case = [code: string]

/** A probe file in each floor. */
const FILE = {
  core: 'src/core/mlp/lintProbe.ts',
  worker: 'src/worker/lintProbe.ts',
  render: 'src/render/lintProbe.ts',
  ui: 'src/ui/lintProbe.tsx',
  state: 'src/state/lab/lintProbe.ts',
  embed: 'src/embed/lintProbe.ts',
  i18n: 'src/i18n/lintProbe.ts',
  panels: 'src/panels/SurfacePanel/lintProbe.ts',
  app: 'src/app/lintProbe.tsx',
  main: 'src/main.tsx',
} as const

function floorCases(floor: keyof typeof FILE, forbidden: Case[], allowed: Case[]) {
  describe(`${floor} (${FILE[floor]})`, () => {
    it.each(forbidden)('forbids %s', async (code) => {
      expect(await boundaryProblems(FILE[floor], code)).not.toEqual([])
    })
    it.each(allowed)('allows %s', async (code) => {
      expect(await boundaryProblems(FILE[floor], code)).toEqual([])
    })
  })
}

floorCases(
  'core',
  [
    ["import { select } from 'd3'"],
    ["import { zoom } from 'd3-zoom'"],
    ["import { select } from 'd3-selection'"],
    ["import { scaleLinear } from 'd3-scale'"],
    ["import { createStore } from 'zustand'"],
    ["import { useState } from 'react'"],
    ["import { createRoot } from 'react-dom/client'"],
    ["import katex from 'katex'"],
    ["import { createAppStore } from '../../state/store'"],
    ["import type { AppState } from '../../state/store'"],
    ["export { createAppStore } from '../../state/store'"],
    ["export * from '../../state/store'"],
    ["const store = await import('../../state/store')"],
    ['const store = await import(`../../state/store`)'],
    ["const name = '../../state/store'; const store = await import(name)"],
    ["import { paintHeatmap } from '../../render/heatmap'"],
    ["import type { RacerFrame } from '../../worker/protocol'"],
    ["import { translate } from '../../i18n/translate'"],
    ["import { startEmbedBridge } from '../../embed/bridge'"],
    ["import { App } from '../../app/App'"],
    ["import { x } from '../../panels/SurfacePanel/surfaceLayout'"],
  ],
  [
    ["import { contours } from 'd3-contour'"],
    ["import { bisect } from 'd3-array'"],
    ["import { csvParse } from 'd3-dsv'"],
    ["import { sampleGrid } from '../grid'"],
    ["import { createTrainer } from './trainer'"],
    ["const grid = await import('../grid')"],
  ],
)

floorCases(
  'worker',
  [
    ["import { select } from 'd3'"],
    ["import { zoom } from 'd3-zoom'"],
    ["import { flushSync } from 'react-dom'"],
    ["import { createAppStore } from '../state/store'"],
    ["const store = await import('../state/store')"],
    ["import { paintHeatmap } from '../render/heatmap'"],
    ["import { translate } from '../i18n/translate'"],
  ],
  [
    ["import { contours } from 'd3-contour'"],
    ["import { createRun } from '../core/run'"],
    ["import { parseMessage } from './parseMessage'"],
    ["import type { RaceStart } from './protocol/race'"],
  ],
)

// The main-thread meta rule, shared by every floor from render up: value imports of core's plain data only.
const coreImpl: Case[] = [
  ["import { createRun } from '<core>/run'"],
  ["import { optimizers } from '<core>/optimizers'"],
  ["import { optimizers } from '<core>/optimizers/index'"],
  ["import { adam } from '<core>/optimizers/adam'"],
  ["import { runTrajectory } from '<core>'"],
  ["export { createRun } from '<core>/run'"],
  ["const run = await import('<core>/run')"],
]
const coreMeta: Case[] = [
  ["import { optimizerMetas } from '<core>/meta'"],
  ["import { optimizerMetaList } from '<core>/optimizers/meta'"],
  ["import { adamMeta } from '<core>/optimizers/adam.meta'"],
  ["import { lossMetas } from '<core>/mlp/losses/meta'"],
  ["import type { Vec2 } from '<core>/types'"],
  ["import { isDatasetKind } from '<core>/mlp/types'"],
  ["import { MAX_RACERS } from '<core>/limits'"],
  ["import { SpecError } from '<core>/errors'"],
  ["import { createValueNormalizer } from '<core>/valueScale'"],
  ["import { updatesOfPoints } from '<core>/trajectoryLayout'"],
  ["import type { Run } from '<core>/run'"],
  ["import type { OptimizerEntry } from '<core>/optimizers/index'"],
  ["import { type Run } from '<core>/run'"],
  ["export type { Run } from '<core>/run'"],
]
const withCore = (cases: Case[], core: string): Case[] => cases.map(([c]) => [c.replace('<core>', core)])
// The panels floor tries every case above; the other main-thread floors a sample of each side.
const someImpl = (core: string) => withCore([coreImpl[0], coreImpl[2], coreImpl[6]], core)
const someMeta = (core: string) => withCore([coreMeta[1], coreMeta[6], coreMeta[10]], core)

floorCases(
  'render',
  [
    ["import { createRoot } from 'react-dom/client'"],
    ["import { flushSync } from 'react-dom'"],
    ["import { useEffect } from 'react'"],
    ["import { useStore } from 'zustand'"],
    ["import { createAppStore } from '../state/store'"],
    ["import { Slider } from '../ui/Slider'"],
    ["import { createWorkerClient } from '../worker/client'"],
    ["import { select } from 'd3'"],
    ["const m = await import('react-dom')"],
    ...someImpl('../core'),
  ],
  [
    ["import type { RacerFrame } from '../worker/protocol'"],
    ["import { scaleLinear } from 'd3-scale'"],
    ["import { lectureColors } from './colors'"],
    ...someMeta('../core'),
  ],
)

floorCases(
  'ui',
  [
    ["import { useApp } from '../state/useApp'"],
    ["import type { RaceEvent } from '../worker/protocol'"],
    ["import { contours } from 'd3-contour'"],
    ...someImpl('../core'),
  ],
  [["import { useState } from 'react'"], ["import { Tex } from './Tex'"], ...someMeta('../core')],
)

floorCases(
  'state',
  [
    ["import { startEmbedBridge } from '../../embed/bridge'"],
    ["import { paintHeatmap } from '../../render/heatmap'"],
    ["import { Slider } from '../../ui/Slider'"],
    ["import { BoundaryView } from '../../panels/ClassifierLab/BoundaryView'"],
    ["import { App } from '../../app/App'"],
    ["import { createWorkerClient } from '../../worker/client'"],
    ["import { createEngine } from '../../worker/engine'"],
    ["import { trainChecks } from '../../worker/checks/train'"],
    ["import { contours } from 'd3-contour'"],
    ["const m = await import('../../worker/client')"],
    ...someImpl('../../core'),
  ],
  [
    ["import type { TrainDriver } from '../../worker/protocol'"],
    ["import type { TrainFrame } from '../../worker/protocol/train'"],
    ["import { createStore } from 'zustand/vanilla'"],
    ["import { LIMITS } from '../limits'"],
    ...someMeta('../../core'),
  ],
)

floorCases(
  'embed',
  [
    ["import { RacersEditor } from '../panels/ControlsPanel/RacersEditor'"],
    ["import { App } from '../app/App'"],
    ["import { paintHeatmap } from '../render/heatmap'"],
    ["import { Slider } from '../ui/Slider'"],
    ["import { createWorkerClient } from '../worker/client'"],
    ["import { contours } from 'd3-contour'"],
    ...someImpl('../core'),
  ],
  [
    ["import { createAppStore } from '../state/store'"],
    ["import { translate } from '../i18n/translate'"],
    ["import { sceneMetas } from '../core/scenes/meta'"],
    ["import { parseCommand } from './parseCommand'"],
    ...someMeta('../core'),
  ],
)

floorCases(
  'i18n',
  [
    ["import { createAppStore } from '../state/store'"],
    ["import { startEmbedBridge } from '../embed/bridge'"],
    ["import { paintHeatmap } from '../render/heatmap'"],
    ["import { Slider } from '../ui/Slider'"],
    ["import { App } from '../app/App'"],
    ["import { x } from '../panels/SurfacePanel/surfaceLayout'"],
    ["import type { TrainRunKey } from '../worker/protocol'"],
    ["const m = await import('../state/store')"],
    ...someImpl('../core'),
  ],
  [["import { en } from './en'"], ...someMeta('../core')],
)

floorCases(
  'panels',
  [
    ["import { chartGeometry } from '../ChartsPanel/chartGeometry'"],
    ["import { chartGeometry } from '../../panels/ChartsPanel/chartGeometry'"],
    ["import { surfaceLayout } from '../../panels/SurfacePanel/surfaceLayout'"],
    ["const m = await import('../ChartsPanel/ChartsPanel')"],
    ["const m = await import('../../panels/ChartsPanel/ChartsPanel')"],
    ["import { App } from '../../app/App'"],
    ["import { createWorkerClient } from '../../worker/client'"],
    ["import { createEngine } from '../../worker/engine'"],
    ["import { contourPaths } from '../../render/contours'"],
    ["import { contours } from 'd3-contour'"],
    ["import { select } from 'd3'"],
    ...withCore(coreImpl, '../../core'),
  ],
  [
    ["import { MAX_GRID_NODES } from './surfaceLayout'"],
    ["import { createAppStore } from '../../state/store'"],
    ["import { paintHeatmap } from '../../render/heatmap'"],
    ["import { drawContourRings } from '../../render/contourRings'"],
    ["import { Slider } from '../../ui/Slider'"],
    ["import { startEmbedBridge } from '../../embed/bridge'"],
    ["import type { RaceEvent } from '../../worker/protocol'"],
    ["import { select } from 'd3-selection'"],
    ...withCore(coreMeta, '../../core'),
  ],
)

floorCases(
  'app',
  [
    ["import { createWorkerClient } from '../worker/client'"],
    ["import { contourPaths } from '../render/contours'"],
    ...someImpl('../core'),
  ],
  [
    ["import { ClassifierLab } from '../panels/ClassifierLab/ClassifierLab'"],
    ["const m = await import('../panels/ClassifierLab/ClassifierLab')"],
    ...someMeta('../core'),
  ],
)

floorCases(
  'main',
  [...someImpl('./core')],
  [
    ["import { createWorkerClient } from './worker/client'"],
    ["import { createRoot } from 'react-dom/client'"],
    ...someMeta('./core'),
  ],
)

describe('the dynamic-import rule', () => {
  it('reports at the import() expression with the floor rule’s own message', async () => {
    const [result] = await eslint.lintText("export const load = () => import('../../state/store')\n", {
      filePath: FILE.core,
    })
    const problem = result.messages.find((m) => m.ruleId === 'floors/dynamic-imports')
    expect(problem?.message).toMatch(/this layer must not depend on the store/)
    expect(problem?.line).toBe(1)
  })
})
