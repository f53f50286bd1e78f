import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { reactOnPreact } from './react.aliases'

// base './' so the build works from any sub-path (course notes host it under their own folders).
export default defineConfig({
  base: './',
  plugins: [react()],
  resolve: { alias: reactOnPreact },
  worker: { format: 'es' },
  // The manifest lists each chunk's static imports: scripts/size-check.mjs sums the first screen's JS from it.
  build: {
    target: 'es2022',
    manifest: true,
    // Fonts always ship as files: a data: URL font is blocked by a strict `font-src 'self'` (issue #11). Other
    // small assets keep Vite's default inlining (undefined = the default 4 kB limit).
    assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf|eot)$/i.test(file) ? false : undefined),
  },
})
