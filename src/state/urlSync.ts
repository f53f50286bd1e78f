import { createContext, useContext } from 'react'

/**
 * One part of the address bar's query: a store's settings serialized by its own schema (the playground's, the
 * lab's, …). Parts own disjoint keys; the link is their concatenation.
 */
export interface QueryPart {
  /** The part's current query (no leading `?`, may be empty). */
  read(): string
  /** Calls `onChange` whenever the part's settings may have changed; returns the unsubscribe function. */
  subscribe(onChange: () => void): () => void
}

/** The whole query string of the parts, in order, empty parts left out. */
export function composeQuery(parts: readonly QueryPart[]): string {
  return parts
    .map((p) => p.read())
    .filter((q) => q !== '')
    .join('&')
}

/**
 * Keeps the address bar equal to the settings (so a reload or a copied link reproduces them), with
 * `history.replaceState` (no history entry per slider move), at most every `delayMs`. Returns the stop function.
 */
export function startUrlSync(parts: readonly QueryPart[], delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const write = (): void => {
    timer = undefined
    const query = composeQuery(parts)
    if (location.search.slice(1) !== query) {
      history.replaceState(history.state, '', `${location.pathname}?${query}${location.hash}`)
    }
  }
  const schedule = (): void => {
    if (timer === undefined) timer = setTimeout(write, delayMs)
  }
  const unsubscribes = parts.map((p) => p.subscribe(schedule))
  return () => {
    unsubscribes.forEach((u) => u())
    if (timer !== undefined) clearTimeout(timer)
  }
}

/** The absolute link that reproduces the current settings of every part. */
export function shareLink(parts: readonly QueryPart[]): string {
  return `${location.origin}${location.pathname}?${composeQuery(parts)}`
}

/** Gives the header's "copy link" the whole app's link (main.tsx provides it over every query part). */
export const ShareLinkContext = createContext<() => string>(() => location.href)

/** The function that builds the current share link. */
export function useShareLink(): () => string {
  return useContext(ShareLinkContext)
}
