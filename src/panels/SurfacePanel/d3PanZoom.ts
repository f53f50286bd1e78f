import { select } from 'd3-selection'
import 'd3-transition' // selection.interrupt(), used on destroy
import { zoom, zoomIdentity } from 'd3-zoom'
import type { D3ZoomEvent } from 'd3-zoom'
import type { ViewScales } from '../../render/scales'
import type { PanZoom, PanZoomOptions } from './panZoom'
import { extentFromTransform, isUsableView } from './surfaceLayout'

// The d3-zoom stack (d3-zoom, -selection, -transition, -drag, -interpolate, -timer, …), about 12 kB gzip, is
// fetched after the first paint: panZoom.ts imports this file dynamically.

/** Zoom factor a single gesture may reach either way; the next gesture starts afresh from the new view. */
const MAX_GESTURE_ZOOM = 64

/**
 * Wheel, drag and pinch zoom/pan on `domNode` through d3-zoom. Each gesture starts from the identity transform
 * over the current view: while it runs, `onGesture` gets the extent the transform shows
 * (`extentFromTransform`); when it ends, `onCommit` gets the final one (null if nothing moved or the result is
 * unusable) and the transform is reset to the identity, so the store's view stays the one truth. Double-click
 * zoom is off (a click sets the start point; the +/− buttons zoom). The element's `touch-action` decides what
 * the browser keeps: `pan-x pan-y` leaves one-finger pans to the page (with a filter that passes only
 * two-finger touches, `touchMayPan`), `none` gives every touch to the plot.
 */
export function createD3PanZoom(domNode: HTMLElement, options: PanZoomOptions): PanZoom {
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
