import type { StateCreator } from 'zustand/vanilla'
import { optimizerAddOrder } from '../../core/meta'
import type { Extent, NoiseSpec, OptimizerKind, OptimizerSpec, Vec2 } from '../../core/types'
import { loadLanguage } from '../../i18n/loadLanguage'
import { hasDictionary, isLanguage } from '../../i18n/translate'
import type { Language } from '../../i18n/translate'
import { clampToRule, LIMITS, MAX_RACERS } from '../limits'
import { defaultOptimizer, isOptimizerKind, normalizeOptimizer } from '../optimizerRules'
import { normalizeSchedule } from '../scheduleRules'
import type { RaceScheduleSpec } from '../scheduleRules'
import { COLOR_PROFILE_SETTINGS, createDefaultSettings, PALETTES, racerIdOf, STEP_UNITS } from '../settings'
import type { ColorProfileSetting, Palette, RacerSettings, Settings, StepUnit } from '../settings'
import type { AppState } from '../store'
import type { SurfaceCatalog } from '../surfaceCatalog'
import { validSliceLine } from '../sliceTool'
import type { SliceLine } from '../sliceTool'
import { isSurfaceMode } from '../surfaceMode'
import type { SurfaceMode } from '../surfaceMode'
import type { UrlNotice } from '../url/notices'
import { parseUrl, serializeUrl } from '../urlState'

/** What `updateRacer` may change: its optimizer (merged), its own schedule, its visibility. */
export interface RacerPatch {
  /** Merged into the current optimizer; a key set to `undefined` resets it to the convention default. */
  optimizer?: Partial<OptimizerSpec>
  schedule?: RaceScheduleSpec | null
  hidden?: boolean
  /** Examples per mini-batch (clamped to `LIMITS.batch`); null goes back to the full batch. */
  batch?: number | null
}

/**
 * The playground's settings (plain data, exactly what a link carries) and the verbs that edit them. Every
 * action validates at the edge: numbers are clamped into `LIMITS` or ignored when they cannot be (NaN,
 * Infinity, an exclusive bound), unknown names are ignored. Actions never touch the race; the store's
 * `restartIfNeeded` notices math changes (see store.ts).
 */
export interface SettingsSlice {
  settings: Settings
  /** The surfaces this store may show. */
  catalog: SurfaceCatalog
  /** Switches surface; view and start go back to the surface's defaults unless kept. Unknown ids are ignored. */
  setSurface(id: string, options?: { keepView?: boolean; keepStart?: boolean }): void
  setStart(start: Vec2): void
  /** A view with x0 < x1 and y0 < y1, or null for the surface's default view. */
  setView(view: Extent | null): void
  /**
   * Adds a racer in the lowest free colour slot and selects it (ignored when MAX_RACERS race already). Without
   * an optimizer it picks the first kind of SGD, momentum, RMSProp, Adam, AdaGrad, … not yet racing.
   */
  addRacer(optimizer?: OptimizerSpec): void
  /** Removes a racer; the last one stays (a race needs one). */
  removeRacer(id: string): void
  /** Adds a visible copy right after the racer, in a new colour, and selects it. */
  duplicateRacer(id: string): void
  updateRacer(id: string, patch: RacerPatch): void
  toggleRacerHidden(id: string): void
  selectRacer(id: string): void
  setSchedule(schedule: RaceScheduleSpec): void
  /** `annealSteps: undefined` switches the annealing off. */
  setNoise(patch: Partial<NoiseSpec>): void
  setSteps(steps: number): void
  /** Also tells a running race (no restart: speed is not part of the math). */
  setSpeed(speed: number): void
  setPalette(palette: Palette): void
  setShowArrows(show: boolean): void
  /** Shows or hides the testing surface (contours and chart curves); non-booleans are ignored. */
  setShowTestSurface(show: boolean): void
  /** The canvases' colour profile; undefined follows presenter mode. */
  setColors(colors: ColorProfileSetting | undefined): void
  /** 2D map, 3D view or both side by side (state/surfaceMode.ts); unknown values are ignored. */
  setSurfaceMode(mode: SurfaceMode): void
  /** Opens the slice tool on `line` (ignored unless `validSliceLine` accepts it), or closes it (null). */
  setSlice(line: SliceLine | null): void
  /** What steps and the charts' x-axis count (`Settings.count`). */
  setStepUnit(unit: StepUnit): void
  /**
   * Switches language once its strings are loaded (loadLanguage.ts): until then the page stays in the
   * current one, so it never flashes English. A failed load keeps the current language and sets
   * `languageFailed`; a later request supersedes an unfinished one.
   */
  setLanguage(language: Language): void
  /** The language whose strings are downloading for `setLanguage`, or null. */
  languagePending: Language | null
  /** The language whose strings could not be loaded (the header says so), or null after a switch succeeds. */
  languageFailed: Language | null
  /**
   * Loads the strings of the current language before the first render (main.tsx awaits it); when they
   * cannot be loaded the app starts in English and `languageFailed` says why.
   */
  settleLanguage(): Promise<void>
  /** Replaces every setting, after the same checks a link gets; returns what was ignored. */
  loadSettings(settings: Settings): UrlNotice[]
  /** Replaces every setting from a query string (`parseUrl`); returns the notices. */
  loadUrl(query: string): UrlNotice[]
}

