/**
 * The wire protocol between the main thread and the numeric worker: types only, imported by both sides
 * (comlink's `src/protocol.ts` is the model). Every message is plain structured-clone data with a string
 * literal `type`. One file per message family: `race.ts` (playback of a race), `grid.ts` (sampled surfaces
 * and their contours), `analysis.ts` (one point's gradient and Hessian), `train.ts` (the classifier lab);
 * `common.ts` holds the envelope (runId, requestId, errors). Each family also declares its driver, the API
 * the stores use and the client implements. This file joins them.
 *
 * Extending: a new family declares its messages in its own file and adds them to `ToWorker` / `FromWorker`
 * below; request/response pairs also get a line in `Requests`, and its structural checks go in
 * `../checks/` (the engine's table is typed over `ToWorker['type']`, so a missing check does not compile).
 */
import type { AnalysisReply, AnalyzeRequest } from './analysis'
import type { Ready, WorkerErrorMessage } from './common'
import type {
  ExploreEvent,
  ExploreToWorker,
  SliceReply,
  SliceRequest,
  StabilityReply,
  StabilityRequest,
} from './explore'
import type { GridReply, GridRequest } from './grid'
import type { TrainLandscapeReply, TrainLandscapeRequest } from './landscape'
import type { TrainInterpolationReply, TrainInterpolationRequest } from './interpolation'
import type { Ping, Pong } from './health'
import type { NoiseCloudReply, NoiseCloudRequest } from './noiseCloud'
import type { RaceEvent, RaceToWorker } from './race'
import type {
  TrainCompareRequest,
  TrainComparisonReply,
  TrainEvent,
  TrainHessianReply,
  TrainHessianRequest,
  TrainLoadReply,
  TrainLoadRequest,
  TrainToWorker,
} from './train'

export type * from './analysis'
export type * from './common'
export type * from './explore'
export type * from './grid'
export type * from './health'
export type * from './noiseCloud'
export type * from './race'
export type * from './train'
export type * from './landscape'
export type * from './interpolation'

/** Everything the main thread may send. */
export type ToWorker =
  | RaceToWorker
  | GridRequest
  | AnalyzeRequest
  | NoiseCloudRequest
  | TrainToWorker
  | TrainLandscapeRequest
  | TrainInterpolationRequest
  | Ping
  | ExploreToWorker

/** Everything the worker may send. */
export type FromWorker =
  | Ready
  | Pong
  | RaceEvent
  | GridReply
  | AnalysisReply
  | NoiseCloudReply
  | WorkerErrorMessage
  | TrainEvent
  | TrainLoadReply
  | TrainComparisonReply
  | TrainHessianReply
  | ExploreEvent
  | SliceReply
  | StabilityReply
  | TrainLandscapeReply
  | TrainInterpolationReply

/** Request messages and the reply each gets (replies echo `requestId`; failures come as `error`). */
export interface Requests {
  grid: { request: GridRequest; reply: GridReply }
  analyze: { request: AnalyzeRequest; reply: AnalysisReply }
  noiseCloud: { request: NoiseCloudRequest; reply: NoiseCloudReply }
  'train.load': { request: TrainLoadRequest; reply: TrainLoadReply }
  'train.compare': { request: TrainCompareRequest; reply: TrainComparisonReply }
  'train.hessian': { request: TrainHessianRequest; reply: TrainHessianReply }
  slice: { request: SliceRequest; reply: SliceReply }
  stability: { request: StabilityRequest; reply: StabilityReply }
  'train.landscape': { request: TrainLandscapeRequest; reply: TrainLandscapeReply }
  'train.interpolation': { request: TrainInterpolationRequest; reply: TrainInterpolationReply }
}
export type RequestType = keyof Requests

/** How the engine sends: `postMessage` of a worker scope or a MessagePort, with the buffers to transfer. */
export type PostMessage = (message: FromWorker, transfer?: Transferable[]) => void
