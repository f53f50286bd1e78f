import { useState } from 'react'
import type { ReactNode } from 'react'
import { hasWebGL } from '../../render/three/webglSupport'
import { Surface3DPanel } from './Surface3DPanel'

/**
 * The surface area in the modes that show the 3D view (`surf=3d` or `surf=both`): the 3D view alone, or the
 * 2D map (`map`, which the page composes) and the 3D view side by side. Where WebGL is missing, the 2D map
 * alone (the switch above says why). Loaded lazily with the 3D panel; three.js is a further chunk.
 */
export function Surface3DArea({ mode, map }: { mode: '3d' | 'both'; map: ReactNode }) {
  const [webgl] = useState(hasWebGL)
  if (!webgl) return <>{map}</>
  if (mode === '3d') return <Surface3DPanel />
  return (
    <div className="surface-both" data-testid="surface-both">
      {map}
      <Surface3DPanel />
    </div>
  )
}
