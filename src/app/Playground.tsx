import type { ReactNode } from 'react'
import type { Scene, ScenePanel } from '../core/scenes/index'
import { BasinPanel } from '../panels/BasinPanel/BasinPanel'
import { ChartsPanel } from '../panels/ChartsPanel/ChartsPanel'
import { ControlsPanel } from '../panels/ControlsPanel/ControlsPanel'
import { HessianPanel } from '../panels/HessianPanel/HessianPanel'
import { RacerCards } from '../panels/RacerCards/RacerCards'
import { TransportBar } from '../panels/TransportBar/TransportBar'
import { Deferred, SceneCards, SlicePanel } from './deferred'
import { SurfaceArea } from './SurfaceArea'

const CHARTS: readonly ScenePanel[] = ['loss', 'gradNorm', 'schedule']

/**
 * The playground page: the race on the surface, its charts, controls, formula cards and the Hessian. With a
 * `scene`, the scene page: its narration cards and the panels it lists (`scene.panels`), and `lab` (the
 * classifier lab) when it trains the classifier; a classifier-only scene shows just its cards and the lab.
 */
export function Playground({ scene, lab }: { scene?: Scene; lab?: ReactNode }) {
  if (scene !== undefined) return <ScenePage scene={scene} lab={lab} />
  return (
    <div className="playground">
      <div className="area-surface">
        <SurfaceArea />
        <Deferred fallback={null}>
          <SlicePanel />
        </Deferred>
      </div>
      <div className="area-charts">
        <ChartsPanel />
      </div>
      <div className="area-transport">
        <TransportBar />
      </div>
      <div className="area-controls">
        <ControlsPanel />
      </div>
      <div className="area-cards">
        <RacerCards />
        <HessianPanel />
        <BasinPanel />
      </div>
    </div>
  )
}

/**
 * A surface scene: the surface and playback in the main column; the narration card on top of the side column
 * (the corner a projector audience reads), then the charts and the Hessian; controls and formula cards below.
 */
function ScenePage({ scene, lab }: { scene: Scene; lab?: ReactNode }) {
  const has = (p: ScenePanel) => scene.panels.includes(p)
  const story = (
    <div className="area-story">
      <Deferred>
        <SceneCards />
      </Deferred>
    </div>
  )
  if (scene.kind === 'classifier') {
    return (
      <div className="playground scene-page scene-classifier" data-scene={scene.id}>
        {story}
        {lab != null && <div className="area-lab">{lab}</div>}
      </div>
    )
  }
  return (
    <div className="playground scene-page" data-scene={scene.id}>
      <div className="scene-main">
        {has('surface') && (
          <div className="area-surface">
            <SurfaceArea />
            {has('slice') && (
              <Deferred fallback={null}>
                <SlicePanel initiallyOpen />
              </Deferred>
            )}
          </div>
        )}
        <div className="area-transport">
          <TransportBar />
        </div>
      </div>
      <div className="scene-side">
        {story}
        {CHARTS.some(has) && (
          <div className="area-charts">
            <ChartsPanel />
          </div>
        )}
        {has('hessian') && (
          <div className="area-hessian">
            <HessianPanel />
          </div>
        )}
      </div>
      <div className="area-controls">
        <ControlsPanel />
      </div>
      <div className="area-cards">
        <RacerCards />
      </div>
      {has('classifier') && lab != null && <div className="area-lab">{lab}</div>}
    </div>
  )
}
