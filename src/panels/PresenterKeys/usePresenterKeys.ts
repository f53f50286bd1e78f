import { useEffect } from 'react'
import type { SceneStore } from '../../state/scene/sceneStore'
import { useSceneStore } from '../../state/scene/useScene'
import type { AppStore } from '../../state/store'
import { useAppStore } from '../../state/useApp'
import { focusKindOf, presenterCommand } from './presenterKeys'
import type { FocusTarget, PresenterCommand } from './presenterKeys'

/** The parts of `document` the full-screen key uses (absent in jsdom and some phones). */
interface FullscreenDocument {
  fullscreenElement?: Element | null
  exitFullscreen?: () => Promise<void>
  documentElement: { requestFullscreen?: () => Promise<void> }
}

/**
 * Full screen on or off; a refusal (no user gesture, an iframe without `allowfullscreen`) is not an error.
 */
export function toggleFullscreen(doc: FullscreenDocument): void {
  const done = (p: Promise<void> | undefined): void => void p?.catch(() => undefined)
  if (doc.fullscreenElement) done(doc.exitFullscreen?.())
  else done(doc.documentElement.requestFullscreen?.())
}

/** Carries out a command on the stores (the scene store routes playback to the race or to the lab). */
export function runPresenterCommand(command: PresenterCommand, scenes: SceneStore, doc?: FullscreenDocument) {
  const s = scenes.getState()
  switch (command.kind) {
    case 'togglePlay':
      return s.togglePlay()
    case 'step':
      return s.stepBy(command.n)
    case 'nextCard':
      return s.advance()
    case 'prevCard':
      return s.prevCard()
    case 'nextScene':
      return s.nextScene()
    case 'prevScene':
      return s.prevScene()
    case 'reset':
      return s.resetPlayback()
    case 'fullscreen':
      if (doc !== undefined) toggleFullscreen(doc)
      return
    case 'presenter':
      return s.togglePresenter()
    case 'toggleRacer':
      return s.toggleRacer(command.index)
    case 'help':
      return s.setHelpOpen(true)
    case 'closeHelp':
      return s.setHelpOpen(false)
    case 'swallow':
      return
  }
}

/**
 * Lecture mode's page-wide keyboard (`presenterCommand` lists the keys and when a key is left to the focused
 * control). Mount it once, above every page. It listens on `document` in the bubble phase: a focused element
 * that handles a key itself (the surface canvas pans on arrows) marks it `defaultPrevented` first, and a key
 * this hook takes is marked before it reaches the transport bar's window listener, so no key acts twice.
 */
export function usePresenterKeys(): void {
  const app: AppStore = useAppStore()
  const scenes = useSceneStore()
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      const target = e.target instanceof Element ? (e.target as FocusTarget) : null
      const s = scenes.getState()
      const command = presenterCommand(e, focusKindOf(target), {
        sceneOpen: s.page === 'scenes' && app.getState().settings.scene !== undefined,
        helpOpen: s.helpOpen,
        playback: s.playbackTarget() !== null,
      })
      if (command === null) return
      e.preventDefault()
      runPresenterCommand(command, scenes, document)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [app, scenes])
}
