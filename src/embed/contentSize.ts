/**
 * The embed's content height for the host page's auto-height (the `resize` event): the height of the frame at
 * which the panel shows everything at its natural size, i.e. the frame's height now plus what its scrolling
 * boxes hide, plus what the surface's plot lacks of its natural 5:4 shape. A host that sets the iframe's height
 * to it converges in one step: at that height nothing is hidden and the extra is 0.
 */
export interface ContentSize {
  /** CSS px, rounded up. */
  measure(): number
  /** Calls `changed` (at most once per animation frame) whenever the layout may have changed; returns stop. */
  observe(changed: () => void): () => void
}

/** The surface stage's natural aspect, width : height (SurfacePanel.css `aspect-ratio: 5 / 4`). */
const SURFACE_ASPECT = 5 / 4

/** The height of `root` plus what its scrolled boxes and a squeezed surface stage hide. */
export function contentHeightOf(root: Element): number {
  let height = root.getBoundingClientRect().height
  for (const box of root.querySelectorAll('.embed-main, .embed-transport'))
    height += Math.max(0, box.scrollHeight - box.clientHeight)
  const stage = root.querySelector('.surface-stage')
  if (stage !== null) {
    const r = stage.getBoundingClientRect()
    height += Math.max(0, r.width / SURFACE_ASPECT - r.height)
  }
  return Math.ceil(height)
}

/** `ContentSize` over the live document: measures `.embed`, watches resizes and re-renders of the page. */
export function createDocumentContentSize(doc: Document): ContentSize {
  return {
    measure() {
      const root = doc.querySelector('.embed')
      return root === null ? 0 : contentHeightOf(root)
    },
    observe(changed) {
      const win = doc.defaultView
      let frame = 0
      const schedule = (): void => {
        if (frame !== 0 || win === null) return
        frame = win.requestAnimationFrame(() => {
          frame = 0
          watchBoxes()
          changed()
        })
      }
      const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null
      const watched = new Set<Element>()
      // The panel mounts after the bridge starts and its parts come and go: watch whatever boxes exist now.
      const watchBoxes = (): void => {
        for (const el of doc.querySelectorAll('.embed, .embed-main > *, .surface-stage, .embed-transport'))
          if (!watched.has(el)) {
            watched.add(el)
            resize?.observe(el)
          }
      }
      const mutations =
        typeof MutationObserver === 'function' && doc.body !== null ? new MutationObserver(schedule) : null
      if (doc.body !== null) mutations?.observe(doc.body, { childList: true, subtree: true })
      win?.addEventListener('resize', schedule)
      schedule()
      return () => {
        if (frame !== 0) win?.cancelAnimationFrame(frame)
        resize?.disconnect()
        mutations?.disconnect()
        win?.removeEventListener('resize', schedule)
      }
    },
  }
}
