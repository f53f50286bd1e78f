import { selectShareQuery } from './selectors'
import type { AppStore } from './store'

/**
 * Keeps the address bar equal to the settings (so reload and "copy link" reproduce the race), with
 * `history.replaceState` (no history entry per slider move), at most every `delayMs`. Returns the stop
 * function. Keys this table does not own (e.g. `embed`) are preserved.
 */
export function startUrlSync(store: AppStore, delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const write = (): void => {
    timer = undefined
    const query = selectShareQuery(store.getState())
    if (location.search.slice(1) !== query)
      history.replaceState(history.state, '', `${location.pathname}?${query}${location.hash}`)
  }
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.settings !== prev.settings && timer === undefined) timer = setTimeout(write, delayMs)
  })
  return () => {
    unsubscribe()
    if (timer !== undefined) clearTimeout(timer)
  }
}

/** The absolute link that reproduces the current settings. */
export function shareLink(store: AppStore): string {
  return `${location.origin}${location.pathname}?${selectShareQuery(store.getState())}`
}
