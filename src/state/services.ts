import { createContext, useContext } from 'react'
import type { PointAnalysis } from '../core/analyzePoint'
import type { Extent } from '../core/types'
import type { ExploreDriver, GridRequest, GridResult, NoiseCloudResult } from '../worker/protocol'

/**
 * The worker's request/response services that panels need besides the race (grids for the heatmap, point
 * analysis for the Hessian inspector). An interface, so panels never import the worker: main.tsx adapts the
 * real worker client, component tests pass a fake. All math runs in the worker; these only carry results,
 * whose shapes are the worker protocol's (src/worker/protocol/grid.ts, analysis.ts).
 */
export interface Services {
  /**
   * Samples `surface` over `extent` on an nx×ny grid (row 0 = bottom). Rejects with AbortError when aborted.
   * With `options.contours`, the worker also traces that many contour levels (`SurfaceGrid.contours`).
   */
  requestGrid(
    surface: string,
    extent: Extent,
    nx: number,
    ny: number,
    signal?: AbortSignal,
    options?: GridOptions,
  ): Promise<SurfaceGrid>
  /** Value, gradient, Hessian, eigen-decomposition and kind of the point (x, y) of `surface`. */
  analyze(surface: string, x: number, y: number, signal?: AbortSignal): Promise<PointAnalysis>
  /** Basin maps, slices and stability bands (the explore family); absent in fakes that do not need them. */
  explore?: ExploreDriver
  /**
   * Every mini-batch gradient of batch size `size` at (x, y) of a data surface, and ∇L there (the worker's
   * `noiseCloud` family). Optional: without it the surface draws no gradient-noise cloud.
   */
  noiseCloud?(
    surface: string,
    x: number,
    y: number,
    size: number,
    seed: number,
    signal?: AbortSignal,
  ): Promise<NoiseCloudResult>
}

/** Extras of a grid request: `contours.count` levels traced in the worker (the grid family's field). */
export type GridOptions = Pick<GridRequest, 'contours'>

/** A sampled surface, with its contour lines when they were asked for (the grid family's result). */
export type SurfaceGrid = GridResult

export const ServicesContext = createContext<Services | null>(null)

/** The injected services; throws when no provider is mounted (a wiring bug, not a user error). */
export function useServices(): Services {
  const services = useContext(ServicesContext)
  if (services === null) throw new Error('useServices: no ServicesContext.Provider above this component')
  return services
}

/** True for the rejection of an aborted request (a superseded grid, an unmounted panel): not an error to show. */
export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError'
}
