import type { CanvasStyle, Ctx2D } from '../../src/render/ctx2d'

/** Rounds to 3 decimals (and −0 to 0), the precision render snapshots compare at (Observable Plot's harness). */
export function r3(v: number): number {
  const r = Math.round(v * 1000) / 1000
  return r === 0 ? 0 : r
}

/** Style in force when a path was stroked or filled, or text was drawn. */
export interface PaintState {
  fillStyle: string
  strokeStyle: string
  lineWidth: number
  lineCap: CanvasLineCap
  lineJoin: CanvasLineJoin
  globalAlpha: number
  font: string
  textAlign: CanvasTextAlign
  textBaseline: CanvasTextBaseline
  dash: number[]
}

/**
 * A stroke or fill of the current path. `d` spells the path with numbers rounded by `r3`:
 * `M x,y` move, `L x,y` line, `Z` close, `A cx,cy,r,a0,a1[,ccw]` arc, `R x,y,w,h` rect; `segments` holds the
 * same as data.
 */
export interface PaintOp extends PaintState {
  kind: 'stroke' | 'fill'
  d: string
  segments: Segment[]
}

export type Segment =
  | { op: 'M' | 'L'; x: number; y: number }
  | { op: 'Z' }
  | { op: 'A'; x: number; y: number; r: number; a0: number; a1: number; ccw: boolean }
  | { op: 'R'; x: number; y: number; w: number; h: number }

export interface TextOp extends PaintState {
  kind: 'fillText' | 'strokeText'
  text: string
  x: number
  y: number
}

const initialState = (): PaintState => ({
  fillStyle: '#000000',
  strokeStyle: '#000000',
  lineWidth: 1,
  lineCap: 'butt',
  lineJoin: 'miter',
  globalAlpha: 1,
  font: '10px sans-serif',
  textAlign: 'start',
  textBaseline: 'alphabetic',
  dash: [],
})

function spell(s: Segment): string {
  switch (s.op) {
    case 'M':
    case 'L':
      return `${s.op}${s.x},${s.y}`
    case 'Z':
      return 'Z'
    case 'A':
      return `A${s.x},${s.y},${s.r},${s.a0},${s.a1}${s.ccw ? ',1' : ''}`
    case 'R':
      return `R${s.x},${s.y},${s.w},${s.h}`
  }
}

/**
 * A fake `Ctx2D` that records what would be painted, with the canvas state rules that matter (save/restore
 * stack, current path kept until beginPath). `calls` logs every method call and style assignment in order;
 * `ops` holds each stroke/fill with its path and style; `texts` each drawn string; `rects` each fillRect.
 */
export class RecordingContext implements Ctx2D {
  readonly calls: string[] = []
  readonly ops: PaintOp[] = []
  readonly texts: TextOp[] = []
  readonly rects: { x: number; y: number; w: number; h: number; fillStyle: string }[] = []
  private state: PaintState = initialState()
  private readonly stack: PaintState[] = []
  private path: Segment[] = []

  private set<K extends keyof PaintState>(key: K, value: PaintState[K]): void {
    this.state[key] = value
    this.calls.push(`${key}=${Array.isArray(value) ? value.join(',') : String(value)}`)
  }

  get fillStyle(): CanvasStyle {
    return this.state.fillStyle
  }
  set fillStyle(v: CanvasStyle) {
    this.set('fillStyle', String(v))
  }
  get strokeStyle(): CanvasStyle {
    return this.state.strokeStyle
  }
  set strokeStyle(v: CanvasStyle) {
    this.set('strokeStyle', String(v))
  }
  get lineWidth(): number {
    return this.state.lineWidth
  }
  set lineWidth(v: number) {
    this.set('lineWidth', v)
  }
  get lineCap(): CanvasLineCap {
    return this.state.lineCap
  }
  set lineCap(v: CanvasLineCap) {
    this.set('lineCap', v)
  }
  get lineJoin(): CanvasLineJoin {
    return this.state.lineJoin
  }
  set lineJoin(v: CanvasLineJoin) {
    this.set('lineJoin', v)
  }
  get globalAlpha(): number {
    return this.state.globalAlpha
  }
  set globalAlpha(v: number) {
    this.set('globalAlpha', v)
  }
  get font(): string {
    return this.state.font
  }
  set font(v: string) {
    this.set('font', v)
  }
  get textAlign(): CanvasTextAlign {
    return this.state.textAlign
  }
  set textAlign(v: CanvasTextAlign) {
    this.set('textAlign', v)
  }
  get textBaseline(): CanvasTextBaseline {
    return this.state.textBaseline
  }
  set textBaseline(v: CanvasTextBaseline) {
    this.set('textBaseline', v)
  }

