let cached: boolean | null = null

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
    // Give the context back at once: browsers cap live contexts (~16).
    ;(gl as WebGLRenderingContext | null)?.getExtension('WEBGL_lose_context')?.loseContext()
  } catch {
    cached = false
  }
  return cached
}

/** Forgets the remembered answer, so the next `hasWebGL` asks again (tests that switch WebGL on and off). */
export function forgetWebGLSupport(): void {
  cached = null
}