/** The order in which `addRacer` offers kinds: the lecture's story first (each meta's `addOrder`). */
const ADD_ORDER: readonly OptimizerKind[] = optimizerAddOrder

export interface SettingsSliceDeps {
  catalog: SurfaceCatalog
  /** The first settings (e.g. from `parseUrl(location.search)`); trusted. Default: the lecture's saddle race. */
  initialSettings?: Settings
}

export function createSettingsSlice(deps: SettingsSliceDeps): StateCreator<AppState, [], [], SettingsSlice> {
  const { catalog } = deps
  return (set, get) => {
    const patch = (p: Partial<Settings>): void => set((s) => ({ settings: { ...s.settings, ...p } }))
    const racers = (): RacerSettings[] => get().settings.racers
    const mapRacer = (id: string, f: (r: RacerSettings) => RacerSettings): void => {
      if (racers().some((r) => r.id === id)) patch({ racers: racers().map((r) => (r.id === id ? f(r) : r)) })
    }
    const freeColor = (): number | undefined => {
      const used = new Set(racers().map((r) => r.color))
      for (let c = 0; c < MAX_RACERS; c++) if (!used.has(c)) return c
      return undefined
    }
    const insertRacer = (racer: Omit<RacerSettings, 'id' | 'color'>, at: number): void => {
      const color = freeColor()
      if (color === undefined) return
      const id = racerIdOf(color)
      const list = racers().slice()
      list.splice(at, 0, { id, color, ...racer })
      patch({ racers: list, selectedRacer: id })
    }
    const coordinate = (v: number): number | undefined => clampToRule(LIMITS.coordinate, v)
    // The last language asked for: a load that finishes after another request changes nothing.
    let requestedLanguage: Language | null = null
    // Settings from a link or a scene switch language through `setLanguage` too (strings first).
    const replaceSettings = (next: Settings): void => {
      const language = next.language
      if (hasDictionary(language)) return set({ settings: next })
      set({ settings: { ...next, language: get().settings.language } })
      get().setLanguage(language)
    }

    return {
      settings: deps.initialSettings ?? createDefaultSettings(catalog),
      catalog,

      setSurface(id, options = {}) {
        const surface = typeof id === 'string' ? catalog.get(id) : undefined
        if (surface === undefined) return
        patch({
          surfaceId: surface.id,
          ...(!options.keepView && { view: null }),
          ...(!options.keepStart && { start: [surface.start[0], surface.start[1]] as Vec2 }),
        })
      },

      setStart(start) {
        const x = coordinate(start?.[0])
        const y = coordinate(start?.[1])
        if (x !== undefined && y !== undefined) patch({ start: [x, y] })
      },

      setView(view) {
        if (view === null) return patch({ view: null })
        const [x0, x1, y0, y1] = [view?.x?.[0], view?.x?.[1], view?.y?.[0], view?.y?.[1]].map(coordinate)
        if (x0 === undefined || x1 === undefined || y0 === undefined || y1 === undefined) return
        if (x0 < x1 && y0 < y1) patch({ view: { x: [x0, x1], y: [y0, y1] } })
      },

      addRacer(optimizer) {
        const used = new Set(racers().map((r) => r.optimizer.kind))
        const spec =
          optimizer === undefined
            ? defaultOptimizer(ADD_ORDER.find((k) => !used.has(k)) ?? ADD_ORDER[0])
            : normalizeOptimizer(optimizer)
        if (spec !== undefined)
          insertRacer({ optimizer: spec, schedule: null, hidden: false }, racers().length)
      },

      removeRacer(id) {
        const list = racers()
        const i = list.findIndex((r) => r.id === id)
        if (i === -1 || list.length <= 1) return
        const rest = list.filter((r) => r.id !== id)
        const selected = get().settings.selectedRacer
        patch({
          racers: rest,
          selectedRacer: selected === id ? rest[Math.min(i, rest.length - 1)].id : selected,
        })
      },

      duplicateRacer(id) {
        const i = racers().findIndex((r) => r.id === id)
        if (i === -1) return
        const { optimizer, schedule, batch } = structuredClone(racers()[i])
        insertRacer({ optimizer, schedule, hidden: false, ...(batch !== undefined && { batch }) }, i + 1)
      },

      updateRacer(id, p) {
        mapRacer(id, (r) => {
          const next = { ...r }
          if (p.optimizer !== undefined) {
            const kind = p.optimizer.kind
            // A new kind starts from that kind's defaults, then the patch; an unknown kind changes nothing.
            if (kind === undefined || kind === r.optimizer.kind)
              next.optimizer =
                normalizeOptimizer({ ...r.optimizer, ...p.optimizer }, r.optimizer) ?? r.optimizer
            else if (isOptimizerKind(kind))
              next.optimizer =
                normalizeOptimizer({ ...defaultOptimizer(kind), ...p.optimizer, kind }) ?? r.optimizer
          }
          if (p.schedule === null) next.schedule = null
          else if (p.schedule !== undefined) next.schedule = normalizeSchedule(p.schedule, true) ?? r.schedule
          if (typeof p.hidden === 'boolean') next.hidden = p.hidden
          if (p.batch === null) delete next.batch
          else if (p.batch !== undefined) {
            const b = clampToRule(LIMITS.batch, p.batch)
            if (b !== undefined) next.batch = b
          }
          return next
        })
      },

      toggleRacerHidden(id) {
        mapRacer(id, (r) => ({ ...r, hidden: !r.hidden }))
      },

      selectRacer(id) {
        if (racers().some((r) => r.id === id)) patch({ selectedRacer: id })
      },

      setSchedule(schedule) {
        const s = normalizeSchedule(schedule, true)
        if (s !== undefined) patch({ schedule: s })
      },

      setNoise(p) {
        const noise = { ...get().settings.noise }
        if (p.std !== undefined) noise.std = clampToRule(LIMITS.noiseStd, p.std) ?? noise.std
        if (p.seed !== undefined) noise.seed = clampToRule(LIMITS.seed, p.seed) ?? noise.seed
        if ('annealSteps' in p) {
          const a = p.annealSteps === undefined ? undefined : clampToRule(LIMITS.annealSteps, p.annealSteps)
          if (a !== undefined) noise.annealSteps = a
          else if (p.annealSteps === undefined) delete noise.annealSteps
        }
        patch({ noise })
      },

      setSteps(steps) {
        const v = clampToRule(LIMITS.steps, steps)
        if (v !== undefined) patch({ steps: v })
      },

      setSpeed(speed) {
        const v = clampToRule(LIMITS.speed, speed)
        if (v === undefined) return
        patch({ speed: v })
        get().applySpeed()
      },

      setPalette(palette) {
        if (PALETTES.includes(palette)) patch({ palette })
      },

      setShowArrows(show) {
        if (typeof show === 'boolean') patch({ showArrows: show })
      },

      setShowTestSurface(show) {
        if (typeof show !== 'boolean' || show === (get().settings.showTestSurface === true)) return
        const { showTestSurface: _dropped, ...rest } = get().settings
        set({ settings: show ? { ...rest, showTestSurface: true } : rest })
      },

      setColors(colors) {
        if (colors === undefined) {
          if (get().settings.colors === undefined) return
          const { colors: _dropped, ...rest } = get().settings
          set({ settings: rest })
        } else if (COLOR_PROFILE_SETTINGS.includes(colors)) patch({ colors })
      },

      setSurfaceMode(mode) {
        if (!isSurfaceMode(mode)) return
        set((s) => {
          const { surfaceMode: _old, ...rest } = s.settings
          return { settings: mode === '2d' ? rest : { ...rest, surfaceMode: mode } }
        })
      },

      setSlice(line) {
        const { slice: old, ...rest } = get().settings
        if (line === null) {
          if (old !== undefined) set({ settings: rest })
          return
        }
        const next = validSliceLine(line)
        if (next === undefined) return
        const same =
          old !== undefined && [...old.from, ...old.to].every((v, i) => v === [...next.from, ...next.to][i])
        if (!same) set({ settings: { ...rest, slice: next } })
      },

      setStepUnit(unit) {
        if (!STEP_UNITS.includes(unit)) return
        const { count: _, ...rest } = get().settings
        set({ settings: unit === 'epochs' ? { ...rest, count: 'epochs' } : rest })
      },

      languagePending: null,
      languageFailed: null,

      setLanguage(language) {
        if (!isLanguage(language)) return
        requestedLanguage = language
        if (hasDictionary(language)) {
          set({ languagePending: null, languageFailed: null })
          return patch({ language })
        }
        set({ languagePending: language })
        loadLanguage(language).then(
          () => {
            if (requestedLanguage !== language) return
            set({ languagePending: null, languageFailed: null })
            patch({ language })
          },
          () => {
            if (requestedLanguage === language) set({ languagePending: null, languageFailed: language })
          },
        )
      },

      async settleLanguage() {
        const language = get().settings.language
        try {
          await loadLanguage(language)
        } catch {
          set({ languageFailed: language })
          patch({ language: 'en' })
        }
      },

      loadSettings(settings) {
        const { settings: clean, notices } = parseUrl(serializeUrl(settings), {
          catalog,
          defaults: get().settings,
        })
        replaceSettings(clean)
        return notices
      },

      loadUrl(query) {
        const { settings, notices } = parseUrl(query, { catalog, defaults: get().settings })
        replaceSettings(settings)
        return notices
      },
    }
  }
}
