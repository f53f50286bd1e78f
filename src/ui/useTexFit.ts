import { useLayoutEffect } from 'react'
import type { RefObject } from 'react'
import { texFitScale } from './texFit'

/**
 * Scales a display formula down to its box instead of clipping it (a long rule on a phone, a card's formula at
 * projector type): whenever the box resizes, measures the formula at full size (`--tex-fit: 1`, then the box's
 * scrollWidth) and sets `--tex-fit` on the element to the scale that fits (Tex.css multiplies the font size by
 * it). Setting the same scale again changes no size, so the observer settles after one round.
 */
export function useTexFit(ref: RefObject<HTMLElement | null>, active: boolean): void {
  useLayoutEffect(() => {
    const box = ref.current
    if (!active || box === null || typeof ResizeObserver !== 'function') return
    let scale = 1
    const fit = (): void => {
      box.style.setProperty('--tex-fit', '1')
      // One px of slack: scrollWidth is rounded, the math's width is not.
      const next = texFitScale(box.scrollWidth, box.clientWidth - 1)
      if (Math.abs(next - scale) >= 0.01) scale = next
      box.style.setProperty('--tex-fit', String(scale))
    }
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(box)
    return () => observer.disconnect()
  }, [ref, active])
}
