import { useEffect, useState } from 'react'
import { getSurfaceMeta } from '../../core/surfaces/meta'
import type { Scene } from '../../core/scenes/meta'
import type { Vec2 } from '../../core/types'
import { racerColor } from '../../render/colors'
import { selectLanguage, selectRacers } from '../../state/selectors'
import { isAbortError, useServices } from '../../state/services'
import { useApp, useT } from '../../state/useApp'
import { formatNumber } from '../../ui/formatNumber'

/** One row: a point with its training and testing loss, both evaluated by the worker's core. */
interface Row {
  key: string
  label: string
  at: Vec2
  train: number
  test: number
  color?: string
}

const two = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : '—')

/**
 * For a scene with a testing surface (canyon vs basin): the training and testing loss of each marked minimum of
 * the training surface (named basin or canyon by its curvature: the larger λ_max is the sharp one) and of each
 * visible racer where its finished run ended. Every number is the core's (`analyze` in the worker), so the card
 * text can be checked against the page. Renders nothing for other scenes.
 */
export function TestLossTable({ scene }: { scene: Scene }) {
  const t = useT()
  const services = useServices()
  const language = useApp(selectLanguage)
  const racers = useApp(selectRacers)
  const surfaceId = useApp((s) => s.settings.surfaceId)
  const tracks = useApp((s) => s.tracks)
  // Tracks fill in place, so re-render on what changes: the playhead reaching the end of the race.
  const atEnd = useApp((s) => s.raceSteps > 0 && s.cursor >= s.raceSteps)
  const [rows, setRows] = useState<Row[]>([])
  const testSurface = scene.testSurface
  // The racers' end points, as a string key so the effect runs only when one of them changes.
  const ends = racers
    .filter((r) => !r.hidden)
    .flatMap((r, i) => {
      const track = tracks.find((tr) => tr.id === r.id)
      if (!atEnd || track === undefined || track.count < track.capacity || track.count === 0) return []
      const k = track.count - 1
      return [{ id: r.id, color: racerColor(r.color), n: i + 1, at: [track.x[k], track.y[k]] as Vec2 }]
    })
  const endsKey = ends.map((e) => `${e.id}:${e.at[0]},${e.at[1]}`).join('|')

  useEffect(() => {
    if (testSurface === undefined) return
    const controller = new AbortController()
    const { signal } = controller
    const minima = getSurfaceMeta(surfaceId).minima
    const evaluate = async (at: Vec2) => {
      const [train, test] = await Promise.all([
        services.analyze(surfaceId, at[0], at[1], signal),
        services.analyze(testSurface, at[0], at[1], signal),
      ])
      return { train, test }
    }
    Promise.all([...minima.map(evaluate), ...ends.map((e) => evaluate(e.at))])
      .then((results) => {
        const curvature = results.slice(0, minima.length).map((r) => Math.max(...r.train.eigenvalues))
        const sharpest = Math.max(...curvature)
        const next: Row[] = results.map((r, i) => {
          const at = i < minima.length ? minima[i] : ends[i - minima.length].at
          const label =
            i < minima.length
              ? t(curvature[i] === sharpest ? 'scene.test.canyon' : 'scene.test.basin')
              : t('scene.test.racerEnd', { n: ends[i - minima.length].n })
          return {
            key: i < minima.length ? `min${i}` : ends[i - minima.length].id,
            label,
            at,
            train: r.train.value,
            test: r.test.value,
            color: i < minima.length ? undefined : ends[i - minima.length].color,
          }
        })
        setRows(next)
      })
      .catch((e: unknown) => {
        if (!isAbortError(e)) setRows([])
      })
    return () => controller.abort()
    // `ends` is rebuilt each render; its content is `endsKey`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [services, surfaceId, testSurface, endsKey, t])

  if (testSurface === undefined) return null
  const testName = getSurfaceMeta(testSurface).name[language]
  return (
    <table className="scene-test-loss" data-testid="scene-test-loss">
      <caption>{t('scene.test.caption', { surface: testName })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('scene.test.point')}</th>
          <th scope="col">{t('scene.test.train')}</th>
          <th scope="col">{t('scene.test.test')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-row={r.key}>
            <th scope="row">
              {r.color !== undefined && (
                <span className="scene-card-swatch" style={{ background: r.color }} aria-hidden="true" />
              )}
              {r.label} ({formatNumber(r.at[0])}, {formatNumber(r.at[1])})
            </th>
            <td data-value={r.train}>{two(r.train)}</td>
            <td data-value={r.test}>{two(r.test)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
