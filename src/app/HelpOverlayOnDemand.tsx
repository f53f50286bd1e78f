import { lazy } from 'react'
import { selectHelpOpen, useScene } from '../state/scene/useScene'
import { Deferred } from './deferred'

// The help overlay opens on '?' only: its chunk is fetched the first time it opens, not with the first screen.
const HelpOverlay = lazy(() =>
  import('../panels/PresenterKeys/HelpOverlay').then((m) => ({ default: m.HelpOverlay })),
)

/**
 * `<HelpOverlay>` while the scene store says help is open, mounted then (so its focus moves in on opening
 * and back on closing, as when it is always mounted); nothing in its place while its chunk arrives, and
 * `Deferred`'s message if the chunk cannot be fetched (rather than an error that would unmount the app).
 */
export function HelpOverlayOnDemand() {
  const open = useScene(selectHelpOpen)
  if (!open) return null
  return (
    <Deferred fallback={null}>
      <HelpOverlay />
    </Deferred>
  )
}
