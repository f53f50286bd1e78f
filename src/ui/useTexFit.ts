import { useLayoutEffect } from 'react'
import type { RefObject } from 'react'
import { texFitScale } from './texFit'

/**
 * Scales a display formula down to its box instead of clipping it (a long rule on a phone, a card's formula at
 * projector type): sets `--tex-fit` on the element (Tex.css multiplies the font size by it) whenever the box
 * or the formula resizes. The formula's own width is its `<math>` content's (`semantics`), not the block's.
 */
export function useTexFit(ref: RefObject<HTMLElement | null>, active: boolean): void {
  useLayoutEffect(() => {
    const box = ref.current
    if (!active || box === null || typeof ResizeObserver !== 'function') return
    let scale = 1
    const fit = (): void => {
      const content = box.querySelector('math > semantics, math > mrow')
      if (content === null) return
      const room = box.clientWidth
      const next = texFitScale(scale, content.getBoundingClientRect().width, room)
      if (Math.abs(next - scale) < 0.01) return
      scale = next
      box.style.setProperty('--tex-fit', String(scale))
    }
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(box)
    return () => observer.disconnect()
  }, [ref, active])
}
