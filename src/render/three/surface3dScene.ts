import {
  AmbientLight,
  BufferAttribute,
  BufferGeometry,
  DataTexture,
  DirectionalLight,
  DoubleSide,
  DynamicDrawUsage,
  Line,
  LineBasicMaterial,
  LineSegments,
  LinearFilter,
  Mesh,
  MeshLambertMaterial,
  PerspectiveCamera,
  Plane,
  RGBAFormat,
  Scene,
  SphereGeometry,
  SRGBColorSpace,
  Vector2,
  Vector3,
  WebGLRenderer,
} from 'three'
import type { SurfaceContours } from '../../core/contours'
import type { Extent } from '../../core/types'
import type { PaletteId } from '../colors'
import type { GridLike } from '../grid'
import { paintHeatmap } from '../heatmap'
import {
  contourSegments,
  createHeightScale,
  fillMeshPositions,
  fillMeshUvs,
  meshIndices,
  planeFrame,
  sampleTrail,
  shownPoints,
  SURFACE_HEIGHT,
  writeTrackPoint,
} from './surfaceGeometry'
import type { HeightScale, PlaneFrame, TrackLike } from './surfaceGeometry'
import { createOrbit } from './orbit'
import type { Orbit } from './orbit'
import { createSurfaceLayer } from './surfaceLayer'
import type { Footprint } from './surfaceLayer'

/**
 * The 3D picture of the error surface, drawn with three.js on a given canvas: the surface as a lit mesh with
 * the 2D map's colours (the same `paintHeatmap` bands as a texture) and its contour lines at their heights, and
 * each racer as a ball on its current point with its trail. This module is the only one that imports three, and
 * it is reached only through `import()`, so three is a lazy chunk of its own.
 *
 * Nothing allocates per frame: trails and balls write into buffers sized once (`MAX_TRAIL_POINTS` per racer);
 * the mesh is rebuilt only when a new grid arrives, the texture only when the grid or the palette changes.
 * The picture is two scenes: the still one (surface, contours, slice line) and the moving one (trails, balls).
 * With `cacheSurface` the still scene is drawn once into a `SurfaceLayer` and copied while only the racers
 * move, redrawn when the camera, the size, the surface or the slice change.
 */
export interface Surface3DScene {
  /** The canvas's size in CSS px and the device pixel ratio. */
  setSize(widthPx: number, heightPx: number, dpr: number): void
  /** The surface to show (a grid of `extent` with its contours), or null for none yet. */
  setSurface(surface: Surface3DSurface | null): void
  /** Moves the balls and trails of `racers` (at most `MAX_BALLS`, extra ones ignored) to playhead `cursor`. */
  setRacers(racers: readonly Racer3D[], cursor: number): void
  /** The slice tool's line on the surface (its sampled points with their loss), or null for none. */
  setSlice(line: TrackLike | null): void
  /** Turns the camera: Δazimuth and Δelevation in radians. */
  orbit(dAzimuth: number, dElevation: number): void
  /** Moves the camera towards the surface by `factor` (> 1 closer). */
  zoom(factor: number): void
  resetCamera(): void
  /**
   * Draws one frame, and says how: `direct` drew the still scene (no layer, or the camera moved), `capture`
   * drew it and kept it, `copy` copied the kept layer.
   */
  render(): FrameKind
  /** Where racer `i`'s ball is on the canvas, in CSS px, or null when it is not shown. */
  ballOnScreen(i: number): [number, number] | null
  dispose(): void
}

/** How a frame drew the still scene (see `Surface3DScene.render`). */
export type FrameKind = 'direct' | 'capture' | 'copy'

/** A sampled surface as the worker sends it, with what the 2D map colours it by. */
export interface Surface3DSurface {
  grid: GridLike & { contours?: SurfaceContours }
  extent: Extent
  palette: PaletteId
  /** Log-spaced colours, levels and heights (the surface's `logContours`, or the worker's contour flag). */
  log: boolean
}

export interface Racer3D {
  color: string
  track: TrackLike
}

/** Most racers drawn (the race's `MAX_RACERS`). */
export const MAX_BALLS = 6
/** Most points of one trail: longer races are sampled evenly (`sampleTrail`), ending at the ball. */
export const MAX_TRAIL_POINTS = 1024
/** Most points of the slice line (the slice chart samples 101). */
export const MAX_SLICE_POINTS = 256
/** A ball's radius in world units (the plane spans 2). */
export const BALL_RADIUS = 0.045

const BACKGROUND = 0xeceff3

