import { select } from 'd3-selection'
import 'd3-transition' // selection.interrupt(), used on destroy
import { zoom, zoomIdentity } from 'd3-zoom'
import type { D3ZoomEvent } from 'd3-zoom'
import type { Extent } from '../../core/types'
import type { ViewScales } from '../../render/scales'
import { extentFromTransform, isUsableView } from './surfaceLayout'

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

/** Zoom factor a single gesture may reach either way; the next gesture starts afresh from the new view. */
const MAX_GESTURE_ZOOM = 64

/**
 * Wheel, drag and pinch zoom/pan on `domNode` through d3-zoom. Each gesture starts from the identity transform
 * over the current view: while it runs, `onGesture` gets the extent the transform shows
 * (`extentFromTransform`); when it ends, `onCommit` gets the final one (null if nothing moved or the result is
 * unusable) and the transform is reset to the identity, so the store's view stays the one truth. Double-click
 * zoom is off (a click sets the start point; the +/− buttons zoom). The element should have
 * `touch-action: none`.
 */
export function createPanZoom(domNode: HTMLElement, options: PanZoomOptions): PanZoom {
  let opts = options
  let base: ViewScales | null = null
  let resetting = false
  const selection = select<HTMLElement, unknown>(domNode)
  const behavior = zoom<HTMLElement, unknown>()
    .scaleExtent([1 / MAX_GESTURE_ZOOM, MAX_GESTURE_ZOOM])
    // d3's default filter (no ctrl-drag, primary button only), then the caller's veto.
    .filter((event: Event) => {
      const e = event as MouseEvent
      const allowed = (!e.ctrlKey || e.type === 'wheel') && !e.button
      return allowed && (opts.filter?.(event) ?? true)
    })
    .on('start', () => {
      if (resetting) return
      base = opts.getScales()
    })
    .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
      if (resetting || base === null) return
      opts.onGesture(extentFromTransform(base, event.transform))
    })
    .on('end', (event: D3ZoomEvent<HTMLElement, unknown>) => {
      if (resetting) return
      const t = event.transform
      const from = base
      base = null
      const moved = t.k !== 1 || t.x !== 0 || t.y !== 0
      if (moved) {
        resetting = true
        selection.call(behavior.transform, zoomIdentity)
        resetting = false
      }
      const view = moved && from !== null ? extentFromTransform(from, t) : null
      opts.onCommit(view !== null && isUsableView(view) ? view : null)
    })
  selection.call(behavior).on('dblclick.zoom', null)
  return {
    update(patch) {
      opts = { ...opts, ...patch }
    },
    destroy() {
      selection.on('.zoom', null).interrupt()
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
