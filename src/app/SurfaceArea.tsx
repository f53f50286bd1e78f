import { SurfacePanel } from '../panels/SurfacePanel/SurfacePanel'
import { selectSurfaceMode } from '../state/surfaceMode'
import { useApp } from '../state/useApp'
import { Deferred, Surface3DArea, SurfaceModeToggle } from './deferred'

/**
 * The surface's place on a page: the 2D / 3D / side-by-side switch, then the 2D map, or (lazily, with the 3D
 * panel; three.js is a further chunk) the 3D view alone or beside the map. The switch is a small lazy chunk
 * too, so the first screen's JS does not grow; its row is held while it loads. Composition only.
 */
export function SurfaceArea() {
  const mode = useApp(selectSurfaceMode)
  return (
    <>
      <Deferred fallback={<div className="surface-mode-pending" aria-hidden="true" />}>
        <SurfaceModeToggle />
      </Deferred>
      {mode === '2d' ? (
        <SurfacePanel />
      ) : (
        <Deferred>
          <Surface3DArea mode={mode} map={<SurfacePanel />} />
        </Deferred>
      )}
    </>
  )
}
