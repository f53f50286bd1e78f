import { describe, expect, it } from 'vitest'
import {
  LUT_SIZE,
  classColor,
  classColors,
  classProbabilityLut,
  packRgba,
  paletteCss,
  paletteIds,
  paletteLut,
  palettes,
  racerColor,
  racerColors,
  unpackRgba,
} from '../../src/render/colors'

// Bytes of entry i as ImageData would hold them, read through a byte view (independent of packRgba's math).
function bytesOf(lut: Uint32Array, i: number): number[] {
  return Array.from(new Uint8Array(lut.buffer, lut.byteOffset + 4 * i, 4))
}

const hexBytes = (hex: string): number[] => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16))

describe('packing', () => {
  it('packRgba(r, g, b, a) lays the bytes out in ImageData order r, g, b, a', () => {
    const data = new Uint8ClampedArray(8)
    const px = new Uint32Array(data.buffer)
    px[1] = packRgba(1, 2, 3, 4)
    expect(Array.from(data)).toEqual([0, 0, 0, 0, 1, 2, 3, 4])
    expect(unpackRgba(px[1])).toEqual([1, 2, 3, 4])
    expect(packRgba(9, 8, 7)).toBe(packRgba(9, 8, 7, 255))
  })
})

describe('palettes', () => {
  it('every palette has metadata with an English and a Chinese name, jet listed first', () => {
    expect(paletteIds[0]).toBe('jet')
    for (const id of paletteIds) {
      expect(palettes[id].id).toBe(id)
      expect(palettes[id].name.en.length).toBeGreaterThan(0)
      expect(palettes[id].name.zh.length).toBeGreaterThan(0)
      expect(palettes[id].note.zh.length).toBeGreaterThan(0)
    }
    expect(palettes.jet.colorBlindSafe).toBe(false)
    expect(palettes.cividis.colorBlindSafe).toBe(true)
  })

  it('paletteLut(id) has 256 opaque entries and is built once', () => {
    for (const id of paletteIds) {
      const lut = paletteLut(id)
      expect(lut).toHaveLength(LUT_SIZE)
      for (let i = 0; i < LUT_SIZE; i++) expect(bytesOf(lut, i)[3]).toBe(255)
      expect(paletteLut(id)).toBe(lut)
    }
  })

  it("paletteLut('jet') runs from matplotlib's dark blue (0, 0, 0.5) to dark red (0.5, 0, 0)", () => {
    const lut = paletteLut('jet')
    expect(bytesOf(lut, 0)).toEqual([0, 0, 128, 255])
    expect(bytesOf(lut, 255)).toEqual([128, 0, 0, 255])
  })

  it("paletteLut('jet') entry 128 is matplotlib's cm.jet(128) = (0.4902, 1, 0.4775)", () => {
    // matplotlib: cm.jet(128) → (0.4901960784313725, 1.0, 0.4775458570524984, 1.0); ×255 rounds to 125, 255, 122.
    expect(bytesOf(paletteLut('jet'), 128)).toEqual([125, 255, 122, 255])
  })

  it("paletteLut('jet') is the rainbow: blue-dominant at the bottom, green in the middle, red at the top", () => {
    const lut = paletteLut('jet')
    const [r0, g0, b0] = bytesOf(lut, 32)
    const [r1, g1, b1] = bytesOf(lut, 128)
    const [r2, g2, b2] = bytesOf(lut, 224)
    expect(b0).toBeGreaterThan(Math.max(r0, g0))
    expect(g1).toBeGreaterThan(Math.max(r1, b1))
    expect(r2).toBeGreaterThan(Math.max(g2, b2))
  })

  it("paletteLut('viridis') ends at matplotlib's #440154 and #fde725", () => {
    const lut = paletteLut('viridis')
    expect(bytesOf(lut, 0).slice(0, 3)).toEqual(hexBytes('#440154'))
    expect(bytesOf(lut, 255).slice(0, 3)).toEqual(hexBytes('#fde725'))
    expect(paletteCss('viridis', 0)).toBe('#440154')
    expect(paletteCss('viridis', 1)).toBe('#fde725')
  })

  it("paletteLut('cividis') goes from dark blue to light yellow", () => {
    const lut = paletteLut('cividis')
    const [r0, , b0] = bytesOf(lut, 0)
    const [r1, g1, b1] = bytesOf(lut, 255)
    expect(b0).toBeGreaterThan(r0)
    expect(Math.min(r1, g1)).toBeGreaterThan(b1 + 100)
  })

  it('viridis and cividis get steadily lighter (readable in grey and when colour-blind), jet does not', () => {
    const luminance = (lut: Uint32Array, i: number): number => {
      const [r, g, b] = bytesOf(lut, i).map((v) => {
        const c = v / 255
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }
    const monotone = (lut: Uint32Array): boolean => {
      // Entry to entry 8 further on: neighbours can tie or dip by a rounding byte (viridis 94 → 95).
      for (let i = 8; i < LUT_SIZE; i++) if (!(luminance(lut, i) > luminance(lut, i - 8))) return false
      return true
    }
    expect(monotone(paletteLut('viridis'))).toBe(true)
    expect(monotone(paletteLut('cividis'))).toBe(true)
    expect(monotone(paletteLut('jet'))).toBe(false)
  })
})

// --- colour-vision check, from the published formulas (not from the code under test) ---
const toLinear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
const linearRgb = (hex: string): number[] => hexBytes(hex).map((v) => toLinear(v / 255))
// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
const CVD: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
}
// sRGB (D65) → CIELAB.
function lab(rgb: number[]): number[] {
  const [r, g, b] = rgb.map((v) => Math.min(1, Math.max(0, v)))
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116)
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
}
const simulate = (m: number[][], c: number[]): number[] =>
  m.map((row) => row[0] * c[0] + row[1] * c[1] + row[2] * c[2])

