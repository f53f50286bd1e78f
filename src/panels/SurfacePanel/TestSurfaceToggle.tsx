import { useApp, useAppStore, useT } from '../../state/useApp'
import { testSurfaceIdOf } from './testSurfaceLayer'

/**
 * For a surface with a testing surface (canyon vs basin): the "Show the testing surface" switch and, while it
 * is on, the legend of its dashed contours. Renders nothing for other surfaces.
 */
export function TestSurfaceToggle() {
  const t = useT()
  const store = useAppStore()
  const hasTest = useApp((s) => testSurfaceIdOf(s.settings) !== undefined)
  const shown = useApp((s) => s.settings.showTestSurface === true)
  if (!hasTest) return null
  return (
    <div className="surface-legend surface-test" data-testid="surface-test-legend">
      <label>
        <input
          type="checkbox"
          checked={shown}
          data-testid="show-test-surface"
          onChange={(e) => store.getState().setShowTestSurface(e.target.checked)}
        />{' '}
        {t('surface.showTest')}
      </label>
      {shown && (
        <span>
          {' '}
          <span className="swatch swatch-test-contour" aria-hidden="true" />
          {t('surface.testLegend')}
        </span>
      )}
    </div>
  )
}
