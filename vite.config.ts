import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// base './' so the build works from any sub-path (course notes host it under their own folders).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  // The manifest lists each chunk's static imports: scripts/size-check.mjs sums the first screen's JS from it.
  build: { target: 'es2022', manifest: true },
})
