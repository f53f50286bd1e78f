import type { Vec2 } from '../../core/types'
import type { ViewScales } from '../../render/scales'
import { selectView } from '../../state/selectors'
import { selectSliceDrawing } from '../../state/sliceTool'
import type { SliceLine } from '../../state/sliceTool'
import type { AppStore } from '../../state/store'
import { createPanZoom, touchMayPan, wheelMayZoom } from './panZoom'
import { createPressTracker, hitsStartMarker, LONG_PRESS_MS, toPointerKind } from './pointerIntent'
import { SLICE_END_HIT_PX, sliceEndAt } from './sliceLayer'
import { panViewBy, zoomViewBy } from './surfaceLayout'
import type { SurfaceView } from './surfaceView'

/** Zoom factor of one +/− press (button or key); its inverse undoes it. */
export const ZOOM_STEP = 1.5
/** An arrow key pans by this fraction of the view. */
export const PAN_STEP = 0.1

/** The plot point under canvas position (x, y), clamped into the plot area (a drag may leave it). */
function clampedParam(scales: ViewScales, x: number, y: number): Vec2 {
  const { left, top, width, height } = scales.plot
  const cx = Math.min(left + width, Math.max(left, x))
  const cy = Math.min(top + height, Math.max(top, y))
  return [scales.pxToX(cx), scales.pyToY(cy)]
}

function insidePlot(scales: ViewScales, x: number, y: number): boolean {
  const { left, top, width, height } = scales.plot
  return x >= left && x <= left + width && y >= top && y <= top + height
}

/** How the surface takes touch: `exploring()` is true while the user's "explore" switch is on. */
export interface SurfaceInputOptions {
  exploring?: () => boolean
}

/**
 * Wires the top canvas: a click or tap sets every racer's start (`setStart`), dragging the start marker moves
 * it (pointer capture; the store is told on release), other drags, the wheel and pinches zoom and pan through
 * d3-zoom (`createPanZoom`; the store's view is set when the gesture ends), Shift/Alt-hover or a long press
 * sets the inspected point, and the keyboard pans (arrows), zooms (+, −), resets the view (0) and stops
 * inspecting (Escape). On a touch screen one finger scrolls the page and two pan and zoom (`touchMayPan`),
 * unless `exploring()`; a finger on the start marker drags it. In the slice tool's draw mode
 * (`selectSliceDrawing`) a drag of one pointer draws the slice line instead (from a press on one of its ends,
 * it moves that end); the wheel still zooms. Returns the function that detaches everything.
 */
