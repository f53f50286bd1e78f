import type { FigureSize, FigureTarget } from '../../render/exportSurface'
import type { ImageLike } from '../../render/heatmap'
import { createSvgContext } from '../../render/svgContext'

/** Draws one figure into whatever target it is given (the same code for PNG and SVG). */
export type DrawFigure = (target: FigureTarget) => void

/** A canvas holding `image` one pixel per pixel (for `drawImage` and `toDataURL`), or null without a 2D context. */
function imageCanvas(image: ImageLike): HTMLCanvasElement | null {
  const canvas = document.createElement('canvas')
  canvas.width = image.width
  canvas.height = image.height
  const ctx = canvas.getContext('2d')
  if (ctx === null) return null
  const data = ctx.createImageData(image.width, image.height)
  data.data.set(image.data.subarray(0, data.data.length))
  ctx.putImageData(data, 0, 0)
  return canvas
}

/** RGBA pixels as a PNG data URL (the browser's own encoder), for the SVG's `<image>`; '' without a canvas. */
export function pngDataUrl(image: ImageLike): string {
  return imageCanvas(image)?.toDataURL('image/png') ?? ''
}

/** A `FigureTarget` on a canvas context: pixels go through a scratch canvas, smoothed like the panel's heatmap. */
export function canvasFigureTarget(ctx: CanvasRenderingContext2D): FigureTarget {
  return {
    ctx,
    drawImage(image, x, y, width, height) {
      const source = imageCanvas(image)
      if (source === null) return
      ctx.imageSmoothingEnabled = true
      ctx.drawImage(source, x, y, width, height)
    },
  }
}

/**
 * The figure as a PNG: drawn at `scale` device px per CSS px (sharp on a projector or in print) into a canvas
 * that never enters the page, then encoded by the browser. Rejects when the browser has no 2D canvas.
 */
export function figurePng(draw: DrawFigure, size: FigureSize, scale: number): Promise<Blob> {
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(size.widthPx * scale)
  canvas.height = Math.round(size.heightPx * scale)
  const ctx = canvas.getContext('2d')
  if (ctx === null) return Promise.reject(new Error('no 2D canvas'))
  ctx.scale(scale, scale)
  draw(canvasFigureTarget(ctx))
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob === null ? reject(new Error('PNG encoding failed')) : resolve(blob)),
      'image/png',
    ),
  )
}

/** The figure as a standalone SVG file (vector paths and text; the heatmap as an embedded PNG image). */
export function figureSvg(draw: DrawFigure, size: FigureSize, title: string): Blob {
  const svg = createSvgContext(size.widthPx, size.heightPx, { encodeImage: pngDataUrl, title })
  draw({ ctx: svg, drawImage: (image, x, y, w, h) => svg.drawImageData(image, x, y, w, h) })
  return new Blob([svg.toSvg()], { type: 'image/svg+xml' })
}

/** Longest stretch of work between two yields to the browser, ms (a frame at 60 fps is 16.7 ms). */
const SLICE_MS = 12

/**
 * Collects a file generated in chunks (`trajectoryCsvChunks`, `trajectoryJsonChunks`) without a long task:
 * after each ~12 ms of work it gives the browser a turn (the race keeps animating while 65 MB are formatted).
 * Rejects with an AbortError once `signal` is aborted.
 */
export async function collectChunks(chunks: Iterable<string>, signal: AbortSignal): Promise<string[]> {
  const parts: string[] = []
  let since = performance.now()
  for (const chunk of chunks) {
    parts.push(chunk)
    if (performance.now() - since < SLICE_MS) continue
    await new Promise((resolve) => setTimeout(resolve, 0))
    if (signal.aborted) throw new DOMException('export cancelled', 'AbortError')
    since = performance.now()
  }
  return parts
}

/**
 * Hands a file to the browser's download (an object URL on a temporary `<a download>`); the URL is released
 * once the download has had time to start.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  a.hidden = true
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}
