import { useId, useState } from 'react'
import { hasWebGL } from '../../render/three/webglSupport'
import { selectSurfaceMode, SURFACE_MODES } from '../../state/surfaceMode'
import type { SurfaceMode } from '../../state/surfaceMode'
import { useApp, useAppStore, useT } from '../../state/useApp'
import type { MessageKey } from '../../i18n/en'
import './Surface3D.css'

const LABEL: Record<SurfaceMode, MessageKey> = {
  '2d': 'surfaceMode.2d',
  '3d': 'surfaceMode.3d',
  both: 'surfaceMode.both',
}

/**
 * The switch above the error surface: 2D map, 3D view, or both side by side (a group of toggle buttons; the
 * link carries the choice as `surf=`). Its own lazy chunk: the first screen only keeps its place. Where WebGL is missing, 3D and side by side are disabled and a note
 * says why; the 2D map stays.
 */
export function SurfaceModeToggle() {
  const t = useT()
  const store = useAppStore()
  // Asked once per mount (a throwaway context, no three.js); without WebGL the 2D map is what shows.
  const [webgl] = useState(hasWebGL)
  const asked = useApp(selectSurfaceMode)
  const mode: SurfaceMode = webgl ? asked : '2d'
  const noteId = useId()
  return (
    <div className="surface-mode" data-testid="surface-mode" data-mode={mode} data-webgl={webgl ? '1' : '0'}>
      <span className="surface-mode-label" aria-hidden="true">
        {t('surfaceMode.label')}
      </span>
      <div
        className="surface-mode-buttons"
        role="group"
        aria-label={t('surfaceMode.label')}
        aria-describedby={webgl ? undefined : noteId}
      >
        {SURFACE_MODES.map((m) => (
          <button
            key={m}
            type="button"
            data-testid={`surface-mode-${m}`}
            aria-pressed={mode === m}
            disabled={!webgl && m !== '2d'}
            title={m === 'both' ? t('surfaceMode.bothLabel') : undefined}
            aria-label={m === 'both' ? t('surfaceMode.bothLabel') : undefined}
            onClick={() => store.getState().setSurfaceMode(m)}
          >
            {t(LABEL[m])}
          </button>
        ))}
      </div>
      {!webgl && (
        <p className="surface-mode-note" id={noteId} data-testid="surface-mode-no-webgl">
          {t('surfaceMode.noWebGL')}
        </p>
      )}
    </div>
  )
}
