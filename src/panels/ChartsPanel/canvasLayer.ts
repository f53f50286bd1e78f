import type { LayerTarget } from './seriesChart'

/**
 * Sizes `canvas` to widthPx × heightPx CSS pixels at the device pixel ratio (sharp on phones and projectors),
 * scales its context once so painters work in CSS px, and returns it as a layer. Null when there is no 2D
 * context (jsdom, an exhausted GPU) or no size: the panel then simply does not paint.
 */
export function fitCanvas(canvas: HTMLCanvasElement, widthPx: number, heightPx: number): LayerTarget | null {
  if (!(widthPx >= 1 && heightPx >= 1)) return null
  const dpr = Math.min(4, Math.max(1, globalThis.devicePixelRatio || 1))
  canvas.width = Math.round(widthPx * dpr)
  canvas.height = Math.round(heightPx * dpr)
  canvas.style.width = `${widthPx}px`
  canvas.style.height = `${heightPx}px`
  const c = context2d(canvas)
  if (c === null) return null
  c.setTransform(dpr, 0, 0, dpr, 0, 0)
  return {
    ctx: c,
    clear() {
      c.save()
      c.setTransform(1, 0, 0, 1, 0, 0)
      c.clearRect(0, 0, canvas.width, canvas.height)
      c.restore()
    },
  }
}

function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  try {
    return canvas.getContext('2d')
  } catch {
    return null
  }
}
