/**
 * The network's own loss surface (Li et al., 2018; Goodfellow et al., 2015): slices of the classifier's loss
 * along two directions in weight space, lines between two networks, and the plane of a training path.
 */
export type * from './types'
export { filterNormalize } from './filterNormalize'
export { randomDirection } from './randomDirection'
export { lossSlice } from './lossSlice'
export { lossLine } from './lossLine'
export { trajectoryPlane } from './trajectoryPlane'
export { MAX_AXIS_POINTS, MAX_SLICE_POINTS } from './axis'
export { createNetSurface, netSurfaceFor, type NetSurface } from './netSurface'
export { validateNetSurfaceSpec, netSurfaceDataset } from './netSurfaceSpec'
export {
  NET_SURFACE_ID,
  MAX_NET_SURFACE_EPOCHS,
  defaultNetSurfaceSpec,
  type NetSurfaceSpec,
  type NetSurfaceData,
} from './netSurface.meta'
export { flatWidth } from './flatWidth'
