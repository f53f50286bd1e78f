import { act, cleanup, render, screen } from '@testing-library/react'
import { lazy } from 'react'
import type { JSX, ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
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