describe('racer colours', () => {
  it('racerColors holds 6 different colours with zh/en names, the first black like the lecture', () => {
    expect(racerColors).toHaveLength(6)
    expect(new Set(racerColors.map((c) => c.hex.toLowerCase())).size).toBe(6)
    expect(racerColors[0].hex).toBe('#000000')
    for (const c of racerColors) expect(c.name.zh.length * c.name.en.length).toBeGreaterThan(0)
    expect(racerColor(6)).toBe(racerColors[0].hex)
    expect(racerColor(-1)).toBe(racerColors[5].hex)
  })

  it('every racer colour has ≥ 3:1 contrast with its white halo (WCAG 1.4.11 for graphics)', () => {
    const lum = (hex: string): number => {
      const [r, g, b] = linearRgb(hex)
      return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }
    for (const c of racerColors) expect((1 + 0.05) / (lum(c.hex) + 0.05), c.hex).toBeGreaterThanOrEqual(3)
  })

  it('racer colours stay ≥ 15 ΔE apart for normal vision and protan-, deutan- and tritanopia (Machado 2009)', () => {
    for (const [kind, m] of Object.entries(CVD)) {
      const labs = racerColors.map((c) => lab(simulate(m, linearRgb(c.hex))))
      for (let i = 0; i < labs.length; i++)
        for (let j = i + 1; j < labs.length; j++) {
          const d = Math.hypot(labs[i][0] - labs[j][0], labs[i][1] - labs[j][1], labs[i][2] - labs[j][2])
          expect(d, `${kind}: ${racerColors[i].hex} vs ${racerColors[j].hex}`).toBeGreaterThanOrEqual(15)
        }
    }
  })
})

describe('class colours', () => {
  it('classColor follows the course: label 1 is red, label 0 is blue', () => {
    expect(classColor(1)).toBe(classColors.positive)
    expect(classColor(0)).toBe(classColors.negative)
    const [r1, g1, b1] = hexBytes(classColors.positive)
    const [r0, g0, b0] = hexBytes(classColors.negative)
    expect(r1).toBeGreaterThan(Math.max(g1, b1))
    expect(b0).toBeGreaterThan(Math.max(r0, g0))
  })

  it('classProbabilityLut is light blue at p = 0, white at the boundary p = ½ and light red at p = 1', () => {
    const lut = classProbabilityLut()
    const [r0, , b0] = bytesOf(lut, 0)
    const [r1, , b1] = bytesOf(lut, 255)
    expect(b0).toBeGreaterThan(r0)
    expect(r1).toBeGreaterThan(b1)
    for (const v of bytesOf(lut, 128).slice(0, 3)) expect(v).toBeGreaterThan(250)
  })
})
