// The value → unit rule lives in the core (the worker traces contour levels with it); the heatmap and its
// tests keep importing it from here.
export {
  LOG_RULE_DECADES,
  createValueNormalizer,
  defaultLogEpsilon,
  spansDecades,
  wantsLogScale,
} from '../core/valueScale'
export type { ValueNormalizer } from '../core/valueScale'
