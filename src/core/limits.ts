/**
 * The size limits the state, the worker and the core share: one declaration each, plain numbers, so the main
 * thread imports them as freely as `core/types`. The core validates against its own domains (a trajectory's
 * steps, a grid's nodes, a data set's rows); the worker's message checks and the store's settings read the
 * same constants instead of copying them.
 */

/** Most racers in one race: one colour slot each in the legend. */
export const MAX_RACERS = 6

/** Most updates one trajectory may ask for (`TrajectorySpec.steps`, the core's domain). */
export const MAX_STEPS = 1_000_000
/** Most updates per racer the playground offers (settings, links, embeds): a race's buffers stay ≤ ~53 MB. */
export const MAX_RACE_STEPS = 100_000

/**
 * Most parameters of one `createOptimizer` (its n): 10⁷ keeps a stateful optimizer's few Float64Arrays under
 * a few hundred MB, far above any network the lab builds (3 layers of ≤ 32 units) and far below the
 * RangeError or the gigabytes an unbounded n reaches.
 */
export const MAX_OPTIMIZER_PARAMS = 10_000_000

/**
 * When a finite run counts as diverged ('escaped', `DivergenceKind`): its loss passes
 * ESCAPE_LOSS_FACTOR·max(1, |L₀|) in magnitude, L₀ the loss at the start, or a coordinate lies farther from
 * the centre of the surface's extent (its default view) than ESCAPE_EXTENT_FACTOR times the extent's width on
 * that axis, plus the start's own distance from the centre. Adam, Adagrad and RMSProp take steps of about η
 * whatever the gradient, so at η = 1000 they never overflow: on the Pokémon valley their loss stays within
 * 10⁵·L₀ while they swing ≈ 100 view widths away (on the saddle ≈ 250 widths, loss 10¹¹·L₀), hence a factor
 * of 50 widths, not more. Every scene's race stays within 2 widths, and a run 50 widths out is off a view
 * zoomed out 100 times; the loss bound catches what diverges inside that box.
 */
export const ESCAPE_LOSS_FACTOR = 1e12
export const ESCAPE_EXTENT_FACTOR = 50

/** Slowest and fastest playback of a race, in steps per second. */
export const MIN_SPEED = 1
export const MAX_SPEED = 10_000

/**
 * Slowest and fastest paced training of the classifier lab, in epochs per second (faster than the top one is
 * "as fast as possible": a null pace). The lab opens at DEFAULT_EPOCHS_PER_SECOND, slow enough to watch the
 * boundary form (the course's 800 epochs take about 13 s).
 */
export const MIN_EPOCHS_PER_SECOND = 1
export const MAX_EPOCHS_PER_SECOND = 1000
export const DEFAULT_EPOCHS_PER_SECOND = 60

/** Most nodes per axis of a sampled surface (`sampleGrid`): 2048² values are 32 MB. */
export const GRID_MAX_SIZE = 2048
/** Most contour levels one grid may ask for (the lecture's `contourf(…, 50)` fits with room to spare). */
export const MAX_CONTOUR_LEVELS = 100

/** Fewest and most rows of a classifier data set (parsed or generated). */
export const MIN_ROWS = 4
export const MAX_ROWS = 100_000
/** Most epochs of one classifier run (and the longest early-stopping patience). */
export const MAX_EPOCHS = 100_000
/** Most nodes per axis of a training frame's decision-boundary grid. */
export const MAX_TRAIN_GRID = 256
/** Most optimizers in one optimizer comparison. */
export const MAX_COMPARE_ROWS = 8
/** Longest CSV text the worker parses, in UTF-16 code units (100,000 rows of long numbers fit easily). */
export const MAX_CSV_LENGTH = 32_000_000

/**
 * Tolerances of `analyzeHessian` (here so the main thread can draw eigen-axes with the same zero test).
 * - `gradRel`: θ is critical when ‖g‖ ≤ gradRel·max(1, |L|). At a minimum stored to full double precision,
 *   round-off leaves ‖g‖ ≲ 1e−12·max(1, |L|) on every registry surface, far below 1e−9; the MSE plateau that
 *   docs/lectures.md S10 calls "stuck", ‖g‖ = 6.4·10⁻⁷ at L ≈ 2, stays far above it: stuck is not critical.
 * - `eigRel`: an eigenvalue is zero when |λ| ≤ eigRel·max(1, |λ|max) (docs/lectures.md S1: "treat |λ| < ε as zero").
 *   H's entries carry round-off of a few ε·|λ|max ≈ 10⁻¹⁵·|λ|max, so 1e−9 sits six decades above the noise and
 *   still counts the Pokémon valley's 0.557 next to 1.7·10⁵ (ratio 3·10⁻⁶) as positive.
 */
export const ANALYSIS_TOLERANCES: { readonly gradRel: number; readonly eigRel: number } = {
  gradRel: 1e-9,
  eigRel: 1e-9,
}

/** Most updates per start of a basin map (a map is many runs: 10⁵ updates × 4,225 starts take minutes). */
export const MAX_BASIN_STEPS = 100_000
/** Most starts per axis of a basin map. */
export const MAX_BASIN_SIDE = 256
/** Most maps of one `basin.start` (side by side). */
export const MAX_BASIN_MAPS = 4
/** Most levels of one progressive basin map (the worker's `basin.start`). */
export const MAX_BASIN_LEVELS = 8
/** Most points of one slice (the loss along a line). */
export const MAX_SLICE_POINTS = 4096
