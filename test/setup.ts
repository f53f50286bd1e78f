// Shared test setup: jest-dom's matchers (and their types) for the component tests. Core tests still run in
// plain Node (no DOM), so a stray DOM access in src/core fails there.
import '@testing-library/jest-dom/vitest'
