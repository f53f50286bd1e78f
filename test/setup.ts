// Shared test setup. jest-dom matchers are registered only where a DOM exists (component tests opt in
// with `// @vitest-environment jsdom`); core tests run in plain Node so a stray DOM access fails.
import { expect } from 'vitest'
import * as matchers from '@testing-library/jest-dom/matchers'

expect.extend(matchers)
