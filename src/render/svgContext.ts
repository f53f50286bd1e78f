import type { CanvasStyle, Ctx2D } from './ctx2d'
import type { ImageLike } from './heatmap'

export interface SvgContextOptions {
  /**
   * Encodes RGBA pixels (rows top-down) as a `data:image/png;base64,…` URL for an `<image>`. The browser
   * passes a canvas's `toDataURL`; tests a stub. A result that is not such a URL is left out of the file.
   */
  encodeImage(image: ImageLike): string
  /** The document's `<title>` (its accessible name). */
  title?: string
}

/**
 * A `Ctx2D` that records drawing as SVG elements, so the painters of src/render draw the SVG export with the
 * same code that paints the canvases (d3-path's habit: one drawing routine, several outputs). Each `stroke`
 * or `fill` becomes a `<path>` of the current path with the style in force, `fillRect` a `<rect>`, `fillText`
 * a `<text>`; `clip` clips the following elements to the current path until the matching `restore`, like the
 * canvas; `drawImageData` places pixels as an `<image>`. Coordinates are CSS px, written with 2 decimals.
 */
export interface SvgContext extends Ctx2D {
  readonly widthPx: number
  readonly heightPx: number
  /** Clips everything drawn afterwards (until the matching `restore`) to the current path. */
  clip(): void
  /** Draws an RGBA image stretched over (x, y, w, h), smoothed, under the current clip. */
  drawImageData(image: ImageLike, x: number, y: number, w: number, h: number): void
  /** The document so far, as a standalone SVG file (UTF-8, with the XML declaration). */
  toSvg(): string
}

interface State {
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
  clip: string | null
}

/** Text made safe as XML character data or inside a double-quoted attribute. */
export function escapeXml(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Only characters XML allows: no C0 controls but tab and line breaks, no lone surrogates, no U+FFFE/FFFF.
      .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
  )
}

/** A coordinate with 2 decimals, −0 as 0. */
function num(v: number): string {
  const r = Math.round(v * 100) / 100
  return r === 0 ? '0' : String(r)
}

const finite = (...vs: number[]): boolean => vs.every((v) => Number.isFinite(v))

const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/

const ANCHOR: Readonly<Record<CanvasTextAlign, string>> = {
  left: 'start',
  start: 'start',
  center: 'middle',
  right: 'end',
  end: 'end',
}
const BASELINE: Readonly<Record<CanvasTextBaseline, string | null>> = {
  top: 'text-before-edge',
  hanging: 'hanging',
  middle: 'central',
  alphabetic: null,
  ideographic: 'ideographic',
  bottom: 'text-after-edge',
}

const TAU = 2 * Math.PI

/** Creates an empty drawing of `widthPx × heightPx` CSS px. */
export function createSvgContext(widthPx: number, heightPx: number, options: SvgContextOptions): SvgContext {
  if (!(widthPx > 0 && heightPx > 0 && finite(widthPx, heightPx)))
    throw new Error(`invalid SVG size ${widthPx}×${heightPx}`)
  return new SvgRecorder(widthPx, heightPx, options)
}

class SvgRecorder implements SvgContext {
  private state: State = {
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
    clip: null,
  }
  private readonly stack: State[] = []
  private readonly body: string[] = []
  private readonly defs: string[] = []
  private path: string[] = []
  /** The path has a segment (not only moves), so stroking or filling it draws something. */
  private drawn = false
  private hasPoint = false
  private cx = 0
  private cy = 0
  private startX = 0
  private startY = 0
  private clips = 0

  constructor(
    readonly widthPx: number,
    readonly heightPx: number,
    private readonly options: SvgContextOptions,
  ) {}