  setLineDash(segments: number[]): void {
    this.set('dash', [...segments])
  }
  save(): void {
    this.calls.push('save')
    this.stack.push({ ...this.state, dash: [...this.state.dash] })
  }
  restore(): void {
    this.calls.push('restore')
    const s = this.stack.pop()
    if (s !== undefined) this.state = s
  }
  beginPath(): void {
    this.calls.push('beginPath')
    this.path = []
  }
  moveTo(x: number, y: number): void {
    this.calls.push(`moveTo(${r3(x)},${r3(y)})`)
    this.path.push({ op: 'M', x: r3(x), y: r3(y) })
  }
  lineTo(x: number, y: number): void {
    this.calls.push(`lineTo(${r3(x)},${r3(y)})`)
    this.path.push({ op: 'L', x: r3(x), y: r3(y) })
  }
  closePath(): void {
    this.calls.push('closePath')
    this.path.push({ op: 'Z' })
  }
  arc(
    x: number,
    y: number,
    radius: number,
    startAngle: number,
    endAngle: number,
    counterclockwise = false,
  ): void {
    this.calls.push(`arc(${r3(x)},${r3(y)},${r3(radius)},${r3(startAngle)},${r3(endAngle)})`)
    this.path.push({
      op: 'A',
      x: r3(x),
      y: r3(y),
      r: r3(radius),
      a0: r3(startAngle),
      a1: r3(endAngle),
      ccw: counterclockwise,
    })
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.calls.push(`rect(${r3(x)},${r3(y)},${r3(w)},${r3(h)})`)
    this.path.push({ op: 'R', x: r3(x), y: r3(y), w: r3(w), h: r3(h) })
  }
  fill(): void {
    this.calls.push('fill')
    this.paint('fill')
  }
  stroke(): void {
    this.calls.push('stroke')
    this.paint('stroke')
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    this.calls.push(`fillRect(${r3(x)},${r3(y)},${r3(w)},${r3(h)})`)
    this.rects.push({ x: r3(x), y: r3(y), w: r3(w), h: r3(h), fillStyle: this.state.fillStyle })
  }
  fillText(text: string, x: number, y: number): void {
    this.calls.push(`fillText(${text},${r3(x)},${r3(y)})`)
    this.texts.push({ ...this.snapshot(), kind: 'fillText', text, x: r3(x), y: r3(y) })
  }
  strokeText(text: string, x: number, y: number): void {
    this.calls.push(`strokeText(${text},${r3(x)},${r3(y)})`)
    this.texts.push({ ...this.snapshot(), kind: 'strokeText', text, x: r3(x), y: r3(y) })
  }

  /** Strokes only, optionally of one colour. */
  strokes(strokeStyle?: string): PaintOp[] {
    return this.ops.filter(
      (o) => o.kind === 'stroke' && (strokeStyle === undefined || o.strokeStyle === strokeStyle),
    )
  }
  /** Fills only, optionally of one colour. */
  fills(fillStyle?: string): PaintOp[] {
    return this.ops.filter((o) => o.kind === 'fill' && (fillStyle === undefined || o.fillStyle === fillStyle))
  }
  /** Texts drawn with fillText, as strings. */
  filledTexts(): string[] {
    return this.texts.filter((t) => t.kind === 'fillText').map((t) => t.text)
  }

  private snapshot(): PaintState {
    return { ...this.state, dash: [...this.state.dash] }
  }
  private paint(kind: 'stroke' | 'fill'): void {
    const segments = this.path.map((s) => ({ ...s }))
    this.ops.push({ ...this.snapshot(), kind, d: segments.map(spell).join(''), segments })
  }
}
