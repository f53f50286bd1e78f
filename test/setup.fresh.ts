// Setup of every Vitest project (see vitest.config.ts). They reuse one worker for many test files
// (`isolate: false`: no new process, no new jsdom and no re-import of node_modules per file), so each file
// starts here with a fresh copy of the app's own modules: module state (a loaded KaTeX, a cache) and a
// file's `vi.mock`s do not reach the next file, whichever files share the worker.
import { vi } from 'vitest'

vi.resetModules()
