import { useEffect, useId, useRef, useState } from 'react'
import type { ReactNode } from 'react'

/**
 * The header's secondary actions (presenter mode, export, copy link, language) behind one "Menu" button when the
 * header is too narrow for them (layout.css decides when; on a wide screen the button is hidden and the actions
 * sit in the row). A disclosure, not an ARIA menu: the actions are ordinary buttons in tab order once it is open;
 * Escape closes it and gives focus back to its button, and so does a press outside it.
 */
export function HeaderMenu({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const root = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent): void => {
      // An open popover inside (the export panel) closes first.
      if (
        e.key !== 'Escape' ||
        e.defaultPrevented ||
        root.current?.querySelector('[aria-expanded="true"]:not(.header-menu-toggle)')
      )
        return
      setOpen(false)
      toggle.current?.focus()
    }
    const onPointer = (e: PointerEvent): void => {
      if (root.current !== null && e.target instanceof Node && !root.current.contains(e.target))
        setOpen(false)
    }
    document.addEventListener('keydown', onKey)
    window.addEventListener('pointerdown', onPointer)
    return () => {
      document.removeEventListener('keydown', onKey)
      window.removeEventListener('pointerdown', onPointer)
    }
  }, [open])
  return (
    <div className="header-menu" ref={root} data-open={open ? '1' : undefined}>
      <button
        ref={toggle}
        type="button"
        className="header-menu-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        data-testid="header-menu-toggle"
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M4 7h16M4 12h16M4 17h16" />
        </svg>
        <span className="header-menu-label">{label}</span>
      </button>
      <div id={id} className="header-menu-panel" data-testid="header-menu">
        {children}
      </div>
    </div>
  )
}
