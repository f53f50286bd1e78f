import { rgb } from 'd3-color'
import { interpolateCividis, interpolateViridis } from 'd3-scale-chromatic'
import type { Bilingual } from '../core/types'

/** Colour maps for the loss surface. */
export type PaletteId = 'jet' | 'viridis' | 'cividis'

export interface PaletteInfo {
  id: PaletteId
  name: Bilingual
  /** Readable with red–green colour-vision deficiency (monotone lightness, no red/green opposition). */
  colorBlindSafe: boolean
  note: Bilingual
}

/** The palettes in menu order; 'jet' first because it is the lecture's. */
export const paletteIds: readonly PaletteId[] = ['jet', 'viridis', 'cividis']

export const palettes: Readonly<Record<PaletteId, PaletteInfo>> = {
  jet: {
    id: 'jet',
    name: { en: 'Rainbow (jet)', zh: '彩虹色（jet）' },
    colorBlindSafe: false,
    note: {
      en: "The lecture's colours: red = high loss, blue = low loss (matplotlib jet).",
      zh: '课堂上的配色：红色 = loss 大，蓝色 = loss 小（matplotlib jet）。',
    },
  },
  viridis: {
    id: 'viridis',
    name: { en: 'Viridis', zh: 'Viridis' },
    colorBlindSafe: true,
    note: {
      en: 'Perceptually uniform: dark purple = low loss, yellow = high loss.',
      zh: '感知均匀：深紫 = loss 小，黄色 = loss 大。',
    },
  },
  cividis: {
    id: 'cividis',
    name: { en: 'Cividis (colour-blind safe)', zh: 'Cividis（色盲友好）' },
    colorBlindSafe: true,
    note: {
      en: 'Blue to yellow, designed to look the same with red–green colour blindness.',
      zh: '从蓝到黄，红绿色盲看到的与常人几乎一样。',
    },
  },
}

/** Number of entries in every lookup table (as matplotlib's default N). */
export const LUT_SIZE = 256

const littleEndian = new Uint8Array(new Uint32Array([0x01020304]).buffer)[0] === 0x04

/**
 * Packs bytes r, g, b, a (0–255) into the Uint32 whose memory bytes are r, g, b, a, the byte order of
 * `ImageData.data`, so `new Uint32Array(imageData.data.buffer)[i] = packRgba(…)` writes pixel i
 * (little-endian machines store it as a·2²⁴ + b·2¹⁶ + g·2⁸ + r).
 */
export function packRgba(r: number, g: number, b: number, a = 255): number {
  return littleEndian
    ? ((a << 24) | (b << 16) | (g << 8) | r) >>> 0
    : ((r << 24) | (g << 16) | (b << 8) | a) >>> 0
}

/** The [r, g, b, a] bytes of a value made by `packRgba`. */
export function unpackRgba(v: number): [number, number, number, number] {
  return littleEndian
    ? [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, v >>> 24]
    : [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]
}

/** Replaces the alpha byte of a packed colour (alpha 0–255). */
export function withAlpha(v: number, alpha: number): number {
  const [r, g, b] = unpackRgba(v)
  return packRgba(r, g, b, alpha)
}

// matplotlib's jet segment data (`_cm._jet_data`): [x, value] anchors per channel, linear in between.
const JET: readonly (readonly (readonly [number, number])[])[] = [
  [
    [0, 0],
    [0.35, 0],
    [0.66, 1],
    [0.89, 1],
    [1, 0.5],
  ],
  [
    [0, 0],
    [0.125, 0],
    [0.375, 1],
    [0.64, 1],
    [0.91, 0],
    [1, 0],
  ],
  [
    [0, 0.5],
    [0.11, 1],
    [0.34, 1],
    [0.65, 0],
    [1, 0],
  ],
]

function piecewise(anchors: readonly (readonly [number, number])[], t: number): number {
  for (let k = 1; k < anchors.length; k++) {
    const [x1, v1] = anchors[k]
    if (t <= x1) {
      const [x0, v0] = anchors[k - 1]
      return v0 + ((t - x0) / (x1 - x0)) * (v1 - v0)
    }
  }
  return anchors[anchors.length - 1][1]
}

/**
 * The colour of palette `id` at t ∈ [0, 1] (clamped) as [r, g, b] bytes. 'jet' is matplotlib's segment
 * data evaluated at t and rounded (so t = i/255 gives matplotlib's LUT entry i: jet(0) = #000080 dark blue,
 * jet(1) = #800000 dark red); 'viridis' and 'cividis' come from d3-scale-chromatic (viridis is matplotlib's
 * 256-entry table, #440154 … #fde725).
 */
export function paletteRgb(id: PaletteId, t: number): [number, number, number] {
  const u = t > 0 ? (t < 1 ? t : 1) : 0
  if (id === 'jet') return JET.map((ch) => Math.round(255 * piecewise(ch, u))) as [number, number, number]
  const c = rgb(id === 'viridis' ? interpolateViridis(u) : interpolateCividis(u))
  return [c.r, c.g, c.b]
}

