/**
 * The slice of the Canvas 2D API the painters in `src/render` use. `CanvasRenderingContext2D` and
 * `OffscreenCanvasRenderingContext2D` both satisfy it, and tests pass a recording fake
 * (test/helpers/recordingContext.ts), like d3-shape's `line.context(ctx)`.
 *
 * Coordinates are CSS pixels of the drawing surface: the panel applies `ctx.scale(devicePixelRatio, …)`
 * once, so every size here (line widths, radii, font sizes) is in CSS px.
 */
export interface Ctx2D {
  fillStyle: CanvasStyle
  strokeStyle: CanvasStyle
  lineWidth: number
  lineCap: CanvasLineCap
  lineJoin: CanvasLineJoin
  globalAlpha: number
  font: string
  textAlign: CanvasTextAlign
  textBaseline: CanvasTextBaseline
  save(): void
  restore(): void
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  closePath(): void
  arc(
    x: number,
    y: number,
    radius: number,
    startAngle: number,
    endAngle: number,
    counterclockwise?: boolean,
  ): void
  rect(x: number, y: number, w: number, h: number): void
  fill(): void
  stroke(): void
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  strokeText(text: string, x: number, y: number): void
  setLineDash(segments: number[]): void
}

/** What a fill or stroke style may be; the painters only ever assign CSS colour strings. */
export type CanvasStyle = string | CanvasGradient | CanvasPattern

/** A full turn in radians, for `arc` circles. */
export const TAU = 2 * Math.PI
