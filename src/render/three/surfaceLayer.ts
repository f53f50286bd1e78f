import {
  AlwaysDepth,
  DepthTexture,
  FramebufferTexture,
  Mesh,
  NearestFilter,
  OrthographicCamera,
  PlaneGeometry,
  Scene,
  ShaderMaterial,
  UnsignedIntType,
  WebGLRenderTarget,
} from 'three'
import type { Camera, WebGLRenderer } from 'three'

/**
 * The still part of the 3D picture (the surface, its contours, the slice line) kept with its depth, so a frame
 * that only moves balls and trails copies it back instead of drawing 18,000 lit triangles again. A software
 * renderer (SwiftShader) spends ~20 ms on the mesh alone, more than a 60 Hz frame; the copy is one full-screen
 * pass of two texel fetches.
 *
 * `capture` draws the still scene on the canvas as usual and keeps what the canvas shows (its bytes, already
 * in the canvas's colour space) and a depth texture of the same scene; `draw` writes both back pixel for pixel
 * (`texelFetch`, no filtering, no colour conversion), so whatever is drawn next is depth-tested against the
 * surface exactly as if the surface had been drawn in the same frame. (A `blitFramebuffer` of colour and depth
 * would be simpler, but SwiftShader takes twice as long over it as over this pass.)
 */
export interface SurfaceLayer {
  /** The drawing buffer's size in device px (the canvas's CSS size × device pixel ratio). */
  setSize(widthPx: number, heightPx: number): void
  /**
   * Draws `scene` from `camera` on the canvas (cleared first) and keeps its colour and depth. `footprint`, in
   * CSS px from the canvas's bottom left, holds everything the scene draws (outside it is the clear colour at
   * the far depth), or null for the whole canvas.
   */
  capture(scene: Scene, camera: Camera, footprint: Footprint | null): void
  /** Writes the kept colour and depth onto the canvas: a clear, and the copy inside the footprint only. */
  draw(): void
  dispose(): void
}

/** A rectangle of the canvas in CSS px, from its bottom left (as `WebGLRenderer.setScissor`). */
export interface Footprint {
  x: number
  y: number
  width: number
  height: number
}

const VERTEX = /* glsl */ `
void main() {
  gl_Position = vec4(position.xy, 0.0, 1.0);
}
`

const FRAGMENT = /* glsl */ `
uniform sampler2D tColor;
uniform sampler2D tDepth;
void main() {
  ivec2 at = ivec2(gl_FragCoord.xy);
  gl_FragColor = texelFetch(tColor, at, 0);
  gl_FragDepth = texelFetch(tDepth, at, 0).x;
}
`

interface Buffers {
  colour: FramebufferTexture
  depth: WebGLRenderTarget
}

function createBuffers(w: number, h: number): Buffers {
  const colour = new FramebufferTexture(w, h)
  colour.minFilter = NearestFilter
  colour.magFilter = NearestFilter
  // The depth pass's colour attachment is never read; only its depth texture is.
  const depth = new WebGLRenderTarget(w, h, {
    minFilter: NearestFilter,
    magFilter: NearestFilter,
    generateMipmaps: false,
    depthBuffer: true,
    depthTexture: new DepthTexture(w, h, UnsignedIntType),
  })
  return { colour, depth }
}

function disposeBuffers(b: Buffers): void {
  b.colour.dispose()
  b.depth.depthTexture?.dispose()
  b.depth.dispose()
}

export function createSurfaceLayer(renderer: WebGLRenderer): SurfaceLayer {
  let width = 1
  let height = 1
  let buffers = createBuffers(width, height)

  const material = new ShaderMaterial({
    uniforms: { tColor: { value: buffers.colour }, tDepth: { value: buffers.depth.depthTexture } },
    vertexShader: VERTEX,
    fragmentShader: FRAGMENT,
    // Every pixel's depth is replaced, whatever was there: the test always passes, and writes.
    depthTest: true,
    depthFunc: AlwaysDepth,
    depthWrite: true,
  })
  const quad = new Mesh(new PlaneGeometry(2, 2), material)
  quad.frustumCulled = false
  const copyScene = new Scene()
  copyScene.add(quad)
  const copyCamera = new OrthographicCamera(-1, 1, 1, -1, 0, 1)
  let kept: Footprint | null = null

  return {
    setSize(w, h) {
      const nw = Math.max(1, Math.round(w))
      const nh = Math.max(1, Math.round(h))
      if (nw === width && nh === height) return
      width = nw
      height = nh
      // New buffers, not a resize: a texture's storage is immutable once allocated.
      disposeBuffers(buffers)
      buffers = createBuffers(width, height)
      material.uniforms.tColor.value = buffers.colour
      material.uniforms.tDepth.value = buffers.depth.depthTexture
    },
    capture(scene, camera, footprint) {
      kept = footprint
      const previous = renderer.getRenderTarget()
      renderer.setRenderTarget(null)
      renderer.clear()
      renderer.render(scene, camera)
      renderer.copyFramebufferToTexture(buffers.colour)
      renderer.setRenderTarget(buffers.depth)
      renderer.clear()
      renderer.render(scene, camera)
      renderer.setRenderTarget(previous)
    },
    draw() {
      // Around the surface the picture is the clear colour at the far depth: a clear gives it for free.
      renderer.clear()
      if (kept !== null) {
        renderer.setScissor(kept.x, kept.y, kept.width, kept.height)
        renderer.setScissorTest(true)
      }
      renderer.render(copyScene, copyCamera)
      renderer.setScissorTest(false)
    },
    dispose() {
      disposeBuffers(buffers)
      quad.geometry.dispose()
      material.dispose()
    },
  }
}
