import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import { applySceneAction } from '../../core/scenes/sceneSetup.meta'
import type { SceneSetup } from '../../core/scenes/sceneSetup.meta'
import type { Scene } from '../../core/scenes/types'
import type { LabStore } from '../lab/labStore'
import type { Settings } from '../settings'
import type { AppStore } from '../store'
import { labSettingsForScene, lambdaOfLab, regularizationOf } from './sceneLab'
import { loadedSceneLibrary, loadSceneLibrary } from './sceneLibrary'
import type { SceneLibrary } from './sceneLibrary'
import { messageOf } from '../messageOf'
import {
  escapeOrigin,
  hasAction,
  playbackOf,
  settingsWithSetup,
  setupBeforeCard,
  setupOfSettings,
} from './sceneSettings'

/** The app's pages: the free playground, the lecture scenes (their list, or the open scene) and the lab. */
export type LecturePage = 'playground' | 'scenes' | 'classifier'
export const LECTURE_PAGES: readonly LecturePage[] = ['playground', 'scenes', 'classifier']

/**
 * Lecture mode: which page shows, the clicker's "build" step of the current card, and the help overlay. The
 * scene id, card index and presenter flag are settings of the app store (`settings.scene`, `.card`,
 * `.presenter`: a link carries them), so this store holds only what a link does not, plus the verbs that
 * walk a scene: they put each card's set-up into the app store through `loadSettings` (the link rules
 * validate it; a changed race restarts by itself) and into the classifier lab's store when the scene trains
 * one.
 *
 * A card is shown before its action: arriving at card i (next, previous, a dot, N/P, a link) loads the
 * set-up of cards 0 … i − 1 (`setupBeforeCard`), the same on the way back as on the way forward. The card's
 * button applies its action to what the playground shows now (`setupOfSettings` → `applySceneAction`), and
 * `advance` (the clicker's "next") first applies a pending action, then moves on: a lecturer walks through a
 * scene with one key.
 *
 * The scenes' content is a chunk of its own (`sceneLibrary.ts`): until it has arrived, opening a scene fetches
 * it first (`libraryStatus` is 'loading', then 'ready', or 'failed' when the fetch fails; the next open tries
 * again). The verbs that walk an open scene need no wait: a scene is open only once its content is here.
 */
export interface SceneState {
  page: LecturePage
  /** The scenes' content, or null until it has been fetched. */
  library: SceneLibrary | null
  /** Where the fetch of `library` stands: not asked for, under way, done, or failed. */
  libraryStatus: LibraryStatus
  /** The current card's action was carried out since the card was shown (then `advance` moves on). */
  applied: boolean
  /** The last card action could not be applied (e.g. a racer the user removed); plain text, for the card. */
  actionError: string | null
  helpOpen: boolean

  /**
   * Fetches the scenes' content unless it is here or on its way (see `libraryStatus`); resolves with it, or
   * null when the fetch fails.
   */
  loadLibrary(): Promise<SceneLibrary | null>
  /** Shows a page; leaving for any page closes the open scene (its settings stay in the playground). */
  showPage(page: LecturePage): void
  /**
   * Opens a scene at its first card: its surface, start, view, racers, schedule, noise, steps, speed, arrows;
   * then, when `card` > 0, goes to that card. Synchronous once the library is here, else after its fetch
   * (only the latest request opens).
   */
  openScene(id: string, card?: number): void
  /** Back to the list of scenes. */
  closeScene(): void
  /** Shows card `index` (clamped) of the open scene, in its set-up before the card's action. */
  goToCard(index: number): void
  nextCard(): void
  prevCard(): void
  /** Carries out the current card's action (its button). */
  applyCard(): void
  /** The clicker's next: the current card's pending action, else the next card. */
  advance(): void
  nextScene(): void
  prevScene(): void
  /**
   * What the playback keys drive: the playground's race (the playground page, a surface scene), the lab's
   * training (a classifier scene), or nothing (the list of scenes; the lab page has its own controls).
   */
  playbackTarget(): PlaybackTarget
  /** Plays or pauses the playback target. */
  togglePlay(): void
  /** Moves the race by n updates (the lab: n > 0 trains one epoch; it cannot go back). */
  stepBy(n: number): void
  /** Back to step 0 (the lab: epoch 0). */
  resetPlayback(): void
  /** Shows or hides the racer at this legend position (0-based) of the race. */
  toggleRacer(index: number): void
  setPresenter(on: boolean): void
  togglePresenter(): void
  setHelpOpen(open: boolean): void
  toggleHelp(): void
  /** Stops following the app store. */
  dispose(): void
}

