import { useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { selectColors, selectPresenter } from './selectors'
import type { ColorProfileSetting } from './settings'
import { AppStoreContext } from './useApp'

/** What decides how big and in which colours the canvases draw (render's `drawScaleFor` turns it into a scale). */
export interface CanvasLook {
  presenter: boolean
  /** The chosen colour profile, or undefined to follow presenter mode. */
  colors: ColorProfileSetting | undefined
  /** The viewport's height in CSS px (presenter mode scales with it); tracked only in presenter mode. */
  viewportHeightPx: number
}

const viewportHeight = (): number => (typeof window === 'undefined' ? 0 : window.innerHeight)

const noSubscription = (): (() => void) => () => {}

/**
 * The settings and viewport that set the canvases' drawing scale; a new object only when one of them changes.
 * Without an app store above (the classifier lab on its own) it is the screen's look.
 */
export function useCanvasLook(): CanvasLook {
  const store = useContext(AppStoreContext)
  const subscribe = store?.subscribe ?? noSubscription
  const presenter = useSyncExternalStore(subscribe, () =>
    store === null ? false : selectPresenter(store.getState()),
  )
  const colors = useSyncExternalStore(subscribe, () =>
    store === null ? undefined : selectColors(store.getState()),
  )
  const [height, setHeight] = useState(viewportHeight)
  useEffect(() => {
    if (!presenter) return
    const onResize = (): void => setHeight(viewportHeight())
    onResize()
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [presenter])
  return useMemo(
    () => ({ presenter, colors, viewportHeightPx: presenter ? height : 0 }),
    [presenter, colors, height],
  )
}
