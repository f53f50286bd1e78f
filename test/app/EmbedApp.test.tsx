// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EmbedApp } from '../../src/app/EmbedApp'
import type { EmbedView } from '../../src/state/url/embedView'
import { createLabStore } from '../../src/state/lab/labStore'
import { createSceneStore } from '../../src/state/scene/sceneStore'
import type { Services } from '../../src/state/services'
import { createAppStore } from '../../src/state/store'
import { serializeUrl } from '../../src/state/urlState'
import { createFakeDriver } from '../state/fakeDriver'
import { createFakeTrainDriver } from '../state/lab/fakeTrainDriver'

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const services: Services = {
  requestGrid: () => new Promise(() => {}),
  analyze: () => new Promise(() => {}),
}

function setup(view: EmbedView) {
  const store = createAppStore({ driver: createFakeDriver().driver })
  const scenes = createSceneStore({ app: store })
  const lab = createLabStore(createFakeTrainDriver().driver, { fetchText: () => new Promise(() => {}) })
  const fullAppLink = () => `https://play.example.org/?${serializeUrl(store.getState().settings)}`
  render(
    <EmbedApp
      store={store}
      services={services}
      scenes={scenes}
      lab={lab}
      view={view}
      notices={[]}
      fullAppLink={fullAppLink}
    />,
  )
  return { store }
}

describe('<EmbedApp>', () => {
  it('panel=surface with controls=minimal shows the surface and the transport bar, and no page chrome', () => {
    setup({ panel: 'surface', controls: 'minimal' })
    const root = screen.getByTestId('embed-app')
    expect(root).toHaveAttribute('data-panel', 'surface')
    expect(root).toHaveAttribute('data-controls', 'minimal')
    expect(root).toHaveClass('embed', 'embed-controls-minimal')
    expect(screen.getByTestId('surface-panel')).toBeInTheDocument()
    expect(screen.getByTestId('transport-play')).toBeInTheDocument()
    expect(screen.queryByTestId('copy-link')).toBeNull()
    expect(screen.queryByTestId('nav-scenes')).toBeNull()
    expect(screen.queryByTestId('export-menu')).toBeNull()
  })

  it('controls=none leaves the playback to the host page: no transport bar', () => {
    setup({ panel: 'surface', controls: 'none' })
    expect(screen.getByTestId('surface-panel')).toBeInTheDocument()
    expect(screen.queryByTestId('transport-play')).toBeNull()
  })

  it('panel=schedule shows the charts (with the η schedule) instead of the surface', () => {
    setup({ panel: 'schedule', controls: 'full' })
    expect(screen.queryByTestId('surface-panel')).toBeNull()
    expect(screen.getByTestId('chart-lr')).toBeInTheDocument()
    expect(screen.getByTestId('transport-play')).toBeInTheDocument()
  })

  it('panel=classifier shows the classifier lab and not the race', () => {
    setup({ panel: 'classifier', controls: 'full' })
    expect(screen.getByTestId('classifier-lab')).toBeInTheDocument()
    expect(screen.queryByTestId('surface-panel')).toBeNull()
    expect(screen.queryByTestId('transport-play')).toBeNull()
  })

  it('the "full playground" link opens the same settings in a new tab, and follows them', () => {
    const { store } = setup({ panel: 'surface', controls: 'minimal' })
    const link = screen.getByTestId('embed-open')
    expect(link).toHaveAttribute('target', '_blank')
    expect(link.getAttribute('rel')).toContain('noopener')
    expect(link).toHaveAccessibleName('Open this view in the full playground (opens in a new tab)')
    expect(link.getAttribute('href')).toBe(
      `https://play.example.org/?${serializeUrl(store.getState().settings)}`,
    )
    act(() => store.getState().setSteps(77))
    expect(link.getAttribute('href')).toContain('&steps=77&')
  })

  it('the embed speaks the link’s language', () => {
    const { store } = setup({ panel: 'surface', controls: 'minimal' })
    act(() => store.getState().setLanguage('zh'))
    expect(screen.getByTestId('embed-app')).toHaveAttribute('lang', 'zh-CN')
    expect(screen.getByTestId('embed-open')).toHaveAccessibleName('在完整版游乐场中打开此视图（新标签页）')
  })
})
