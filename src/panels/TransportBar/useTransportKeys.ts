import { useEffect } from 'react'
import type { AppStore } from '../../state/store'
import { focusKindOf, transportKeyAction } from './transportKeys'
import type { FocusTarget } from './transportKeys'

/**
 * Page-wide transport shortcuts while the transport bar is mounted: space plays or pauses, ← / → step (see
 * `transportKeyAction` for when a key is left to the focused control).
 */
export function useTransportKeys(store: AppStore): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      const target = e.target instanceof Element ? (e.target as FocusTarget) : null
      const action = transportKeyAction(e, focusKindOf(target))
      if (action === null) return
      e.preventDefault()
      const s = store.getState()
      if (action.kind === 'toggle') s.togglePlay()
      else if (action.kind === 'step') s.stepBy(action.n)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [store])
}