const hex2 = (v: number): string => v.toString(16).padStart(2, '0')

/** `paletteRgb` as a CSS colour '#rrggbb', for colour bars and legends. */
export function paletteCss(id: PaletteId, t: number): string {
  const [r, g, b] = paletteRgb(id, t)
  return `#${hex2(r)}${hex2(g)}${hex2(b)}`
}

const lutCache = new Map<PaletteId, Uint32Array>()

/**
 * The 256-entry lookup table of palette `id`: entry i is `paletteRgb(id, i/255)`, opaque, packed for
 * `ImageData` (see `packRgba`). Built once per palette and shared: treat it as read-only.
 */
export function paletteLut(id: PaletteId): Uint32Array {
  let lut = lutCache.get(id)
  if (lut === undefined) {
    lut = new Uint32Array(LUT_SIZE)
    for (let i = 0; i < LUT_SIZE; i++) {
      const [r, g, b] = paletteRgb(id, i / (LUT_SIZE - 1))
      lut[i] = packRgba(r, g, b)
    }
    lutCache.set(id, lut)
  }
  return lut
}

/** A racer's colour (a trajectory and its current-position marker), named for legends and screen readers. */
export interface RacerColor {
  hex: string
  name: Bilingual
}

/**
 * Six racer colours. Five are Okabe–Ito (black first, the lecture's trajectory colour); Okabe–Ito's orange,
 * sky blue and yellow are too light to read on white and on their own white halo, so the sixth is Paul Tol's
 * wine. Every pair stays apart (CIE76 ΔE ≥ 15) for normal vision and for protan-, deutan- and tritanopia, and
 * every colour has at least 3:1 contrast against the white halo drawn around it (WCAG 1.4.11).
 */
export const racerColors: readonly RacerColor[] = [
  { hex: '#000000', name: { en: 'black', zh: '黑色' } },
  { hex: '#0072b2', name: { en: 'blue', zh: '蓝色' } },
  { hex: '#d55e00', name: { en: 'vermillion', zh: '朱红' } },
  { hex: '#009e73', name: { en: 'bluish green', zh: '青绿' } },
  { hex: '#cc79a7', name: { en: 'reddish purple', zh: '紫红' } },
  { hex: '#882255', name: { en: 'wine', zh: '酒红' } },
]

/** Colour of racer `index`, cycling through `racerColors`. */
export function racerColor(index: number): string {
  const n = racerColors.length
  return racerColors[((index % n) + n) % n].hex
}

/**
 * The course's class colours for the dot.csv classifier (the PKU script plots `'red' if y else 'blue'`):
 * label 1 = red, label 0 = blue.
 */
export const classColors = { positive: '#ff0000', negative: '#0000ff' } as const

/** The class colour of a label: ≥ 0.5 counts as class 1 (red). */
export function classColor(label: number): string {
  return label >= 0.5 ? classColors.positive : classColors.negative
}

/** The lecture's fixed colours (docs/lectures.md §3) and the outlines that keep them readable on any palette. */
export const lectureColors = {
  /** Trajectories are black dots joined by lines; the start is a black dot. */
  trajectory: '#000000',
  start: '#000000',
  /** The minimum is a yellow/orange ×. */
  minimum: '#ffc400',
  /** Momentum slides: the negative gradient is a dashed red arrow … */
  negativeGradient: '#e3120b',
  /** … the previous movement a dashed blue one, the new movement a solid blue one. */
  movement: '#1556c9',
  /** Hessian eigen-axes: a negative eigenvalue is the escape direction (highlighted) … */
  escape: '#e6007e',
  /** … a positive one curves up (a wall); |λ| ≈ 0 is flat. */
  curvingUp: '#ffffff',
  flat: '#9e9e9e',
  /** Dark outline and white halo around markers, so they read on light and rainbow backgrounds. */
  outline: '#262626',
  halo: '#ffffff',
  /** Contour lines: thin and dark. */
  contour: '#000000',
} as const

/**
 * A 256-entry packed LUT for the classifier's output p ∈ [0, 1] behind the data points: light blue (p = 0,
 * class 0) through white (p = ½, the decision boundary) to light red (p = 1, class 1).
 */
export function classProbabilityLut(): Uint32Array {
  const lut = new Uint32Array(LUT_SIZE)
  const blue = [166, 196, 255]
  const red = [255, 170, 170]
  for (let i = 0; i < LUT_SIZE; i++) {
    const t = i / (LUT_SIZE - 1)
    const end = t < 0.5 ? blue : red
    const w = Math.abs(2 * t - 1)
    lut[i] = packRgba(
      Math.round(255 + w * (end[0] - 255)),
      Math.round(255 + w * (end[1] - 255)),
      Math.round(255 + w * (end[2] - 255)),
    )
  }
  return lut
}
