import type { Extent } from '../../core/types'
import type { ViewScales } from '../../render/scales'
import type { createD3PanZoom } from './d3PanZoom'

export interface PanZoomOptions {
  /** The view as it is now (settled), read when a gesture begins; null while the canvas has no size. */
  getScales(): ViewScales | null
  /** During a gesture: the extent on screen now (paint the cached layers through it; cheap). */
  onGesture(view: Extent): void
  /** Gesture over: the new view to keep (then `setView` it and resample), or null when nothing moved. */
  onCommit(view: Extent | null): void
  /** Extra veto on starting a gesture, e.g. while the start marker is dragged. Default: allow. */
  filter?(event: Event): boolean
}

/** A d3-zoom behaviour on one element, as a plain object (xyflow's XYPanZoom): created once, then updated. */
export interface PanZoom {
  /** Replaces some of the options (callbacks that close over newer state). */
  update(options: Partial<PanZoomOptions>): void
  destroy(): void
}

/** What ./d3PanZoom.ts provides once fetched. */
interface D3PanZoomModule {
  createD3PanZoom: typeof createD3PanZoom
}

let loading: Promise<D3PanZoomModule> | null = null

/**
 * Fetches the d3-zoom behaviour (./d3PanZoom.ts and the d3 modules it needs), once; a failed fetch is
 * forgotten so the next surface tries again. The first screen does not wait for it: the plot paints, the
 * +/− buttons and keys zoom, and wheel, drag and pinch work from the moment it arrives.
 */
export function loadPanZoom(): Promise<D3PanZoomModule> {
  loading ??= import('./d3PanZoom').catch((error: unknown) => {
    loading = null
    throw error
  })
  return loading
}

/**
 * Wheel, drag and pinch zoom/pan on `domNode` through d3-zoom (see `createD3PanZoom` for the gestures), attached
 * as soon as `loadPanZoom` has the module: the returned object can be updated and destroyed at once, and a
 * behaviour destroyed before the module arrives is never attached. `ready` settles when it is attached (or
 * never will be).
 */
export function createPanZoom(
  domNode: HTMLElement,
  options: PanZoomOptions,
): PanZoom & { ready: Promise<void> } {
  let opts = options
  let inner: PanZoom | null = null
  let destroyed = false
  const ready = loadPanZoom().then(
    ({ createD3PanZoom }) => {
      if (!destroyed) inner = createD3PanZoom(domNode, opts)
    },
    () => undefined, // no gestures this time; the buttons and keys still zoom
  )
  return {
    ready,
    update(patch) {
      opts = { ...opts, ...patch }
      inner?.update(patch)
    },
    destroy() {
      destroyed = true
      inner?.destroy()
      inner = null
    },
  }
}

/**
 * Whether a wheel event may zoom. Embedded in course notes, a plain wheel must scroll the host page (a student
 * reading past the figure must not get stuck on it), so zooming there takes Ctrl or ⌘ — the map convention;
 * pinch and the +/− buttons still work. Other events are not this rule's business.
 */
export function wheelMayZoom(
  event: Pick<WheelEvent, 'type' | 'ctrlKey' | 'metaKey'>,
  embedded: boolean,
): boolean {
  return event.type !== 'wheel' || !embedded || event.ctrlKey || event.metaKey
}

/**
 * Whether a touch may start a pan or pinch: on a page, one finger must scroll the page (the surface can fill a
 * phone's width, leaving nowhere else to swipe), so the plot moves under two fingers, or under one while the
 * user has turned "explore" on — the map convention. The canvas's `touch-action: pan-x pan-y` hands one-finger
 * pans to the browser; other events are not this rule's business.
 */
export function touchMayPan(
  event: Pick<TouchEvent, 'type'> & { touches?: { length: number } },
  exploring: boolean,
): boolean {
  return event.type !== 'touchstart' || exploring || (event.touches?.length ?? 0) >= 2
}
