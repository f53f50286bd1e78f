import { effectiveBatch } from '../../core/miniBatch.meta'
import { racerColor } from '../../render/colors'
import { cloudSpread } from '../../render/noiseCloud'
import type { NoiseCloudView } from '../../render/noiseCloud'
import type { Services } from '../../state/services'
import type { AppState, AppStore } from '../../state/store'

/** What the panel learns of each racer's cloud: its spread (gradient units), for `data-cloud-*`. */
export type CloudListener = (spreads: ReadonlyMap<string, number>) => void

/** The live gradient-noise clouds of a race on a data surface (see `createNoiseClouds`). */
export interface NoiseClouds {
  /** The clouds to draw now, one per visible racer whose cloud has arrived for its current point. */
  current(): NoiseCloudView[]
  destroy(): void
}

interface Want {
  id: string
  key: string
  surface: string
  at: [number, number]
  size: number
  seed: number
  eta: number
  color: string
}

/**
 * Keeps one gradient-noise cloud per visible racer of a race on a data surface: at its point at the playhead,
 * every mini-batch gradient of its batch size (N for the full batch), asked of the worker (`noiseCloud`) with
 * at most one request in flight per racer, the latest point winning. `onChange` repaints; `onSpread` reports
 * each cloud's `cloudSpread`. Does nothing without `services.noiseCloud` or on a surface without examples.
 */
export function createNoiseClouds(
  services: Services,
  store: AppStore,
  onChange: () => void,
  onSpread: CloudListener,
): NoiseClouds {
  const clouds = new Map<string, NoiseCloudView & { key: string }>()
  const inFlight = new Map<string, AbortController>()
  let alive = true

  const wants = (s: AppState): Want[] => {
    const examples = s.catalog.get(s.settings.surfaceId)?.examples
    if (examples === undefined || services.noiseCloud === undefined) return []
    const out: Want[] = []
    for (const racer of s.settings.racers) {
      const track = s.tracks.find((t) => t.id === racer.id)
      if (racer.hidden || track === undefined || track.count === 0) continue
      const k = Math.max(0, Math.min(Math.floor(s.cursor), track.count - 1))
      const at: [number, number] = [track.x[k], track.y[k]]
      const size = effectiveBatch(examples, racer.batch) ?? examples
      const seed = s.settings.noise.seed
      const eta = k < track.count - 1 ? track.lr[k] : racer.optimizer.lr
      const key = `${s.settings.surfaceId}|${at[0]}|${at[1]}|${size}|${seed}`
      out.push({
        id: racer.id,
        key,
        surface: s.settings.surfaceId,
        at,
        size,
        seed,
        eta,
        color: racerColor(racer.color),
      })
    }
    return out
  }

  const report = (): void => {
    const spreads = new Map<string, number>()
    for (const [id, c] of clouds) spreads.set(id, cloudSpread(c.points, c.full))
    onSpread(spreads)
  }

  const update = (): void => {
    if (!alive) return
    const s = store.getState()
    const wanted = new Map(wants(s).map((w) => [w.id, w]))
    let removed = false
    for (const id of [...clouds.keys()])
      if (!wanted.has(id)) {
        clouds.delete(id)
        removed = true
      }
    if (removed) {
      report()
      onChange()
    }
    for (const [id, w] of wanted) {
      const have = clouds.get(id)
      if (have !== undefined && have.key === w.key) {
        have.eta = w.eta
        have.color = w.color
        continue
      }
      if (inFlight.has(id)) continue
      const controller = new AbortController()
      inFlight.set(id, controller)
      services.noiseCloud!(w.surface, w.at[0], w.at[1], w.size, w.seed, controller.signal).then(
        ({ points, full }) => {
          inFlight.delete(id)
          if (!alive) return
          clouds.set(id, { key: w.key, at: w.at, points, full, eta: w.eta, color: w.color })
          report()
          onChange()
          update()
        },
        () => {
          inFlight.delete(id)
        },
      )
    }
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.version !== prev.version ||
      s.cursor !== prev.cursor ||
      s.tracks !== prev.tracks ||
      s.settings !== prev.settings
    )
      update()
  })
  update()

  return {
    current: () => [...clouds.values()],
    destroy() {
      alive = false
      unsubscribe()
      for (const c of inFlight.values()) c.abort()
      inFlight.clear()
    },
  }
}
