// The few host globals the core may use, for tsconfig.core.json (lib ES2023 without DOM or Node types, so any
// other DOM or Node use in src/core fails to compile). structuredClone exists in browsers, workers and Node ≥ 17.
declare function structuredClone<T>(value: T): T
