// Browser benchmark (issue 3): builds nothing itself — run `npm run build` first (the npm script does).
// Serves dist/ with `vite preview`, drives Debian's Chromium through Playwright and prints one JSON object:
// frames per second and long main-thread tasks while 6 racers play with the heatmap shown, and the time from
// pressing "jump to the end" (6 racers × 100,000 steps) to the finished paths on screen; and the 3D view's
// frame rate (three.js on SwiftShader, software GL) while the same 6 racers play at 10,000 steps/s.
// BENCH_PORT and BENCH_DIST serve another build on another port; BENCH_3D_ONLY=1 measures the 3D view alone.
import { chromium, type Page } from '@playwright/test'
import { spawn } from 'node:child_process'
import os from 'node:os'
import { sixRacerQuery } from './raceUrl'

const PORT = Number(process.env.BENCH_PORT ?? 4174)
const DIST = process.env.BENCH_DIST ?? 'dist'
const ONLY_3D = process.env.BENCH_3D_ONLY === '1'
const BASE = `http://127.0.0.1:${PORT}/`
const RUNS = Number(process.env.BENCH_RUNS ?? 5)

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

async function waitForServer(url: string, ms = 30_000): Promise<void> {
  const t0 = Date.now()
  while (Date.now() - t0 < ms) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`preview server did not start at ${url}`)
}

/**
 * Samples requestAnimationFrame for `ms` in the page: the median interval between frames, the frames per
 * second over the whole window (the mean: a frame in three that misses its vsync shows here, not in the
 * median), the long tasks seen meanwhile, and how far the 3D panel's ball moved (its data-ball-index; NaN
 * without the panel).
 */
async function sampleFrames(
  page: Page,
  ms: number,
): Promise<{ medianInterval: number; meanFps: number; long: number[]; ballSteps: number }> {
  return page.evaluate(async (windowMs: number) => {
    const long: number[] = []
    new PerformanceObserver((l) => l.getEntries().forEach((e) => long.push(e.duration))).observe({
      type: 'longtask',
      buffered: false,
    })
    const panel = document.querySelector<HTMLElement>('[data-testid="surface3d-panel"]')
    const from = Number(panel?.dataset.ballIndex)
    const stamps: number[] = []
    await new Promise<void>((done) => {
      const t0 = performance.now()
      const tick = (t: number) => {
        stamps.push(t)
        if (t - t0 < windowMs) requestAnimationFrame(tick)
        else done()
      }
      requestAnimationFrame(tick)
    })
    const intervals = stamps.slice(1).map((t, i) => t - stamps[i]!)
    intervals.sort((a, b) => a - b)
    return {
      medianInterval: intervals[Math.floor(intervals.length / 2)]!,
      meanFps: (1000 * intervals.length) / (stamps[stamps.length - 1]! - stamps[0]!),
      long,
      ballSteps: Number(panel?.dataset.ballIndex) - from,
    }
  }, ms)
}

/**
 * Opens the basin maps of plain GD and momentum on Himmelblau (64×64 starts of 300 steps, coarse levels first)
 * and returns the worker-side times (ms from the start message, the map's data-elapsed) of the first picture
 * and of the full resolution, and the click-to-first-picture time on the page.
 */
async function basinTimes(page: Page): Promise<{ firstMs: number; fullMs: number; clickToFirstMs: number }> {
  await page.goto(`${BASE}?lang=en&s=himmelblau&r=sgd(lecture,lr:0.01)~momentum(lecture,lr:0.004,m:0.9)`)
  await page.waitForSelector('[data-grid-ready="1"]')
  await page.waitForSelector('[data-testid="basin-toggle"]')
  return page.evaluate(async () => {
    const t0 = performance.now()
    document.querySelector<HTMLButtonElement>('[data-testid="basin-toggle"]')!.click()
    let first = NaN
    let clickToFirst = NaN
    await new Promise<void>((done) => {
      const check = () => {
        const map = document.querySelector<HTMLElement>('[data-testid="basin-map-0"]')
        if (map !== null && Number(map.dataset.side) > 0 && Number.isNaN(first)) {
          first = Number(map.dataset.elapsed)
          clickToFirst = performance.now() - t0
        }
        if (map?.dataset.done === 'true') done()
        else requestAnimationFrame(check)
      }
      check()
    })
    const full = Number(document.querySelector<HTMLElement>('[data-testid="basin-map-0"]')!.dataset.elapsed)
    return { firstMs: first, fullMs: full, clickToFirstMs: clickToFirst }
  })
}

