let cached: boolean | null = null
let software = false

/**
 * Whether this browser can give a WebGL context (2, else 1), asked once on a throwaway canvas and remembered.
 * The 3D view needs one; without it (old hardware, a policy that turns WebGL off, jsdom) the toggle explains
 * why and the 2D map stays. Three.js is not loaded to find out.
 */
export function hasWebGL(): boolean {
  if (cached !== null) return cached
  try {
    const canvas = document.createElement('canvas')
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl')
    cached = gl !== null && gl !== undefined
    if (gl) {
      // Unmasked where the browser allows it: SwiftShader, llvmpipe and the like draw on the CPU. A browser that
      // will not name its renderer still has WebGL: only the multisampling choice depends on this.
      try {
        const info = gl.getExtension('WEBGL_debug_renderer_info')
        const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '')
        software = /swiftshader|llvmpipe|softpipe|software/i.test(name)
      } catch {
        software = false
      }
    }
    // Give the context back at once: browsers cap live contexts (~16).
    ;(gl as WebGLRenderingContext | null)?.getExtension('WEBGL_lose_context')?.loseContext()
  } catch {
    cached = false
  }
  return cached
}

/**
 * Whether that context is drawn in software (SwiftShader, llvmpipe): the 3D view then skips multisampling,
 * which costs a CPU renderer several times the frame. False when unknown.
 */
export function isSoftwareWebGL(): boolean {
  hasWebGL()
  return software
}

/** Forgets the remembered answer, so the next `hasWebGL` asks again (tests that switch WebGL on and off). */
export function forgetWebGLSupport(): void {
  cached = null
  software = false
}
