/**
 * Sizes `canvas` to widthPx × heightPx CSS pixels at the device pixel ratio (sharp on phones and 4K
 * projectors), scales its context once so painters work in CSS px, and clears it. Null when there is no 2D
 * context (jsdom) or no size: the panel then simply does not paint.
 */
export function fitCanvas(
  canvas: HTMLCanvasElement | null,
  widthPx: number,
  heightPx: number,
): CanvasRenderingContext2D | null {
  if (canvas === null || !(widthPx >= 1 && heightPx >= 1)) return null
  const dpr = Math.min(4, Math.max(1, globalThis.devicePixelRatio || 1))
  const w = Math.round(widthPx * dpr)
  const h = Math.round(heightPx * dpr)
  if (canvas.width !== w) canvas.width = w
  if (canvas.height !== h) canvas.height = h
  canvas.style.width = `${widthPx}px`
  canvas.style.height = `${heightPx}px`
  let ctx: CanvasRenderingContext2D | null
  try {
    ctx = canvas.getContext('2d')
  } catch {
    ctx = null
  }
  if (ctx === null) return null
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.clearRect(0, 0, w, h)
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  return ctx
}
