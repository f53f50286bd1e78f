import { ChartsPanel } from '../panels/ChartsPanel/ChartsPanel'
import { ControlsPanel } from '../panels/ControlsPanel/ControlsPanel'
import { HessianPanel } from '../panels/HessianPanel/HessianPanel'
import { RacerCards } from '../panels/RacerCards/RacerCards'
import { SurfacePanel } from '../panels/SurfacePanel/SurfacePanel'
import { TransportBar } from '../panels/TransportBar/TransportBar'

/** The playground page: the race on the surface, its charts, controls, formula cards and the Hessian. */
export function Playground() {
  return (
    <div className="playground">
      <div className="area-surface">
        <SurfacePanel />
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
      </div>
    </div>
  )
}
