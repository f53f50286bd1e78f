import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { RaceDriver } from './raceDriver'
import type { Settings } from './settings'
import { createInspectSlice } from './slices/inspectSlice'
import type { InspectSlice } from './slices/inspectSlice'
import { createRaceSlice } from './slices/raceSlice'
import type { RaceSlice } from './slices/raceSlice'
import { createSliceToolSlice } from './slices/sliceToolSlice'
import type { SliceToolSlice } from './slices/sliceToolSlice'
import { createSettingsSlice } from './slices/settingsSlice'
import type { SettingsSlice } from './slices/settingsSlice'
import { createRegistryCatalog } from './surfaceCatalog'
import type { SurfaceCatalog } from './surfaceCatalog'

/** The whole application state: the settings (plain data), the live race and the inspected point. */
export type AppState = SettingsSlice & RaceSlice & InspectSlice & SliceToolSlice

export type AppStore = StoreApi<AppState>

export interface AppStoreDeps {
  /** The worker, behind the `RaceDriver` interface (createStores.ts passes the real client, tests a fake). */
  driver: RaceDriver
  /** The surfaces to offer; default: every surface of the core registry. */
  catalog?: SurfaceCatalog
  /** First settings, e.g. `parseUrl(location.search, …).settings`; default: the lecture's saddle race. */
  initialSettings?: Settings
  /**
   * Restart the race whenever a settings change alters its math (default true): each change of `settings`
   * runs `restartIfNeeded`, which compares the race specs and starts a new race only if they differ (so view,
   * speed, palette, visibility and language never restart). Pass false to debounce: call `restartIfNeeded`
   * yourself, e.g. from a timer after a slider settles.
   */
  autoRestart?: boolean
}

/**
 * Creates the app's vanilla store from its slices (zustand's slices pattern, typed `StateCreator<AppState,
 * [], [], Slice>`), testable without React. No race starts until the first `startRace`/`restartIfNeeded`
 * (createStores.ts calls `restartIfNeeded()` once when the link shows a race); `disposeRace` detaches it from the driver.
 */
export function createAppStore(deps: AppStoreDeps): AppStore {
  const catalog = deps.catalog ?? createRegistryCatalog()
  const store = createStore<AppState>()((...a) => ({
    ...createSettingsSlice({ catalog, initialSettings: deps.initialSettings })(...a),
    ...createRaceSlice({ driver: deps.driver })(...a),
    ...createInspectSlice()(...a),
    ...createSliceToolSlice()(...a),
  }))
  if (deps.autoRestart !== false) {
    store.subscribe((state, prev) => {
      if (state.settings !== prev.settings) state.restartIfNeeded()
    })
  }
  return store
}
