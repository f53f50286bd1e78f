/** What the 3D view's input moves: the camera's orbit and distance. */
export interface OrbitTarget {
  orbit(dAzimuth: number, dElevation: number): void
  zoom(factor: number): void
  resetCamera(): void
}

/** Radians per pixel of drag: a drag across a 600 px canvas turns the surface by about 200°. */
export const DRAG_RADIANS_PER_PX = 0.006
/** Radians per arrow-key press (Shift: a quarter of it, for fine turns). */
export const KEY_TURN = Math.PI / 24
/** Zoom factor per + / − press and per wheel notch (100 px of deltaY). */
export const ZOOM_FACTOR = 1.2

/**
 * Mouse, touch, pen and keyboard on the 3D canvas: one pointer drags to orbit (left–right turns, up–down
 * tilts), two pointers pinch to zoom, the wheel zooms; keys (the canvas is focusable): ←/→ turn, ↑/↓ tilt,
 * + and − zoom, 0 or Home resets the camera. Returns the detach function.
 */
export function attachOrbitInput(canvas: HTMLCanvasElement, target: OrbitTarget): () => void {
  const pointers = new Map<number, { x: number; y: number }>()
  let pinch = 0

  const spread = (): number => {
    const [a, b] = [...pointers.values()]
    return Math.hypot(a.x - b.x, a.y - b.y)
  }
  const onDown = (e: PointerEvent): void => {
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY })
    canvas.setPointerCapture?.(e.pointerId)
    if (pointers.size === 2) pinch = spread()
  }
  const onMove = (e: PointerEvent): void => {
    const last = pointers.get(e.pointerId)
    if (last === undefined) return
    const dx = e.clientX - last.x
    const dy = e.clientY - last.y
    last.x = e.clientX
    last.y = e.clientY
    if (pointers.size === 1) target.orbit(-dx * DRAG_RADIANS_PER_PX, dy * DRAG_RADIANS_PER_PX)
    else if (pointers.size === 2) {
      const next = spread()
      if (pinch > 0 && next > 0) target.zoom(next / pinch)
      pinch = next
    }
  }
  const onUp = (e: PointerEvent): void => {
    pointers.delete(e.pointerId)
    pinch = pointers.size === 2 ? spread() : 0
  }
  const onWheel = (e: WheelEvent): void => {
    e.preventDefault()
    const px = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY
    target.zoom(ZOOM_FACTOR ** (-px / 100))
  }
  const onKey = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const turn = e.shiftKey ? KEY_TURN / 4 : KEY_TURN
    switch (e.key) {
      case 'ArrowLeft':
        target.orbit(-turn, 0)
        break
      case 'ArrowRight':
        target.orbit(turn, 0)
        break
      case 'ArrowUp':
        target.orbit(0, turn)
        break
      case 'ArrowDown':
        target.orbit(0, -turn)
        break
      case '+':
      case '=':
        target.zoom(ZOOM_FACTOR)
        break
      case '-':
      case '_':
        target.zoom(1 / ZOOM_FACTOR)
        break
      case '0':
      case 'Home':
        target.resetCamera()
        break
      default:
        return
    }
    // Handled here: the page must not scroll, and the presenter's and transport's keys (which skip a
    // defaultPrevented key) must not also act.
    e.preventDefault()
  }
  canvas.addEventListener('pointerdown', onDown)
  canvas.addEventListener('pointermove', onMove)
  canvas.addEventListener('pointerup', onUp)
  canvas.addEventListener('pointercancel', onUp)
  canvas.addEventListener('wheel', onWheel, { passive: false })
  canvas.addEventListener('keydown', onKey)
  return () => {
    canvas.removeEventListener('pointerdown', onDown)
    canvas.removeEventListener('pointermove', onMove)
    canvas.removeEventListener('pointerup', onUp)
    canvas.removeEventListener('pointercancel', onUp)
    canvas.removeEventListener('wheel', onWheel)
    canvas.removeEventListener('keydown', onKey)
  }
}