export interface Surface3DOptions {
  /** Multisampled edges (default true); off for a software renderer, where it costs several times the frame. */
  antialias?: boolean
  /**
   * Keep the still scene in an off-screen layer (default false). Meant for software renderers: the layer has
   * no multisampling, so with `antialias` the surface would lose its smooth edges.
   */
  cacheSurface?: boolean
}

export function createSurface3DScene(
  canvas: HTMLCanvasElement,
  options: Surface3DOptions = {},
): Surface3DScene {
  // preserveDrawingBuffer off (the default) keeps SwiftShader fast; readers screenshot the page instead.
  const renderer = new WebGLRenderer({
    canvas,
    antialias: options.antialias ?? true,
    alpha: false,
    powerPreference: 'default',
  })
  renderer.setClearColor(BACKGROUND, 1)
  renderer.localClippingEnabled = true
  renderer.autoClear = false
  // three.js draws with WebGL 2 only.
  const gl = renderer.getContext() as WebGL2RenderingContext
  const layer = options.cacheSurface === true ? createSurfaceLayer(renderer) : null
  /** Whether the layer no longer shows the still scene (a new surface, slice or size). */
  let stale = true
  /** Whether the camera moved since the last frame: an orbit draws directly, and keeps the layer once it stops. */
  let moved = true
  const still = new Scene()
  const moving = new Scene()
  const camera = new PerspectiveCamera(40, 1, 0.05, 50)
  const orbit: Orbit = createOrbit()
  const target = new Vector3(0, SURFACE_HEIGHT * 0.35, 0)
  const bufferSize = new Vector2()

  // The same light in both scenes (a light belongs to one scene).
  for (const scene of [still, moving]) {
    scene.add(new AmbientLight(0xffffff, 1.9))
    const sun = new DirectionalLight(0xffffff, 1.3)
    sun.position.set(-1.5, 3, 2)
    scene.add(sun)
  }

  // The surface: one geometry per grid size, its attributes rewritten in place for a new grid of that size.
  const meshMaterial = new MeshLambertMaterial({ color: 0xffffff, side: DoubleSide })
  const mesh = new Mesh(new BufferGeometry(), meshMaterial)
  mesh.visible = false
  still.add(mesh)
  let meshSize = ''
  let texture: DataTexture | null = null
  let textureKey: { grid: GridLike; palette: PaletteId } | null = null

  const contourMaterial = new LineBasicMaterial({ color: 0x000000, transparent: true, opacity: 0.45 })
  const contourLines = new LineSegments(new BufferGeometry(), contourMaterial)
  contourLines.visible = false
  still.add(contourLines)

  // Trails and balls stay inside the surface's box: a racer that leaves the view is cut at its walls.
  const walls = [
    new Plane(new Vector3(-1, 0, 0), 1),
    new Plane(new Vector3(1, 0, 0), 1),
    new Plane(new Vector3(0, 0, -1), 1),
    new Plane(new Vector3(0, 0, 1), 1),
  ]
  const ballGeometry = new SphereGeometry(BALL_RADIUS, 16, 10)
  const slots = Array.from({ length: MAX_BALLS }, () => {
    const positions = new Float32Array(3 * MAX_TRAIL_POINTS)
    const geometry = new BufferGeometry()
    const attribute = new BufferAttribute(positions, 3).setUsage(DynamicDrawUsage)
    geometry.setAttribute('position', attribute)
    geometry.setDrawRange(0, 0)
    const trail = new Line(geometry, new LineBasicMaterial({ color: 0x000000, clippingPlanes: walls }))
    trail.frustumCulled = false
    const ball = new Mesh(ballGeometry, new MeshLambertMaterial({ color: 0x000000, clippingPlanes: walls }))
    ball.visible = false
    trail.visible = false
    moving.add(trail, ball)
    return { positions, attribute, trail, ball, color: '', shown: -1, track: null as TrackLike | null }
  })

  // The slice tool's line: the slice chart's points, drawn on the mesh in the chart's blue.
  const slicePositions = new Float32Array(3 * MAX_SLICE_POINTS)
  const sliceGeometry = new BufferGeometry()
  const sliceAttribute = new BufferAttribute(slicePositions, 3)
  sliceGeometry.setAttribute('position', sliceAttribute)
  sliceGeometry.setDrawRange(0, 0)
  const sliceLine = new Line(sliceGeometry, new LineBasicMaterial({ color: 0x1f5fbf, clippingPlanes: walls }))
  sliceLine.frustumCulled = false
  sliceLine.visible = false
  still.add(sliceLine)
  let slice: TrackLike | null = null
  function placeSlice(): void {
    stale = true
    if (slice === null || frame === null || height === null) {
      sliceLine.visible = false
      return
    }
    const n = sampleTrail(slice, slice.count, MAX_SLICE_POINTS, frame, height, 0.008, slicePositions)
    sliceGeometry.setDrawRange(0, n)
    sliceAttribute.needsUpdate = true
    sliceLine.visible = n > 1
  }

  let frame: PlaneFrame | null = null
  let height: HeightScale | null = null
  let size = { w: 1, h: 1 }
  const point = [0, 0, 0]
  const projected = new Vector3()

  function placeCamera(): void {
    moved = true
    const { azimuth, elevation, distance } = orbit.state()
    const c = Math.cos(elevation)
    camera.position.set(
      target.x + distance * c * Math.sin(azimuth),
      target.y + distance * Math.sin(elevation),
      target.z + distance * c * Math.cos(azimuth),
    )
    camera.lookAt(target)
  }

  function setSurface(surface: Surface3DSurface | null): void {
    if (surface === null) {
      mesh.visible = false
      contourLines.visible = false
      frame = null
      height = null
      placeSlice()
      return
    }
    const { grid, extent, palette, log } = surface
    const { nx, ny } = grid
    frame = planeFrame(extent)
    height = createHeightScale(grid.min, grid.max, log)
    for (const [i, w] of walls.entries()) w.constant = i < 2 ? frame.halfX + 1e-6 : frame.halfZ + 1e-6

    let geometry = mesh.geometry
    if (meshSize !== `${nx}x${ny}`) {
      geometry.dispose()
      geometry = new BufferGeometry()
      geometry.setAttribute('position', new BufferAttribute(new Float32Array(3 * nx * ny), 3))
      const uv = new Float32Array(2 * nx * ny)
      fillMeshUvs(nx, ny, uv)
      geometry.setAttribute('uv', new BufferAttribute(uv, 2))
      geometry.setIndex(new BufferAttribute(meshIndices(nx, ny), 1))
      mesh.geometry = geometry
      meshSize = `${nx}x${ny}`
    }
    const position = geometry.getAttribute('position') as BufferAttribute
    fillMeshPositions(grid, extent, frame, height, position.array as Float32Array)
    position.needsUpdate = true
    geometry.computeVertexNormals()
    geometry.computeBoundingSphere()
    mesh.visible = true

    if (textureKey === null || textureKey.grid !== grid || textureKey.palette !== palette) {
      textureKey = { grid, palette }
      const bytes = new Uint8ClampedArray(4 * nx * ny)
      // Flat bands between the traced levels, exactly the 2D map's colours.
      paintHeatmap({ data: bytes, width: nx, height: ny }, grid, {
        palette,
        log: grid.contours?.log ?? log,
        bands: grid.contours?.levels.length ?? 0,
      })
      texture?.dispose()
      texture = new DataTexture(new Uint8Array(bytes.buffer), nx, ny, RGBAFormat)
      texture.colorSpace = SRGBColorSpace
      texture.magFilter = LinearFilter
      texture.minFilter = LinearFilter
      texture.needsUpdate = true
      meshMaterial.map = texture
      meshMaterial.needsUpdate = true
    }

    contourLines.geometry.dispose()
    const lines = new BufferGeometry()
    if (grid.contours !== undefined)
      lines.setAttribute(
        'position',
        new BufferAttribute(contourSegments(grid.contours, grid, extent, frame, height), 3),
      )
    contourLines.geometry = lines
    contourLines.visible = grid.contours !== undefined
    for (const slot of slots) slot.shown = -1
    placeSlice()
  }

  function setRacers(racers: readonly Racer3D[], cursor: number): void {
    for (const [i, slot] of slots.entries()) {
      const racer = i < racers.length ? racers[i] : undefined
      if (racer === undefined || frame === null || height === null) {
        slot.trail.visible = false
        slot.ball.visible = false
        slot.track = null
        continue
      }
      if (racer.color !== slot.color) {
        slot.color = racer.color
        ;(slot.trail.material as LineBasicMaterial).color.set(racer.color)
        ;(slot.ball.material as MeshLambertMaterial).color.set(racer.color)
      }
      const shown = shownPoints(racer.track, cursor)
      if (shown !== slot.shown || racer.track !== slot.track) {
        slot.shown = shown
        slot.track = racer.track
        const n = sampleTrail(racer.track, shown, MAX_TRAIL_POINTS, frame, height, 0.006, slot.positions)
        slot.trail.geometry.setDrawRange(0, n)
        slot.attribute.clearUpdateRanges()
        slot.attribute.addUpdateRange(0, 3 * n)
        slot.attribute.needsUpdate = true
        slot.trail.visible = n > 1
        // The ball rests on the last shown point: the same index the 2D marker uses.
        const placed = writeTrackPoint(racer.track, shown - 1, frame, height, BALL_RADIUS, point)
        slot.ball.visible = placed
        if (placed) slot.ball.position.set(point[0], point[1], point[2])
      }
    }
  }

  /**
   * Where the still scene can draw on the canvas: the screen rectangle of its box (the plane's extent, heights
   * 0…SURFACE_HEIGHT with the lines' lift; the walls clip the slice line to it), padded by 2 px; null (the
   * whole canvas) without a surface or with a corner behind the camera.
   */
  const corner = new Vector3()
  const inView = new Vector3()
  function footprint(): Footprint | null {
    if (frame === null || !mesh.visible) return null
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity]
    camera.updateMatrixWorld()
    for (let i = 0; i < 8; i++) {
      corner.set(
        i & 1 ? frame.halfX : -frame.halfX,
        i & 2 ? SURFACE_HEIGHT + 0.02 : -0.02,
        i & 4 ? frame.halfZ : -frame.halfZ,
      )
      // A corner behind the camera does not project into the screen's rectangle.
      if (inView.copy(corner).applyMatrix4(camera.matrixWorldInverse).z >= -camera.near) return null
      corner.project(camera)
      x0 = Math.min(x0, corner.x)
      x1 = Math.max(x1, corner.x)
      y0 = Math.min(y0, corner.y)
      y1 = Math.max(y1, corner.y)
    }
    const left = Math.max(0, Math.floor(((x0 + 1) / 2) * size.w) - 2)
    const bottom = Math.max(0, Math.floor(((y0 + 1) / 2) * size.h) - 2)
    const right = Math.min(size.w, Math.ceil(((x1 + 1) / 2) * size.w) + 2)
    const top = Math.min(size.h, Math.ceil(((y1 + 1) / 2) * size.h) + 2)
    return { x: left, y: bottom, width: Math.max(0, right - left), height: Math.max(0, top - bottom) }
  }

  placeCamera()
  return {
    setSize(w, h, dpr) {
      size = { w: Math.max(1, w), h: Math.max(1, h) }
      renderer.setPixelRatio(dpr)
      // No style writes (strict CSP friendliness, and CSS already sizes the canvas).
      renderer.setSize(size.w, size.h, false)
      camera.aspect = size.w / size.h
      camera.updateProjectionMatrix()
      renderer.getDrawingBufferSize(bufferSize)
      layer?.setSize(bufferSize.x, bufferSize.y)
      stale = true
    },
    setSurface,
    setRacers,
    orbit(dAzimuth, dElevation) {
      orbit.turn(dAzimuth, dElevation)
      placeCamera()
    },
    zoom(factor) {
      orbit.zoom(factor)
      placeCamera()
    },
    resetCamera() {
      orbit.reset()
      placeCamera()
    },
    setSlice(line) {
      slice = line
      placeSlice()
    },
    render() {
      let kind: FrameKind
      if (layer === null || moved) {
        renderer.clear()
        renderer.render(still, camera)
        stale ||= moved
        moved = false
        kind = 'direct'
      } else if (stale) {
        stale = false
        layer.capture(still, camera, footprint())
        kind = 'capture'
      } else {
        // Every pixel's colour and depth, so the canvas needs no clear.
        layer.draw()
        kind = 'copy'
      }
      renderer.render(moving, camera)
      // Start the drawing now, so the GPU process draws while this thread lays out and paints the page rather
      // than when the compositor reads the canvas back (a software compositor waits for that). A bare flush
      // leaves the commands queued in ANGLE; a fence makes it submit them (measured: the read-back wait drops
      // from ~9 to ~1.5 ms a frame under SwiftShader).
      const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0)
      gl.flush()
      if (fence !== null) gl.deleteSync(fence)
      return kind
    },
    ballOnScreen(i) {
      const slot = slots[i]
      if (slot === undefined || !slot.ball.visible) return null
      projected.copy(slot.ball.position).project(camera)
      return [((projected.x + 1) / 2) * size.w, ((1 - projected.y) / 2) * size.h]
    },
    dispose() {
      mesh.geometry.dispose()
      meshMaterial.dispose()
      texture?.dispose()
      contourLines.geometry.dispose()
      contourMaterial.dispose()
      ballGeometry.dispose()
      sliceGeometry.dispose()
      ;(sliceLine.material as LineBasicMaterial).dispose()
      for (const slot of slots) {
        slot.trail.geometry.dispose()
        ;(slot.trail.material as LineBasicMaterial).dispose()
        ;(slot.ball.material as MeshLambertMaterial).dispose()
      }
      layer?.dispose()
      renderer.dispose()
    },
  }
}
