import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

/*
 * Four Vitest projects; a test file's name decides where it runs, so a new file lands in the right one:
 *
 * - `tfjs`: any test file whose name contains `tfjs` (`*tfjs*.test.ts`, `*Tfjs*.test.ts`). The TensorFlow.js
 *   cross-checks: importing TF.js costs seconds, so they run in `npm run test:tfjs` and `npm run test:all`,
 *   not in `npm test`. A test that imports `@tensorflow/tfjs` must be named so.
 * - `dom`: `*.test.tsx`, the files that render React components, in jsdom with jest-dom's matchers
 *   (test/setup.dom.ts).
 * - `unit`: every other `*.test.ts`: plain Node, no DOM and no jest-dom, so a stray DOM access in core,
 *   worker or state code fails. A `.ts` file that needs only a DOM parser (no component) opts in with a
 *   `// @vitest-environment jsdom` first line and stays here.
 *
 * - `fuzz`: test/fuzz/, hostile input for every public core function (thousands of calls, each in a worker
 *   thread that a hang cannot block): `npm run test:fuzz` and `npm run test:all`, not `npm test`.
 *
 * test/meta/testProjects.test.ts fails when a file's name and needs disagree. `npm test` runs unit and dom;
 * `npm run test:tfjs` the TF.js checks; `npm run test:all` (scripts/test-all.sh) all four.
 *
 * Files share a worker (`isolate: false`); test/setup.fresh.ts gives each file fresh app modules, so module
 * state and `vi.mock` stay within their file. Restore any global you patch (a prototype, `URL`) in afterEach.
 */
const TFJS = ['test/**/*tfjs*.test.ts', 'test/**/*Tfjs*.test.ts']
const FUZZ = ['test/fuzz/**/*.test.ts']

export default defineConfig({
  plugins: [react()],
  test: {
    // No result depends on the wall clock (fake clocks, awaited promises; speed is measured in the
    // benchmarks), so a busy machine only needs room.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One worker runs many files (see test/setup.fresh.ts): set-up once per worker, not once per file. Threads
    // start faster than forks, and one worker per core (Vitest's default leaves one core idle) measured
    // fastest on a two-core machine.
    pool: 'threads',
    isolate: false,
    maxWorkers: '100%',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: [...TFJS, ...FUZZ],
          setupFiles: ['test/setup.fresh.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/**/*.test.tsx'],
          setupFiles: ['test/setup.fresh.ts', 'test/setup.dom.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'tfjs', environment: 'node', include: TFJS, setupFiles: ['test/setup.fresh.ts'] },
      },
      {
        extends: true,
        test: { name: 'fuzz', environment: 'node', include: FUZZ, setupFiles: ['test/setup.fresh.ts'] },
      },
    ],
  },
})
