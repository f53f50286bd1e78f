import type { Extent } from '../../core/types'
import { isAbortError } from '../../state/services'
import type { Services } from '../../state/services'
import { CONTOUR_LEVELS, viewAttr } from './surfaceLayout'
import type { SurfaceImage } from './surfaceView'

export type GridStatus = 'loading' | 'ready' | 'error'

/**
 * Keeps one grid request in flight: each `request` that differs from the last (surface, extent, grid size)
 * aborts the superseded one and asks the worker for the grid and its `CONTOUR_LEVELS` contour lines; a repeat
 * of the last request does nothing. Results go to `onImage`; aborted requests are silent.
 */
export interface GridLoader {
  /** `variant` names which one of a parametric surface (the network surface's settings), when it matters. */
  request(surfaceId: string, extent: Extent, nx: number, ny: number, variant?: string): void
  destroy(): void
}

export function createGridLoader(
  services: Services,
  onImage: (image: SurfaceImage) => void,
  onStatus: (status: GridStatus) => void,
): GridLoader {
  let lastKey = ''
  let controller: AbortController | null = null
  return {
    request(surfaceId, extent, nx, ny, variant = '') {
      const key = `${surfaceId}|${viewAttr(extent)}|${nx}x${ny}|${variant}`
      if (key === lastKey) return
      lastKey = key
      controller?.abort()
      const mine = new AbortController()
      controller = mine
      onStatus('loading')
      services
        .requestGrid(surfaceId, extent, nx, ny, mine.signal, { contours: { count: CONTOUR_LEVELS } })
        .then(
          (grid) => {
            if (mine.signal.aborted) return
            onImage({ surfaceId, grid })
            onStatus('ready')
          },
          (error: unknown) => {
            if (mine.signal.aborted || isAbortError(error)) return
            // Asking again for the same view should retry, not be ignored as a repeat.
            lastKey = ''
            onStatus('error')
          },
        )
    },
    destroy() {
      controller?.abort()
      controller = null
    },
  }
}
