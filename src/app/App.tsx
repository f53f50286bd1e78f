import { useState } from 'react'
import type { UrlNotice } from '../state/url/notices'
import type { Services } from '../state/services'
import { ServicesContext } from '../state/services'
import type { AppStore } from '../state/store'
import { AppStoreContext } from '../state/useApp'
import { Header } from './Header'
import type { Page } from './Header'
import { Notices } from './Notices'
import { Playground } from './Playground'

export interface AppProps {
  store: AppStore
  services: Services
  /** What the link contained that was ignored (shown once, dismissible). */
  notices: readonly UrlNotice[]
}

/** Composes the pages; no logic of its own. */
export function App({ store, services, notices }: AppProps) {
  const [page, setPage] = useState<Page>('playground')
  return (
    <AppStoreContext.Provider value={store}>
      <ServicesContext.Provider value={services}>
        <Header page={page} onPage={setPage} />
        <Notices notices={notices} />
        <main className="app-main">{page === 'playground' && <Playground />}</main>
      </ServicesContext.Provider>
    </AppStoreContext.Provider>
  )
}