async function main(): Promise<void> {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', DIST],
    {
      stdio: 'ignore',
      detached: true,
    },
  )
  try {
    await waitForServer(BASE)
    const browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
      ],
    })
    const fps: number[] = []
    const longest: number[] = []
    const longCount: number[] = []
    const jump: number[] = []
    const lab: number[] = []
    const labFrames: number[] = []
    const fps3d: number[] = []
    const meanFps3d: number[] = []
    const meanFps: number[] = []
    const steps3d: number[] = []
    const basins: { firstMs: number; fullMs: number; clickToFirstMs: number }[] = []
    for (let run = 0; run < RUNS; run++) {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
      // tsx compiles this file with esbuild's keepNames, which wraps the functions handed to page.evaluate in
      // a `__name` helper that exists only in Node; give the page a no-op one.
      await page.addInitScript('globalThis.__name = (f) => f')
      // The 3D view alone (surf=3d), 6 racers playing at 10,000 steps/s: median rAF interval over 3 s, and how
      // far the selected racer's ball moved meanwhile (it must be playing, not finished).
      await page.goto(`${BASE}?${sixRacerQuery('pokemon', 100_000, 10_000)}&surf=3d`)
      await page.waitForSelector('[data-testid="surface3d-panel"][data-ready="1"][data-ball-index]', {
        timeout: 60_000,
      })
      // The race may have finished while three.js loaded: start it again from step 0 and let it play.
      await page.click('[data-testid="transport-reset"]')
      await page.waitForSelector('[data-testid="surface3d-panel"][data-ball-index="0"]')
      await page.click('[data-testid="transport-play"]')
      await page.waitForTimeout(300)
      const playing3d = await sampleFrames(page, 3000)
      fps3d.push(1000 / playing3d.medianInterval)
      meanFps3d.push(playing3d.meanFps)
      steps3d.push(playing3d.ballSteps)
      if (ONLY_3D) {
        await page.context().close()
        continue
      }
      // Playing: a long race (it keeps playing through the whole measurement window) at 10,000 steps/s.
      await page.goto(`${BASE}?${sixRacerQuery('pokemon', 100_000, 10_000)}`)
      await page.waitForSelector('[data-grid-ready="1"]')
      const playing = await sampleFrames(page, 3000)
      fps.push(1000 / playing.medianInterval)
      meanFps.push(playing.meanFps)
      longest.push(Math.max(0, ...playing.long))
      longCount.push(playing.long.length)
      // Jump to the end: from the click to the frame after the finished step counter shows.
      await page.click('[data-testid="transport-reset"]')
      const ms = await page.evaluate(async () => {
        const end = document.querySelector<HTMLButtonElement>('[data-testid="transport-end"]')!
        const counter = document.querySelector('[data-testid="step-counter"]')!
        const t0 = performance.now()
        end.click()
        await new Promise<void>((done) => {
          const check = () =>
            /100[,\s ]?000\s*\/\s*100[,\s ]?000/.test(counter.textContent ?? '')
              ? done()
              : requestAnimationFrame(check)
          check()
        })
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
        return performance.now() - t0
      })
      jump.push(ms)
      // The classifier lab: press "train" on the course preset; time to both final boundaries on screen, at
      // the lab's "as fast as possible" pace (its default, 60 epochs/s, is for watching).
      await page.goto(`${BASE}?lang=en&lab=reg&l.pace=max`)
      await page.click('[data-testid="nav-classifier"]')
      await page.waitForFunction(
        () => !document.querySelector<HTMLButtonElement>('[data-testid="lab-train"]')?.disabled,
      )
      await page.waitForFunction(() =>
        /Epoch 0 \//.test(document.querySelector('[data-testid="lab-epoch-a"]')?.textContent ?? ''),
      )
      const labRun = await page.evaluate(async () => {
        const a = document.querySelector('[data-testid="lab-epoch-a"]')!
        const b = document.querySelector('[data-testid="lab-epoch-b"]')!
        const shown = new Set<string>()
        const t0 = performance.now()
        document.querySelector<HTMLButtonElement>('[data-testid="lab-train"]')!.click()
        await new Promise<void>((done) => {
          const check = () => {
            shown.add(a.textContent ?? '')
            return /Epoch 800 \//.test(a.textContent ?? '') && /Epoch 800 \//.test(b.textContent ?? '')
              ? done()
              : requestAnimationFrame(check)
          }
          check()
        })
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
        return { ms: performance.now() - t0, frames: shown.size }
      })
      lab.push(labRun.ms)
      labFrames.push(labRun.frames)
      basins.push(
        await basinTimes(page).then((b) => ({ ...b, clickToFirstMs: Math.round(b.clickToFirstMs) })),
      )
      await page.context().close()
    }
    await browser.close()
    console.log(
      JSON.stringify(
        {
          machine: {
            cpu: os.cpus()[0]?.model,
            cores: os.cpus().length,
            node: process.version,
            browser: 'Debian chromium, headless, --disable-gpu (WebGL2 on SwiftShader)',
          },
          runs: RUNS,
          playing6Racers3D: {
            medianFps: +median(fps3d).toFixed(1),
            fpsPerRun: fps3d.map((f) => +f.toFixed(1)),
            meanFps: +median(meanFps3d).toFixed(1),
            meanFpsPerRun: meanFps3d.map((f) => +f.toFixed(1)),
            stepsPlayedIn3sPerRun: steps3d,
          },
          playing6Racers: ONLY_3D
            ? undefined
            : {
                medianFps: +median(fps).toFixed(1),
                fpsPerRun: fps.map((f) => +f.toFixed(1)),
                meanFps: +median(meanFps).toFixed(1),
                meanFpsPerRun: meanFps.map((f) => +f.toFixed(1)),
                longestTaskMs: { median: median(longest), perRun: longest },
                longTasksPerRun: longCount,
              },
          jumpToEnd6x100k: ONLY_3D
            ? undefined
            : { medianMs: +median(jump).toFixed(0), perRunMs: jump.map((m) => +m.toFixed(0)) },
          labTrainCoursePreset: ONLY_3D
            ? undefined
            : {
                medianMsToFinalBoundaries: +median(lab).toFixed(0),
                perRunMs: lab.map((m) => +m.toFixed(0)),
                distinctEpochsShownPerRun: labFrames,
              },
          basinMap65x1000: ONLY_3D
            ? undefined
            : {
                what: 'GD on Himmelblau, 65×65 starts × 1,000 steps (the panel default), ms from the worker’s start message',
                firstPictureMedianMs: median(basins.map((b) => b.firstMs)),
                fullResolutionMedianMs: median(basins.map((b) => b.fullMs)),
                clickToFirstPictureMedianMs: +median(basins.map((b) => b.clickToFirstMs)).toFixed(0),
                perRun: basins,
              },
        },
        null,
        2,
      ),
    )
  } finally {
    try {
      process.kill(-server.pid!)
    } catch {
      /* already gone */
    }
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