export type SceneStore = StoreApi<SceneState>

/** See `SceneState.playbackTarget`. */
export type PlaybackTarget = 'race' | 'lab' | null

/** See `SceneState.libraryStatus`. */
export type LibraryStatus = 'idle' | 'loading' | 'ready' | 'failed'

export interface SceneStoreDeps {
  app: AppStore
  /**
   * The classifier lab's store, for scenes that train the dot.csv net (optional: scenes narrate without it).
   */
  lab?: LabStore
  /**
   * The scenes' content, already loaded (tests pass `await loadSceneLibrary()` or a registry of their own).
   * Default: the page's library if it has arrived, else fetched when a scene opens.
   */
  library?: SceneLibrary
}

/**
 * The scene of these settings in `library`, or null in the playground, before the library has arrived, and for
 * an unknown id.
 */
export function sceneOfSettings(
  settings: Pick<Settings, 'scene'>,
  library: SceneLibrary | null,
): Scene | null {
  return settings.scene === undefined || library === null ? null : (library.findScene(settings.scene) ?? null)
}

/** Creates the lecture-mode store on top of the app store (and the lab's); see `SceneState`. */
export function createSceneStore(deps: SceneStoreDeps): SceneStore {
  const { app, lab } = deps
  const initialLibrary = deps.library ?? loadedSceneLibrary()
  const current = (): Scene | null => sceneOfSettings(app.getState().settings, store.getState().library)
  const cardIndex = (): number => app.getState().settings.card ?? 0
  const patchSettings = (f: (s: Settings) => Settings): void =>
    app.setState((state) => ({ settings: f(state.settings) }))

  /** The lab's L2 weight for a scene that trains the classifier (undefined without a lab). */
  const labLambda = (scene: Scene): number | undefined =>
    lab !== undefined && scene.classifier !== undefined ? lambdaOfLab(lab.getState().settings) : undefined

  /** Points the Hessian panel at the critical point the card's escape leaves from, or back at the racers. */
  const syncInspect = (scene: Scene): void => {
    if (!scene.panels.includes('hessian')) return
    const setup = setupOfSettings(scene, app.getState().settings)
    let origin
    try {
      origin = escapeOrigin(setup, scene.cards[cardIndex()]?.action)
    } catch {
      origin = undefined
    }
    app.getState().setInspectPoint(origin ?? null)
  }

  /** Puts the scene's classifier into the lab with L2 weight `lambda` (undefined: the scene's own). */
  const syncLab = (scene: Scene, lambda: number | undefined, activate: boolean): void => {
    if (lab === undefined) return
    const state = lab.getState()
    const wanted = labSettingsForScene(scene, state.settings, lambda)
    if (wanted === undefined) return
    if (JSON.stringify(wanted) !== JSON.stringify(state.settings)) state.setSettings(wanted)
    if (activate) lab.getState().activate()
  }

  const arrive = (scene: Scene, index: number, opening: boolean): void => {
    const setup = setupBeforeCard(scene, index)
    const before = app.getState()
    before.loadSettings(
      settingsWithSetup(before.settings, scene, setup, {
        mode: opening ? 'open' : 'arrive',
        card: index,
      }),
    )
    const after = app.getState()
    if (scene.kind === 'classifier') {
      // The playground's race is not on screen: stop it from using the worker.
      if (after.playing) after.pause()
    } else if (opening && after.raceKey === before.raceKey && after.runId !== null) {
      // The same race as before: a scene still opens on its first step.
      after.resetRace()
      after.play()
    }
    syncLab(scene, setup.lambda, opening)
    syncInspect(scene)
    store.setState({ page: 'scenes', applied: false, actionError: null })
  }

  const play = (scene: Scene): void => {
    if (scene.kind === 'classifier') return void lab?.getState().train()
    const s = app.getState()
    if (s.finished) s.resetRace()
    app.getState().play()
  }

  /** The latest scene asked for while the library is on its way (an older request does not open). */
  let requested: { id: string; card: number } | null = null

  /** Fetches the library unless it is here or on its way; resolves with it, or null when the fetch fails. */
  const fetchLibrary = (): Promise<SceneLibrary | null> => {
    const here = store.getState().library
    if (here !== null) return Promise.resolve(here)
    if (store.getState().libraryStatus !== 'loading') store.setState({ libraryStatus: 'loading' })
    return loadSceneLibrary().then(
      (library) => {
        if (store.getState().library === null) store.setState({ library, libraryStatus: 'ready' })
        return store.getState().library
      },
      () => {
        store.setState({ libraryStatus: 'failed' })
        return null
      },
    )
  }

  const open = (library: SceneLibrary, id: string, card: number): void => {
    const scene = library.findScene(id)
    if (scene === undefined) return
    arrive(scene, 0, true)
    if (card > 0) store.getState().goToCard(card)
  }

  const store = createStore<SceneState>()((set, get) => ({
    page: app.getState().settings.scene === undefined ? 'playground' : 'scenes',
    library: initialLibrary,
    libraryStatus: initialLibrary === null ? 'idle' : 'ready',

    loadLibrary: () => fetchLibrary(),
    applied: false,
    actionError: null,
    helpOpen: false,

    showPage(page) {
      if (!LECTURE_PAGES.includes(page)) return
      if (current() !== null) leaveScene()
      set({ page })
      // A race that never started (the app opened on the list or the lab) starts when it comes on screen.
      if (page === 'playground' && app.getState().runId === null) app.getState().restartIfNeeded()
    },

    openScene(id, card = 0) {
      const library = get().library
      if (library !== null) {
        requested = null
        return open(library, id, card)
      }
      requested = { id, card }
      void fetchLibrary().then((loaded) => {
        const wanted = requested
        if (loaded === null || wanted === null || wanted.id !== id || wanted.card !== card) return
        requested = null
        open(loaded, id, card)
      })
    },

    closeScene() {
      if (current() !== null) leaveScene()
      set({ page: 'scenes' })
    },

    goToCard(index) {
      const scene = current()
      if (scene === null || !Number.isFinite(index)) return
      arrive(scene, Math.max(0, Math.min(Math.round(index), scene.cards.length - 1)), false)
    },

    nextCard() {
      const scene = current()
      if (scene !== null && cardIndex() < scene.cards.length - 1) get().goToCard(cardIndex() + 1)
    },

    prevCard() {
      if (current() !== null && cardIndex() > 0) get().goToCard(cardIndex() - 1)
    },

    applyCard() {
      const scene = current()
      const index = cardIndex()
      const action = scene?.cards[index]?.action
      if (scene === null || action === undefined) return
      const before = app.getState()
      const lambda = labLambda(scene)
      let next: SceneSetup
      try {
        next = applySceneAction(setupOfSettings(scene, before.settings, lambda), action)
      } catch (error) {
        set({ applied: true, actionError: messageOf(error) })
        return
      }
      before.loadSettings(settingsWithSetup(before.settings, scene, next, { mode: 'apply', card: index }))
      if (next.lambda !== undefined && next.lambda !== lambda && lab !== undefined && scene.classifier)
        lab.getState().updateNet('a', { regularization: regularizationOf(next.lambda) })
      // After an escape the inspector follows the racers again, as after the Hessian panel's own button.
      if (hasAction(action, 'escape')) app.getState().setInspectPoint(null)
      const playback = playbackOf(action)
      for (const command of playback) {
        if (command === 'play') play(scene)
        else if (scene.kind !== 'classifier') app.getState().toEnd()
      }
      // Nothing in the race changed (the same start again, only visibility): replay it from step 0.
      const after = app.getState()
      if (playback.length === 0 && scene.kind !== 'classifier' && after.raceKey === before.raceKey) {
        after.resetRace()
        after.play()
      }
      set({ applied: true, actionError: null })
    },

    advance() {
      const scene = current()
      if (scene === null) return
      if (scene.cards[cardIndex()]?.action !== undefined && !get().applied) get().applyCard()
      else get().nextCard()
    },

    nextScene() {
      const scene = current()
      const ids = get().library?.sceneIds ?? []
      const i = scene === null ? -1 : ids.indexOf(scene.id)
      if (i >= 0 && i < ids.length - 1) get().openScene(ids[i + 1])
    },

    prevScene() {
      const scene = current()
      const ids = get().library?.sceneIds ?? []
      const i = scene === null ? -1 : ids.indexOf(scene.id)
      if (i > 0) get().openScene(ids[i - 1])
    },

    playbackTarget() {
      const { page } = get()
      const scene = current()
      if (page === 'playground') return 'race'
      if (page !== 'scenes' || scene === null) return null
      return scene.kind === 'classifier' ? (lab === undefined ? null : 'lab') : 'race'
    },

    togglePlay() {
      const target = get().playbackTarget()
      if (target === 'race') app.getState().togglePlay()
      else if (target === 'lab') {
        const l = lab!.getState()
        if (l.run.status === 'playing') l.pause()
        else l.train()
      }
    },

    stepBy(n) {
      const target = get().playbackTarget()
      if (target === 'race') app.getState().stepBy(n)
      else if (target === 'lab' && n > 0) lab!.getState().step()
    },

    resetPlayback() {
      const target = get().playbackTarget()
      if (target === 'race') app.getState().resetRace()
      else if (target === 'lab') lab!.getState().reset()
    },

    toggleRacer(index) {
      if (get().playbackTarget() !== 'race') return
      const racer = app.getState().settings.racers[index]
      if (racer !== undefined) app.getState().toggleRacerHidden(racer.id)
    },

    setPresenter(on) {
      if (on === (app.getState().settings.presenter === true)) return
      patchSettings((s) => {
        const { presenter: _, ...rest } = s
        return on ? { ...rest, presenter: true } : rest
      })
    },

    togglePresenter() {
      get().setPresenter(app.getState().settings.presenter !== true)
    },

    setHelpOpen(open) {
      if (open !== get().helpOpen) set({ helpOpen: open })
    },

    toggleHelp() {
      set({ helpOpen: !get().helpOpen })
    },

    dispose() {
      unsubscribe()
    },
  }))

  function leaveScene(): void {
    const scene = current()
    patchSettings((s) => {
      const { scene: _s, card: _c, ...rest } = s
      return rest
    })
    if (scene?.panels.includes('hessian')) app.getState().setInspectPoint(null)
  }

  // A link, the back button or another panel may change the scene or card: the new card starts unapplied.
  const unsubscribe = app.subscribe((s, prev) => {
    if (s.settings.scene === prev.settings.scene && s.settings.card === prev.settings.card) return
    // Named by some other way than `openScene` (a link loaded later): its content is needed on screen.
    if (s.settings.scene !== undefined && store.getState().library === null) void fetchLibrary()
    store.setState({
      applied: false,
      actionError: null,
      ...(s.settings.scene !== undefined && { page: 'scenes' as const }),
    })
  })

  // Opened from a link: the lab trains the linked card's classifier, the inspector looks at its θ′. (main.tsx
  // has fetched the library first; had that failed, it is asked for again, and the page says so if it fails.)
  if (app.getState().settings.scene !== undefined && initialLibrary === null) void fetchLibrary()
  const linked = current()
  if (linked !== null) {
    syncLab(linked, setupBeforeCard(linked, cardIndex()).lambda, true)
    syncInspect(linked)
  }
  return store
}
