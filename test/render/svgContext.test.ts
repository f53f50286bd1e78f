// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { drawAxes } from '../../src/render/axes'
import { contourPaths, drawContours } from '../../src/render/contours'
import type { Ctx2D } from '../../src/render/ctx2d'
import { gridTransform } from '../../src/render/grid'
import { viewScales } from '../../src/render/scales'
import { createSvgContext, escapeXml } from '../../src/render/svgContext'
import { drawMinima, drawTrajectory } from '../../src/render/trajectory'
import { RecordingContext } from '../helpers/recordingContext'

const PNG = 'data:image/png;base64,iVBORw0KGgo='
const svgOf = (draw: (ctx: ReturnType<typeof createSvgContext>) => void, w = 200, h = 100) => {
  const ctx = createSvgContext(w, h, { encodeImage: () => PNG, title: 'A figure' })
  draw(ctx)
  return ctx.toSvg()
}
/** Parses as the browser would open the file; fails the test on any XML error. */
function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
  return doc
}
const all = (doc: Document, tag: string) => Array.from(doc.getElementsByTagName(tag))

describe('createSvgContext', () => {
  it('an empty drawing is a standalone SVG file of the given size, with its title', () => {
    const svg = svgOf(() => {}, 640, 480)
    expect(
      svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'),
    ).toBe(true)
    const root = parse(svg).documentElement
    expect(root.tagName).toBe('svg')
    expect([root.getAttribute('width'), root.getAttribute('height'), root.getAttribute('viewBox')]).toEqual([
      '640',
      '480',
      '0 0 640 480',
    ])
    expect(all(parse(svg), 'title')[0].textContent).toBe('A figure')
  })

  it('stroke and fill become <path> elements of the current path, with the style in force', () => {
    const doc = parse(
      svgOf((ctx) => {
        ctx.beginPath()
        ctx.moveTo(1, 2)
        ctx.lineTo(3.14159, 4)
        ctx.strokeStyle = '#ff0000'
        ctx.lineWidth = 2.5
        ctx.lineCap = 'round'
        ctx.setLineDash([4, 2])
        ctx.globalAlpha = 0.5
        ctx.stroke()
        ctx.beginPath()
        ctx.rect(10, 20, 30, 40)
        ctx.fillStyle = 'rgba(0, 0, 255, 0.5)'
        ctx.globalAlpha = 1
        ctx.fill()
      }),
    )
    const [line, box] = all(doc, 'path')
    expect(line.getAttribute('d')).toBe('M1 2L3.14 4')
    expect(line.getAttribute('fill')).toBe('none')
    expect(line.getAttribute('stroke')).toBe('#ff0000')
    expect(line.getAttribute('stroke-width')).toBe('2.5')
    expect(line.getAttribute('stroke-linecap')).toBe('round')
    expect(line.getAttribute('stroke-dasharray')).toBe('4 2')
    expect(line.getAttribute('opacity')).toBe('0.5')
    expect(box.getAttribute('d')).toBe('M10 20h30v40h-30Z')
    expect(box.getAttribute('fill')).toBe('rgba(0, 0, 255, 0.5)')
    expect(box.hasAttribute('opacity')).toBe(false)
  })

  it('a path of moves only draws nothing; save/restore bring the style back', () => {
    const doc = parse(
      svgOf((ctx) => {
        ctx.beginPath()
        ctx.moveTo(1, 1)
        ctx.stroke()
        ctx.save()
        ctx.strokeStyle = '#00ff00'
        ctx.restore()
        ctx.lineTo(5, 5)
        ctx.stroke()
      }),
    )
    const paths = all(doc, 'path')
    expect(paths).toHaveLength(1)
    expect(paths[0].getAttribute('stroke')).toBe('#000000')
  })

  it('arc follows the canvas: a line to its start, the sweep direction, the large-arc flag, full circles', () => {
    const d = (draw: (ctx: Ctx2D) => void) =>
      all(
        parse(
          svgOf((ctx) => {
            ctx.beginPath()
            draw(ctx)
            ctx.stroke()
          }),
        ),
        'path',
      )[0].getAttribute('d')
    // A quarter turn clockwise on screen (y down) from (15, 10) to (10, 15).
    expect(d((c) => c.arc(10, 10, 5, 0, Math.PI / 2))).toBe('M15 10A5 5 0 0 1 10 15')
    // The same ends counter-clockwise: three quarters of the circle.
    expect(d((c) => c.arc(10, 10, 5, 0, Math.PI / 2, true))).toBe('M15 10A5 5 0 1 0 10 15')
    // From a current point elsewhere, a straight line joins the arc's start.
    expect(
      d((c) => {
        c.moveTo(0, 0)
        c.arc(10, 10, 5, Math.PI, 1.5 * Math.PI)
      }),
    ).toBe('M0 0L5 10A5 5 0 0 1 10 5')
    // A dot: moveTo(x + r, y) then a full turn, as the painters draw it, is two half circles back to the start.
    expect(
      d((c) => {
        c.moveTo(13, 4)
        c.arc(10, 4, 3, 0, 2 * Math.PI)
      }),
    ).toBe('M13 4A3 3 0 1 1 7 4A3 3 0 1 1 13 4')
  })

  it('clip clips the following elements until the matching restore; nested clips intersect', () => {
    const doc = parse(
      svgOf((ctx) => {
        ctx.save()
        ctx.beginPath()
        ctx.rect(0, 0, 50, 50)
        ctx.clip()
        ctx.fillRect(0, 0, 10, 10)
        ctx.save()
        ctx.beginPath()
        ctx.rect(5, 5, 50, 50)
        ctx.clip()
        ctx.fillRect(0, 0, 20, 20)
        ctx.restore()
        ctx.restore()
        ctx.fillRect(0, 0, 30, 30)
      }),
    )
    const clips = all(doc, 'clipPath')
    expect(clips.map((c) => c.id)).toEqual(['clip1', 'clip2'])
    expect(clips[0].getElementsByTagName('path')[0].getAttribute('d')).toBe('M0 0h50v50h-50Z')
    expect(clips[1].getAttribute('clip-path')).toBe('url(#clip1)')
    expect(all(doc, 'rect').map((r) => r.getAttribute('clip-path'))).toEqual([
      'url(#clip1)',
      'url(#clip2)',
      null,
    ])
  })

  it('text is escaped, anchored and aligned as textAlign and textBaseline say, in the canvas font', () => {
    const hostile = `<script>alert("x")</script> & 'w₁' \u0000`
    const doc = parse(
      svgOf((ctx) => {
        ctx.font = "italic 13px 'Times New Roman', serif"
        ctx.textAlign = 'center'
        ctx.textBaseline = 'top'
        ctx.fillText(hostile, 50, 20)
        ctx.textAlign = 'right'
        ctx.textBaseline = 'alphabetic'
        ctx.fillText('b', 1, 2)
      }),
    )
    expect(all(doc, 'script')).toHaveLength(0)
    const [a, b] = all(doc, 'text')
    expect(a.textContent).toBe(`<script>alert("x")</script> & 'w₁' `)
    expect(a.getAttribute('text-anchor')).toBe('middle')
    expect(a.getAttribute('dominant-baseline')).toBe('text-before-edge')
    expect(a.getAttribute('style')).toBe("font:italic 13px 'Times New Roman', serif")
    expect(b.getAttribute('text-anchor')).toBe('end')
    expect(b.hasAttribute('dominant-baseline')).toBe(false)
  })

  it('drawImageData places the encoded pixels as an <image>; anything but a PNG data URL is left out', () => {
    const image = { data: new Uint8ClampedArray(16), width: 2, height: 2 }
    const doc = parse(svgOf((ctx) => ctx.drawImageData(image, 4, 40, 100, -30)))
    const [img] = all(doc, 'image')
    expect([
      img.getAttribute('x'),
      img.getAttribute('y'),
      img.getAttribute('width'),
      img.getAttribute('height'),
    ]).toEqual(['4', '10', '100', '30'])
    expect(img.getAttribute('href')).toBe(PNG)
    expect(img.getAttribute('preserveAspectRatio')).toBe('none')
    for (const bad of ['javascript:alert(1)', 'data:image/svg+xml;base64,PHN2Zz4=', `${PNG}" onload="x`]) {
      const ctx = createSvgContext(10, 10, { encodeImage: () => bad })
      ctx.drawImageData(image, 0, 0, 1, 1)
      expect(ctx.toSvg()).not.toContain('<image')
    }
  })

  it("the render layer's painters draw the same strokes and fills into SVG as into a canvas", () => {
    const scales = viewScales({ x: [-2, 2], y: [-2, 2] }, { widthPx: 300, heightPx: 240, margin: 30 })
    const n = 40
    const xs = Float64Array.from({ length: n }, (_, i) => 1.5 * Math.cos(i / 6))
    const ys = Float64Array.from({ length: n }, (_, i) => 1.5 * Math.sin(i / 6))
    const grid = {
      values: new Float64Array(64).map((_, k) => (k % 8) ** 2 + Math.floor(k / 8) ** 2),
      nx: 8,
      ny: 8,
      min: 0,
      max: 98,
    }
    const paint = (ctx: Ctx2D) => {
      drawContours(
        ctx,
        contourPaths(grid, [10, 30, 60]),
        gridTransform(scales, { x: [-2, 2], y: [-2, 2] }, 8, 8),
      )
      drawTrajectory(ctx, xs, ys, n, scales, { color: '#1f77b4' })
      drawMinima(ctx, [[0, 0]], scales)
      drawAxes(ctx, scales, scales.extent, { xLabel: 'w_1', yLabel: 'w_2' })
    }
    const rec = new RecordingContext()
    paint(rec)
    const svg = createSvgContext(300, 240, { encodeImage: () => PNG })
    paint(svg)
    const doc = parse(svg.toSvg())
    const paths = all(doc, 'path')
    // A canvas paints nothing for a path of moves only (e.g. a contour pass with no major level): nor does the SVG.
    const painted = rec.ops.filter((o) => o.segments.some((seg) => seg.op !== 'M'))
    expect(painted.length).toBeLessThan(rec.ops.length)
    expect(paths.length).toBe(painted.length)
    expect(paths.length).toBeGreaterThan(5)
    expect(paths.map((p) => p.getAttribute('stroke') ?? p.getAttribute('fill'))).toEqual(
      painted.map((o) => (o.kind === 'stroke' ? o.strokeStyle : o.fillStyle)),
    )
    expect(all(doc, 'text').map((t) => t.textContent)).toEqual(rec.filledTexts())
    expect(rec.filledTexts()).toContain('w₁')
  })
})

describe('escapeXml', () => {
  it('escapeXml escapes markup characters and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;')
    expect(escapeXml('a\u0000b\u0008c\ud800d\ufffe😀\t\n')).toBe('abcd😀\t\n')
  })
})