  get fillStyle(): CanvasStyle {
    return this.state.fillStyle
  }
  set fillStyle(v: CanvasStyle) {
    this.state.fillStyle = String(v)
  }
  get strokeStyle(): CanvasStyle {
    return this.state.strokeStyle
  }
  set strokeStyle(v: CanvasStyle) {
    this.state.strokeStyle = String(v)
  }
  get lineWidth(): number {
    return this.state.lineWidth
  }
  set lineWidth(v: number) {
    // The canvas ignores widths that are not positive and finite.
    if (v > 0 && Number.isFinite(v)) this.state.lineWidth = v
  }
  get lineCap(): CanvasLineCap {
    return this.state.lineCap
  }
  set lineCap(v: CanvasLineCap) {
    this.state.lineCap = v
  }
  get lineJoin(): CanvasLineJoin {
    return this.state.lineJoin
  }
  set lineJoin(v: CanvasLineJoin) {
    this.state.lineJoin = v
  }
  get globalAlpha(): number {
    return this.state.globalAlpha
  }
  set globalAlpha(v: number) {
    if (v >= 0 && v <= 1) this.state.globalAlpha = v
  }
  get font(): string {
    return this.state.font
  }
  set font(v: string) {
    this.state.font = v
  }
  get textAlign(): CanvasTextAlign {
    return this.state.textAlign
  }
  set textAlign(v: CanvasTextAlign) {
    this.state.textAlign = v
  }
  get textBaseline(): CanvasTextBaseline {
    return this.state.textBaseline
  }
  set textBaseline(v: CanvasTextBaseline) {
    this.state.textBaseline = v
  }

  setLineDash(segments: number[]): void {
    if (segments.every((s) => s >= 0 && Number.isFinite(s))) this.state.dash = [...segments]
  }
  save(): void {
    this.stack.push({ ...this.state, dash: [...this.state.dash] })
  }
  restore(): void {
    const s = this.stack.pop()
    if (s !== undefined) this.state = s
  }

  beginPath(): void {
    this.path = []
    this.drawn = false
    this.hasPoint = false
  }
  moveTo(x: number, y: number): void {
    if (!finite(x, y)) return
    this.path.push(`M${num(x)} ${num(y)}`)
    this.setPoint(x, y)
    this.startX = x
    this.startY = y
  }
  lineTo(x: number, y: number): void {
    if (!finite(x, y)) return
    if (!this.hasPoint) return this.moveTo(x, y)
    this.path.push(`L${num(x)} ${num(y)}`)
    this.drawn = true
    this.setPoint(x, y)
  }
  closePath(): void {
    if (!this.hasPoint) return
    this.path.push('Z')
    this.drawn = true
    this.setPoint(this.startX, this.startY)
  }
  rect(x: number, y: number, w: number, h: number): void {
    if (!finite(x, y, w, h)) return
    this.path.push(`M${num(x)} ${num(y)}h${num(w)}v${num(h)}h${num(-w)}Z`)
    this.drawn = true
    this.setPoint(x, y)
    this.startX = x
    this.startY = y
  }
  /**
   * The canvas's arc: a line from the current point to the arc's start, then the arc from `a0` to `a1`
   * (radians, clockwise on screen unless `ccw`); a sweep of 2π or more is a full circle, drawn as two halves.
   */
  arc(x: number, y: number, r: number, a0: number, a1: number, ccw = false): void {
    if (!finite(x, y, r, a0, a1) || r < 0) return
    const sx = x + r * Math.cos(a0)
    const sy = y + r * Math.sin(a0)
    if (!this.hasPoint) this.moveTo(sx, sy)
    else if (Math.abs(sx - this.cx) > 1e-9 || Math.abs(sy - this.cy) > 1e-9) this.lineTo(sx, sy)
    const span = ccw ? a0 - a1 : a1 - a0
    const sweep = ccw ? 0 : 1
    const R = num(r)
    if (span >= TAU) {
      const mx = x - r * Math.cos(a0)
      const my = y - r * Math.sin(a0)
      this.path.push(
        `A${R} ${R} 0 1 ${sweep} ${num(mx)} ${num(my)}A${R} ${R} 0 1 ${sweep} ${num(sx)} ${num(sy)}`,
      )
      this.drawn = true
      this.setPoint(sx, sy)
      return
    }
    const delta = ((span % TAU) + TAU) % TAU
    if (delta === 0 || r === 0) return
    const ex = x + r * Math.cos(a1)
    const ey = y + r * Math.sin(a1)
    this.path.push(`A${R} ${R} 0 ${delta > Math.PI ? 1 : 0} ${sweep} ${num(ex)} ${num(ey)}`)
    this.drawn = true
    this.setPoint(ex, ey)
  }

