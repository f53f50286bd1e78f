// Setup of the `dom` project only (see vitest.config.ts), after test/setup.fresh.ts: jest-dom's matchers for
// the component tests. The files of a worker share one jsdom window, so each file also starts from the blank
// page a new window would show: no leftover nodes, the default address, empty storage.
import '@testing-library/jest-dom/vitest'
import { configure } from '@testing-library/react'

document.head.innerHTML = ''
document.body.innerHTML = ''
window.history.replaceState(null, '', '/')
window.localStorage.clear()
window.sessionStorage.clear()

// waitFor/findBy poll until their condition holds; their 1 s default fails a correct test when a busy machine
// stalls the worker, so they get the per-test budget instead (a condition that never holds still fails).
configure({ asyncUtilTimeout: 30_000 })
