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