  fill(): void {
    const d = this.pathData()
    if (d !== null)
      this.body.push(`<path d="${d}" fill="${escapeXml(this.state.fillStyle)}"${this.common()}/>`)
  }
  stroke(): void {
    const d = this.pathData()
    if (d !== null) this.body.push(`<path d="${d}" fill="none"${this.strokeAttrs()}${this.common()}/>`)
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    if (!finite(x, y, w, h)) return
    // A negative width or height draws from the other corner, as on a canvas.
    const left = Math.min(x, x + w)
    const top = Math.min(y, y + h)
    this.body.push(
      `<rect x="${num(left)}" y="${num(top)}" width="${num(Math.abs(w))}" height="${num(Math.abs(h))}" ` +
        `fill="${escapeXml(this.state.fillStyle)}"${this.common()}/>`,
    )
  }
  fillText(text: string, x: number, y: number): void {
    this.text(text, x, y, ` fill="${escapeXml(this.state.fillStyle)}"`)
  }
  strokeText(text: string, x: number, y: number): void {
    this.text(text, x, y, ` fill="none"${this.strokeAttrs()}`)
  }

  clip(): void {
    const d = this.pathData() ?? `M0 0h0v0h0Z`
    const id = `clip${++this.clips}`
    const outer = this.state.clip === null ? '' : ` clip-path="url(#${this.state.clip})"`
    // A clipPath with its own clip-path is clipped by it: nested clips intersect, as on a canvas.
    this.defs.push(`<clipPath id="${id}"${outer}><path d="${d}"/></clipPath>`)
    this.state.clip = id
  }

  drawImageData(image: ImageLike, x: number, y: number, w: number, h: number): void {
    if (!finite(x, y, w, h) || !(image.width > 0 && image.height > 0)) return
    const href = this.options.encodeImage(image)
    if (typeof href !== 'string' || !PNG_DATA_URL.test(href)) return
    const left = Math.min(x, x + w)
    const top = Math.min(y, y + h)
    this.body.push(
      `<image x="${num(left)}" y="${num(top)}" width="${num(Math.abs(w))}" height="${num(Math.abs(h))}" ` +
        `preserveAspectRatio="none" href="${href}"${this.common()}/>`,
    )
  }

  toSvg(): string {
    const w = num(this.widthPx)
    const h = num(this.heightPx)
    const title = this.options.title === undefined ? '' : `<title>${escapeXml(this.options.title)}</title>`
    const defs = this.defs.length === 0 ? '' : `<defs>${this.defs.join('')}</defs>`
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n` +
      `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" ` +
      `role="img">${title}${defs}\n${this.body.join('\n')}\n</svg>\n`
    )
  }

  private setPoint(x: number, y: number): void {
    this.cx = x
    this.cy = y
    this.hasPoint = true
  }
  /** The current path as `d`, or null when it draws nothing (no segment after its moves). */
  private pathData(): string | null {
    return this.drawn ? this.path.join('') : null
  }
  private strokeAttrs(): string {
    const s = this.state
    let a = ` stroke="${escapeXml(s.strokeStyle)}" stroke-width="${num(s.lineWidth)}"`
    if (s.lineCap !== 'butt') a += ` stroke-linecap="${s.lineCap}"`
    if (s.lineJoin !== 'miter') a += ` stroke-linejoin="${s.lineJoin}"`
    if (s.dash.length > 0) a += ` stroke-dasharray="${s.dash.map(num).join(' ')}"`
    return a
  }
  /** Opacity and clip, which every element takes. */
  private common(): string {
    const s = this.state
    let a = ''
    if (s.globalAlpha !== 1) a += ` opacity="${num(s.globalAlpha)}"`
    if (s.clip !== null) a += ` clip-path="url(#${s.clip})"`
    return a
  }
  private text(text: string, x: number, y: number, paint: string): void {
    if (!finite(x, y) || text === '') return
    const s = this.state
    const baseline = BASELINE[s.textBaseline]
    this.body.push(
      `<text x="${num(x)}" y="${num(y)}"${paint} style="font:${escapeXml(s.font)}" ` +
        `text-anchor="${ANCHOR[s.textAlign]}"${baseline === null ? '' : ` dominant-baseline="${baseline}"`}` +
        `${this.common()}>${escapeXml(text)}</text>`,
    )
  }
}
