import type { AliasOptions } from 'vite'

/*
 * The app is written against React's API and types (`react`, `react-dom/client`, @types/react) and ships on
 * Preact's compatibility layer, which implements that API in a sixth of react-dom's size (about 11 kB gzip
 * against 65 kB): the first screen's JavaScript budget (150 kB gzip, scripts/size-check.mjs) holds only so.
 * The production build and the dev server use these aliases (vite.config.ts), so what a developer runs is what
 * ships, and the end-to-end suite drives that build in Chromium. The component tests (Vitest, jsdom) render
 * with React itself: they use React's own tools (Testing Library's `fireEvent.change`, `<Profiler>`) that
 * Preact does not reproduce, and they pin the components' behaviour against the API the code is written to.
 * The code uses only what preact/compat implements: hooks, `lazy`/`Suspense`, `createContext`, `StrictMode`,
 * class components with `componentDidCatch`, and `createRoot`.
 */
export const reactOnPreact: AliasOptions = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
]
