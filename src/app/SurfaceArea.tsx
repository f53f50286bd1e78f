import { SurfaceModeToggle, useSurfaceMode } from '../panels/Surface3D/SurfaceModeToggle'
import { SurfacePanel } from '../panels/SurfacePanel/SurfacePanel'
import { Deferred, Surface3DPanel } from './deferred'

/**
 * The surface's place on a page: the 2D / 3D / side-by-side switch, then the 2D map, the 3D view (its own lazy
 * chunk, three.js in another behind it) or both. Composition only.
 */
export function SurfaceArea() {
  const mode = useSurfaceMode()
  const three = (
    <Deferred>
      <Surface3DPanel />
    </Deferred>
  )
  return (
    <>
      <SurfaceModeToggle />
      {mode === '2d' && <SurfacePanel />}
      {mode === '3d' && three}
      {mode === 'both' && (
        <div className="surface-both" data-testid="surface-both">
          <SurfacePanel />
          {three}
        </div>
      )}
    </>
  )
}
