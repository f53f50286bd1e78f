import { useContext, useEffect, useState } from 'react'
import { buildRaceEntries, raceKeyOf } from '../../state/raceSpecs'
import { isAbortError, ServicesContext } from '../../state/services'
import { useApp } from '../../state/useApp'
import type { AppState } from '../../state/store'
import type { StabilityResult } from '../../worker/protocol'

/** One racer's band as the worker computed it. */
export interface RacerBand extends StabilityResult {
  id: string
  base: number
}

const selectEntriesKey = (s: AppState): string => raceKeyOf(buildRaceEntries(s.settings))

/**
 * The stability band of every racer (`stabilityBand` in the core, computed in the worker along the racer's
 * whole path), requested again whenever the race's math changes and dropped while the new ones compute.
 * Empty without services or without their explore driver (component tests).
 */
export function useStabilityBands(): RacerBand[] {
  const services = useContext(ServicesContext)
  const key = useApp(selectEntriesKey)
  const [bands, setBands] = useState<RacerBand[]>([])
  useEffect(() => {
    const explore = services?.explore
    if (explore === undefined) return
    const entries = JSON.parse(key) as ReturnType<typeof buildRaceEntries>
    const abort = new AbortController()
    let alive = true
    Promise.all(
      entries.map(async ({ id, spec }) => ({
        id,
        base: spec.optimizer.lr,
        ...(await explore.stability(spec, { signal: abort.signal })),
      })),
    ).then(
      (result) => {
        if (alive) setBands(result)
      },
      (error: unknown) => {
        if (alive && !isAbortError(error)) setBands([])
      },
    )
    return () => {
      alive = false
      abort.abort()
    }
  }, [services, key])
  return bands
}
