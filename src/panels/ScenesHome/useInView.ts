import { useEffect, useState } from 'react'
import type { RefObject } from 'react'

/**
 * True once the element has come within `rootMargin` of the viewport (and from then on), so a thumbnail asks
 * the worker for its grid only when it is about to be seen. Without IntersectionObserver (jsdom, old
 * browsers) everything counts as seen.
 */
export function useInView(ref: RefObject<Element | null>, rootMargin = '200px'): boolean {
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined')
  useEffect(() => {
    const el = ref.current
    if (seen || el === null) return
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return
        observer.disconnect()
        setSeen(true)
      },
      { rootMargin },
    )
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref, rootMargin, seen])
  return seen
}
