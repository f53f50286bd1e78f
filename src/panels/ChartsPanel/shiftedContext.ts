import type { Ctx2D } from '../../render/ctx2d'

/**
 * A view of `ctx` that draws everything `dx` CSS px to the right (the `Ctx2D` subset has no `translate`). The
 * charts panel uses it to line up the plots of its three charts, whose y labels have different widths, so
 * that one step sits at the same x on all of them. `dx = 0` returns `ctx` itself.
 */
export function shiftedContext(ctx: Ctx2D, dx: number): Ctx2D {
  if (dx === 0) return ctx
  return {
    get fillStyle() {
      return ctx.fillStyle
    },
    set fillStyle(v) {
      ctx.fillStyle = v
    },
    get strokeStyle() {
      return ctx.strokeStyle
    },
    set strokeStyle(v) {
      ctx.strokeStyle = v
    },
    get lineWidth() {
      return ctx.lineWidth
    },
    set lineWidth(v) {
      ctx.lineWidth = v
    },
    get lineCap() {
      return ctx.lineCap
    },
    set lineCap(v) {
      ctx.lineCap = v
    },
    get lineJoin() {
      return ctx.lineJoin
    },
    set lineJoin(v) {
      ctx.lineJoin = v
    },
    get globalAlpha() {
      return ctx.globalAlpha
    },
    set globalAlpha(v) {
      ctx.globalAlpha = v
    },
    get font() {
      return ctx.font
    },
    set font(v) {
      ctx.font = v
    },
    get textAlign() {
      return ctx.textAlign
    },
    set textAlign(v) {
      ctx.textAlign = v
    },
    get textBaseline() {
      return ctx.textBaseline
    },
    set textBaseline(v) {
      ctx.textBaseline = v
    },
    save: () => ctx.save(),
    restore: () => ctx.restore(),
    beginPath: () => ctx.beginPath(),
    moveTo: (x, y) => ctx.moveTo(x + dx, y),
    lineTo: (x, y) => ctx.lineTo(x + dx, y),
    closePath: () => ctx.closePath(),
    arc: (x, y, r, a0, a1, ccw) => ctx.arc(x + dx, y, r, a0, a1, ccw),
    rect: (x, y, w, h) => ctx.rect(x + dx, y, w, h),
    fill: () => ctx.fill(),
    stroke: () => ctx.stroke(),
    fillRect: (x, y, w, h) => ctx.fillRect(x + dx, y, w, h),
    fillText: (text, x, y) => ctx.fillText(text, x + dx, y),
    strokeText: (text, x, y) => ctx.strokeText(text, x + dx, y),
    setLineDash: (segments) => ctx.setLineDash(segments),
  }
}
