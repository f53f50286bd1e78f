import { act, cleanup, render, screen, within } from '@testing-library/react'
import { lazy } from 'react'
import type { JSX, ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Deferred, ExportMenuPending } from '../../src/app/deferred'
import { createAppStore } from '../../src/state/store'
import { AppStoreContext } from '../../src/state/useApp'
import { createFakeDriver } from '../state/fakeDriver'

afterEach(cleanup)

/** A lazy component whose chunk arrives when the test says so. */
function controlledChunk() {
  let arrive!: () => void
  const chunk = new Promise<{ default: () => JSX.Element }>((resolve) => {
    arrive = () => resolve({ default: () => <p data-testid="arrived">the panel</p> })
  })
  return { Panel: lazy(() => chunk), arrive: () => act(async () => arrive()) }
}

function renderIn(language: 'en' | 'zh', children: ReactNode) {
  const store = createAppStore({ driver: createFakeDriver().driver })
  store.getState().setLanguage(language)
  render(<AppStoreContext.Provider value={store}>{children}</AppStoreContext.Provider>)
}

describe('<Deferred>', () => {
  it('shows a translated "Loading…" status until the chunk arrives, then the panel', async () => {
    const { Panel, arrive } = controlledChunk()
    renderIn(
      'zh',
      <>
        <p data-testid="beside">stays up</p>
        <Deferred>
          <Panel />
        </Deferred>
      </>,
    )
    expect(screen.getByRole('status')).toHaveTextContent('加载中…')
    expect(screen.getByTestId('beside')).toBeInTheDocument()
    expect(screen.queryByTestId('arrived')).toBeNull()
    await arrive()
    expect(screen.getByTestId('arrived')).toBeInTheDocument()
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('takes its own stand-in: the export button, inert, with its label', async () => {
    const { Panel, arrive } = controlledChunk()
    renderIn(
      'en',
      <Deferred fallback={<ExportMenuPending />}>
        <Panel />
      </Deferred>,
    )
    const button = screen.getByRole('button', { name: 'Export and embed' })
    expect(button).toBeDisabled()
    await arrive()
    expect(screen.queryByRole('button')).toBeNull()
    expect(screen.getByTestId('arrived')).toBeInTheDocument()
  })
})

describe('<Deferred> when the chunk cannot be fetched', () => {
  it('shows a translated message with a reload button in place of the panel, and the rest stays up', async () => {
    for (const [language, text, reload] of [
      ['en', 'This part of the app could not be loaded.', 'Reload'],
      ['zh', '这部分内容加载失败。', '刷新'],
    ] as const) {
      let fail!: () => void
      const chunk = new Promise<{ default: () => JSX.Element }>((_, reject) => {
        fail = () => reject(new TypeError('Failed to fetch dynamically imported module'))
      })
      const Panel = lazy(() => chunk)
      renderIn(
        language,
        <>
          <p data-testid="beside">stays up</p>
          <Deferred>
            <Panel />
          </Deferred>
        </>,
      )
      expect(screen.getByRole('status')).toBeInTheDocument()
      // React logs the error it caught; the boundary's message is what the page shows.
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
      await act(async () => fail())
      quiet.mockRestore()
      const alert = screen.getByRole('alert')
      expect(alert).toHaveTextContent(text)
      expect(within(alert).getByRole('button', { name: reload })).toBeInTheDocument()
      expect(screen.queryByRole('status')).toBeNull()
      expect(screen.getByTestId('beside')).toBeInTheDocument()
      cleanup()
    }
  })
})
