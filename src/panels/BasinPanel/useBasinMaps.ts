import { useContext, useEffect, useState } from 'react'
import type { BasinMapSpec } from '../../core/basins/types'
import { ServicesContext } from '../../state/services'
import type { BasinLevel } from '../../worker/protocol'

/** Starts per axis at each level, coarse first: every coarse start is a start of the next level. */
export const BASIN_SIDES = [9, 17, 33, 65]

/** The latest level of each map of a run, and when it arrived. */
export type BasinLevels = (BasinLevel | null)[]

/**
 * The progressive basin maps of `specs` (null: none wanted), from the worker's explore driver: each map's
 * latest level as it arrives, coarse first. A change of specs cancels the maps in flight and starts over.
 */
export function useBasinMaps(specs: BasinMapSpec[] | null): BasinLevels {
  const services = useContext(ServicesContext)
  const key = specs === null ? '' : JSON.stringify(specs)
  // Levels are kept with the key they belong to, so a change of specs shows nothing stale.
  const [state, setState] = useState<{ key: string; levels: BasinLevels }>({ key: '', levels: [] })
  useEffect(() => {
    const explore = services?.explore
    if (explore === undefined || key === '') return
    const wanted = JSON.parse(key) as BasinMapSpec[]
    return explore.basins(wanted, BASIN_SIDES, (level) => {
      setState((old) => {
        const levels = old.key === key ? old.levels : wanted.map(() => null)
        return { key, levels: levels.map((l, i) => (i === level.map ? level : l)) }
      })
    })
  }, [services, key])
  return state.key === key ? state.levels : []
}
