import type { BasinAxis } from '../../core/basins/types'
import type { Vec2 } from '../../core/types'
import { cellRgb } from './basinColors'

/** One map as the worker posted its latest level. */
export interface BasinPicture {
  side: number
  minimum: Int32Array
  steps: Int32Array
}

/**
 * Paints a basin map on `canvas` (CSS size `sizePx`): one square per start, row 0 (y.min) at the bottom, each
 * centred on its start, so the picture spans [min − h/2, max + h/2] with h the start spacing; then each listed
 * minimum as a white-edged × with its index. Pixels are drawn from a side × side image scaled without
 * smoothing (crisp squares at every level).
 */
export function paintBasinMap(
  canvas: HTMLCanvasElement,
  sizePx: number,
  picture: BasinPicture,
  total: number,
  axes: { x: BasinAxis; y: BasinAxis },
  minima: readonly Vec2[],
): void {
  const dpr = Math.min(4, Math.max(1, globalThis.devicePixelRatio || 1))
  canvas.width = Math.round(sizePx * dpr)
  canvas.height = Math.round(sizePx * dpr)
  let ctx: CanvasRenderingContext2D | null = null
  try {
    ctx = canvas.getContext('2d')
  } catch {
    ctx = null
  }
  if (ctx === null || typeof document === 'undefined') return
  const { side } = picture
  const image = new ImageData(side, side)
  for (let j = 0; j < side; j++) {
    for (let i = 0; i < side; i++) {
      const k = j * side + i
      const [r, g, b] = cellRgb(picture.minimum[k], picture.steps[k], total)
      const o = ((side - 1 - j) * side + i) * 4
      image.data[o] = r
      image.data[o + 1] = g
      image.data[o + 2] = b
      image.data[o + 3] = 255
    }
  }
  const tile = document.createElement('canvas')
  tile.width = side
  tile.height = side
  tile.getContext('2d')?.putImageData(image, 0, 0)
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.imageSmoothingEnabled = false
  ctx.drawImage(tile, 0, 0, sizePx, sizePx)
  // Minima: where they sit in the picture's extent (start spacing h, squares centred on starts).
  const span = (a: BasinAxis): [number, number] => {
    const h = side > 1 ? (a.max - a.min) / (side - 1) : 1
    return [a.min - h / 2, a.max + h / 2]
  }
  const [x0, x1] = span(axes.x)
  const [y0, y1] = span(axes.y)
  ctx.font = `600 ${Math.round(Math.max(10, sizePx / 22))}px system-ui, sans-serif`
  minima.forEach(([mx, my], index) => {
    const px = ((mx - x0) / (x1 - x0)) * sizePx
    const py = (1 - (my - y0) / (y1 - y0)) * sizePx
    if (!(px >= 0 && px <= sizePx && py >= 0 && py <= sizePx)) return
    const r = Math.max(4, sizePx / 50)
    ctx.lineCap = 'round'
    for (const [w, color] of [
      [4, '#fff'],
      [2, '#111'],
    ] as const) {
      ctx.lineWidth = w
      ctx.strokeStyle = color
      ctx.beginPath()
      ctx.moveTo(px - r, py - r)
      ctx.lineTo(px + r, py + r)
      ctx.moveTo(px - r, py + r)
      ctx.lineTo(px + r, py - r)
      ctx.stroke()
    }
    ctx.lineWidth = 3
    ctx.strokeStyle = '#fff'
    ctx.fillStyle = '#111'
    ctx.strokeText(String(index), px + r + 2, py - r)
    ctx.fillText(String(index), px + r + 2, py - r)
  })
}
