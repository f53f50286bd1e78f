import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SurfaceModeToggle } from '../../../src/panels/Surface3D/SurfaceModeToggle'
import { forgetWebGLSupport } from '../../../src/render/three/webglSupport'
import { createAppStore } from '../../../src/state/store'
import { AppStoreContext } from '../../../src/state/useApp'
import { parseUrl, serializeUrl } from '../../../src/state/urlState'
import { createFakeDriver } from '../../state/fakeDriver'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  forgetWebGLSupport()
})

/** jsdom has no WebGL: `webgl` true stands a dummy context in for it. */
function setup(webgl: boolean) {
  const original = HTMLCanvasElement.prototype.getContext
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
    kind: string,
  ) {
    if (/webgl/.test(kind))
      return webgl ? ({ getExtension: () => null } as unknown as RenderingContext) : null
    return (original as (this: HTMLCanvasElement, kind: string) => RenderingContext | null).call(this, kind)
  } as typeof original)
  const app = createAppStore({ driver: createFakeDriver().driver, autoRestart: false })
  render(
    <AppStoreContext.Provider value={app}>
      <SurfaceModeToggle />
    </AppStoreContext.Provider>,
  )
  return app
}

describe('<SurfaceModeToggle>', () => {
  it('switches 2D → 3D → side by side → 2D, and the link carries it as surf=', () => {
    const app = setup(true)
    expect(screen.getByTestId('surface-mode-2d')).toHaveAttribute('aria-pressed', 'true')
    fireEvent.click(screen.getByTestId('surface-mode-3d'))
    expect(app.getState().settings.surfaceMode).toBe('3d')
    expect(screen.getByTestId('surface-mode-3d')).toHaveAttribute('aria-pressed', 'true')
    expect(serializeUrl(app.getState().settings)).toContain('&surf=3d')
    fireEvent.click(screen.getByTestId('surface-mode-both'))
    expect(serializeUrl(app.getState().settings)).toContain('&surf=both')
    expect(parseUrl(serializeUrl(app.getState().settings)).settings.surfaceMode).toBe('both')
    fireEvent.click(screen.getByTestId('surface-mode-2d'))
    expect('surfaceMode' in app.getState().settings).toBe(false)
    expect(serializeUrl(app.getState().settings)).not.toContain('surf=')
    expect(screen.queryByTestId('surface-mode-no-webgl')).toBeNull()
  })

  it('without WebGL: 3D and side by side are disabled, the reason is given, and a 3D link shows 2D', () => {
    const app = setup(false)
    app.getState().setSurfaceMode('3d')
    expect(screen.getByTestId('surface-mode-3d')).toBeDisabled()
    expect(screen.getByTestId('surface-mode-both')).toBeDisabled()
    expect(screen.getByTestId('surface-mode-2d')).toBeEnabled()
    expect(screen.getByTestId('surface-mode-2d')).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByTestId('surface-mode-no-webgl')).toHaveTextContent('WebGL')
    expect(screen.getByRole('group')).toHaveAccessibleDescription(/WebGL/)
  })

  it('ignores an unknown mode', () => {
    const app = setup(true)
    app.getState().setSurfaceMode('4d' as never)
    expect('surfaceMode' in app.getState().settings).toBe(false)
    expect(parseUrl('surf=4d').notices.length).toBeGreaterThan(0)
  })
})