export function attachSurfaceInput(
  canvas: HTMLCanvasElement,
  view: SurfaceView,
  store: AppStore,
  options: SurfaceInputOptions = {},
): () => void {
  const exploring = (): boolean => options.exploring?.() ?? false
  const presses = createPressTracker()
  // Marker centre minus pointer at the grab, px: the marker keeps its place under the finger, it does not jump.
  let grabDx = 0
  let grabDy = 0
  let longPress: ReturnType<typeof setTimeout> | null = null
  let hover: Vec2 | null = null
  let hoverFrame = 0
  // The slice line being drawn: its pointer, the end that follows it, and the line so far.
  let slice: { id: number; end: 'from' | 'to'; line: SliceLine; moved: boolean } | null = null
  const drawingSlice = (): boolean => selectSliceDrawing(store.getState())

  const local = (e: PointerEvent): [number, number] => {
    const r = canvas.getBoundingClientRect()
    return [e.clientX - r.left, e.clientY - r.top]
  }
  const stopLongPress = (): void => {
    if (longPress !== null) clearTimeout(longPress)
    longPress = null
  }
  const onStartMarker = (scales: ViewScales, x: number, y: number, type: string): boolean => {
    const [sx, sy] = store.getState().settings.start
    return hitsStartMarker(x, y, scales.xToPx(sx), scales.yToPx(sy), toPointerKind(type))
  }

  const panZoom = createPanZoom(canvas, {
    getScales: () => view.settledScales(),
    onGesture: (extent) => view.setGestureView(extent),
    onCommit(extent) {
      if (extent !== null) store.getState().setView(extent)
      view.setGestureView(null)
    },
    // The marker drag owns its pointer: d3-zoom must not pan the view under it. In an embed a plain wheel
    // scrolls the host page instead of zooming (`wheelMayZoom`).
    // One finger scrolls the page unless the user explores (`touchMayPan`).
    filter: (event) =>
      !presses.dragging &&
      (event.type === 'wheel' || (!drawingSlice() && slice === null)) &&
      wheelMayZoom(event as WheelEvent, store.getState().settings.embed !== undefined) &&
      touchMayPan(event as TouchEvent, exploring()),
  })

  function pointerDown(e: PointerEvent): void {
    if (e.pointerType === 'mouse' && e.button !== 0) return
    const scales = view.scales()
    if (scales === null) return
    const [x, y] = local(e)
    const kind = toPointerKind(e.pointerType)
    if (drawingSlice()) {
      if (slice !== null || !e.isPrimary || !insidePlot(scales, x, y)) return
      const current = store.getState().settings.slice!
      const end = sliceEndAt(scales, current, x, y, SLICE_END_HIT_PX[kind])
      const p: Vec2 = [scales.pxToX(x), scales.pyToY(y)]
      // From an end: that end follows the pointer. Elsewhere: a new line from here.
      const line = end === null ? { from: p, to: p } : { from: current.from, to: current.to }
      slice = { id: e.pointerId, end: end ?? 'to', line, moved: false }
      canvas.setPointerCapture?.(e.pointerId)
      e.preventDefault()
      return
    }
    const grab = insidePlot(scales, x, y) && onStartMarker(scales, x, y, e.pointerType) && !e.shiftKey
    const action = presses.down(e.pointerId, kind, x, y, grab)
    if (action === 'drag-start') {
      const [sx, sy] = store.getState().settings.start
      grabDx = scales.xToPx(sx) - x
      grabDy = scales.yToPx(sy) - y
      canvas.setPointerCapture?.(e.pointerId)
      view.setDragStart([sx, sy])
      e.preventDefault()
      return
    }
    stopLongPress()
    if (kind === 'touch' && e.isPrimary && insidePlot(scales, x, y)) {
      const id = e.pointerId
      longPress = setTimeout(() => {
        longPress = null
        const now = view.scales()
        if (presses.longPress(id) === 'inspect' && now !== null)
          store.getState().setInspectPoint(clampedParam(now, x, y))
      }, LONG_PRESS_MS)
    }
  }

  function pointerMove(e: PointerEvent): void {
    const scales = view.scales()
    if (scales === null) return
    const [x, y] = local(e)
    if (slice !== null) {
      if (e.pointerId !== slice.id) return
      const p = clampedParam(scales, x, y)
      slice.line = { ...slice.line, [slice.end]: p }
      slice.moved = true
      view.setDraftSlice(slice.line)
      return
    }
    if (presses.move(e.pointerId, x, y) === 'drag-move') {
      view.setDragStart(clampedParam(scales, x + grabDx, y + grabDy))
      return
    }
    const idle = e.buttons === 0 && e.pointerType !== 'touch'
    canvas.style.cursor =
      idle && insidePlot(scales, x, y) && onStartMarker(scales, x, y, e.pointerType) ? 'grab' : ''
    if (idle && (e.shiftKey || e.altKey) && insidePlot(scales, x, y)) {
      // At most one store update per frame: the Hessian panel asks the worker for each new point.
      hover = [scales.pxToX(x), scales.pyToY(y)]
      if (hoverFrame === 0)
        hoverFrame = requestAnimationFrame(() => {
          hoverFrame = 0
          if (hover !== null) store.getState().setInspectPoint(hover)
        })
    }
  }

  function pointerUp(e: PointerEvent): void {
    stopLongPress()
    const scales = view.scales()
    const [x, y] = local(e)
    if (slice !== null) {
      if (e.pointerId !== slice.id) return
      const done = slice
      slice = null
      if (canvas.hasPointerCapture?.(e.pointerId)) canvas.releasePointerCapture(e.pointerId)
      // A press without a drag (or a line shorter than a pixel) keeps the line as it was.
      if (done.moved && scales !== null) {
        const end = clampedParam(scales, x, y)
        const line = { ...done.line, [done.end]: end }
        const px = Math.hypot(
          scales.xToPx(line.to[0]) - scales.xToPx(line.from[0]),
          scales.yToPx(line.to[1]) - scales.yToPx(line.from[1]),
        )
        if (px >= 1) store.getState().setSlice(line)
      }
      view.setDraftSlice(null)
      return
    }
    const action = presses.up(e.pointerId, x, y)
    if (action === 'drag-end' || action === 'drag-cancel') {
      if (canvas.hasPointerCapture?.(e.pointerId)) canvas.releasePointerCapture(e.pointerId)
      if (action === 'drag-end' && scales !== null)
        store.getState().setStart(clampedParam(scales, x + grabDx, y + grabDy))
      view.setDragStart(null)
    } else if (action === 'click' && scales !== null && insidePlot(scales, x, y)) {
      store.getState().setStart([scales.pxToX(x), scales.pyToY(y)])
    }
  }

  function pointerCancel(e: PointerEvent): void {
    stopLongPress()
    if (slice !== null && e.pointerId === slice.id) {
      slice = null
      view.setDraftSlice(null)
    }
    if (presses.dragging) view.setDragStart(null)
    presses.cancel(e.pointerId)
  }

  function keyDown(e: KeyboardEvent): void {
    const state = store.getState()
    const current = selectView(state)
    const pan: Record<string, [number, number]> = {
      ArrowLeft: [-PAN_STEP, 0],
      ArrowRight: [PAN_STEP, 0],
      ArrowUp: [0, PAN_STEP],
      ArrowDown: [0, -PAN_STEP],
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return
    if (e.key in pan) state.setView(panViewBy(current, ...pan[e.key]))
    else if (e.key === '+' || e.key === '=') state.setView(zoomViewBy(current, ZOOM_STEP))
    else if (e.key === '-' || e.key === '_') state.setView(zoomViewBy(current, 1 / ZOOM_STEP))
    else if (e.key === '0') state.setView(null)
    else if (e.key === 'Escape' && state.inspectPoint !== null) state.setInspectPoint(null)
    else return
    e.preventDefault()
  }

  // A long press must not open the context menu (or select text) on touch screens.
  const noMenu = (e: Event): void => e.preventDefault()
  // A finger dragging the start marker must not scroll the page (touch-action lets one finger scroll it):
  // pointerdown comes before touchstart, so the press already knows it is a drag.
  const noScrollWhileDragging = (e: TouchEvent): void => {
    if ((presses.dragging || slice !== null) && e.cancelable) e.preventDefault()
  }

  canvas.addEventListener('pointerdown', pointerDown)
  canvas.addEventListener('pointermove', pointerMove)
  canvas.addEventListener('pointerup', pointerUp)
  canvas.addEventListener('pointercancel', pointerCancel)
  canvas.addEventListener('lostpointercapture', pointerCancel)
  canvas.addEventListener('keydown', keyDown)
  canvas.addEventListener('contextmenu', noMenu)
  canvas.addEventListener('touchstart', noScrollWhileDragging, { passive: false })
  canvas.addEventListener('touchmove', noScrollWhileDragging, { passive: false })
  return () => {
    stopLongPress()
    if (hoverFrame !== 0) cancelAnimationFrame(hoverFrame)
    panZoom.destroy()
    canvas.removeEventListener('pointerdown', pointerDown)
    canvas.removeEventListener('pointermove', pointerMove)
    canvas.removeEventListener('pointerup', pointerUp)
    canvas.removeEventListener('pointercancel', pointerCancel)
    canvas.removeEventListener('lostpointercapture', pointerCancel)
    canvas.removeEventListener('keydown', keyDown)
    canvas.removeEventListener('contextmenu', noMenu)
    canvas.removeEventListener('touchstart', noScrollWhileDragging)
    canvas.removeEventListener('touchmove', noScrollWhileDragging)
  }
}
