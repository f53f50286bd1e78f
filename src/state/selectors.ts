import type { Extent } from '../core/types'
import { MAX_RACERS } from './limits'
import type { RaceTrack } from './raceTrack'
import type { RacerSettings } from './settings'
import type { RaceError } from './slices/raceSlice'
import type { AppState } from './store'
import type { SurfaceInfo } from './surfaceCatalog'
import { serializeUrl } from './urlState'

/**
 * Named, module-level selectors (xyflow's `viewportSelector` habit): each returns a primitive or an object
 * that keeps its identity until it really changes, so `useApp(selectX)` re-renders only then, and none
 * needs `useShallow`. Per-frame data (tracks, version) is for `store.subscribe`, not for React.
 */

export const selectSettings = (s: AppState) => s.settings
export const selectSurfaceId = (s: AppState) => s.settings.surfaceId
/** The current surface's descriptor (names, default extent, start, minima). */
export const selectSurface = (s: AppState): SurfaceInfo => s.catalog.get(s.settings.surfaceId)!
/** The visible extent: the user's view, else the surface's default. */
export const selectView = (s: AppState): Extent => s.settings.view ?? selectSurface(s).extent
export const selectStart = (s: AppState) => s.settings.start
export const selectRacers = (s: AppState) => s.settings.racers
export const selectSelectedRacerId = (s: AppState) => s.settings.selectedRacer
export const selectSelectedRacer = (s: AppState): RacerSettings | undefined =>
  s.settings.racers.find((r) => r.id === s.settings.selectedRacer)
export const selectSchedule = (s: AppState) => s.settings.schedule
export const selectNoise = (s: AppState) => s.settings.noise
export const selectSteps = (s: AppState) => s.settings.steps
export const selectSpeed = (s: AppState) => s.settings.speed
export const selectPalette = (s: AppState) => s.settings.palette
export const selectShowArrows = (s: AppState) => s.settings.showArrows
export const selectLanguage = (s: AppState) => s.settings.language
export const selectCanAddRacer = (s: AppState) => s.settings.racers.length < MAX_RACERS
export const selectCanRemoveRacer = (s: AppState) => s.settings.racers.length > 1

export const selectRunId = (s: AppState) => s.runId
export const selectCursor = (s: AppState) => s.cursor
export const selectPlaying = (s: AppState) => s.playing
export const selectFinished = (s: AppState) => s.finished
export const selectRaceSteps = (s: AppState) => s.raceSteps
export const selectRaceError = (s: AppState): RaceError | null => s.raceError
/** Goes up when points arrive: subscribe to it (with `cursor`) to repaint, never render from it. */
export const selectVersion = (s: AppState) => s.version
/** The tracks of the current run: a new array only when a race starts; the buffers inside mutate. */
export const selectTracks = (s: AppState): readonly RaceTrack[] => s.tracks

const queries = new WeakMap<AppState['settings'], string>()
/** The share link's query string, computed once per settings object (settings are replaced, never mutated). */
export const selectShareQuery = (s: AppState): string => {
  let query = queries.get(s.settings)
  if (query === undefined) queries.set(s.settings, (query = serializeUrl(s.settings)))
  return query
}

/** The surfaces this store offers (ids in menu order, names, default start); fixed for a store's life. */
export const selectCatalog = (s: AppState) => s.catalog

/** The point the Hessian inspector looks at (null: the selected racer's current point). */
export const selectInspectPoint = (s: AppState) => s.inspectPoint
/** The Hessian panel's latest analysis, drawn as eigen-axes on the surface. */
export const selectInspectAnalysis = (s: AppState) => s.inspectAnalysis
/** Whether an analysis is there to draw (a boolean: re-renders only when it appears or goes). */
export const selectHasInspectAnalysis = (s: AppState) => s.inspectAnalysis !== null

/** The lecture scene being told (an id of the core's `scenes`), or undefined in the free playground. */
export const selectSceneId = (s: AppState) => s.settings.scene
/** The narration card shown (0 when no scene is open). */
export const selectSceneCard = (s: AppState) => s.settings.card ?? 0
/** Presenter mode: large type, thick lines, high contrast. Canvases may scale their line widths by it. */
export const selectPresenter = (s: AppState) => s.settings.presenter === true

/** The canvases' chosen colour profile, or undefined when it follows presenter mode. */
export const selectColors = (s: AppState) => s.settings.colors
