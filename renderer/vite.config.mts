import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import type { UserConfig } from 'vite'

// import.meta.url, not import.meta.dirname: electron-vite, which bundles this file
// into its own config, rewrites only the former to this file's place.
const root = dirname(fileURLToPath(import.meta.url))
// RENDERER_OUT lets parallel test runs build and serve separate bundles.
const outDir = resolve(root, '..', process.env.RENDERER_OUT ?? 'out/renderer')

/**
 * The renderer's build, shared by both hosts: electron-vite uses it for the
 * Electron window and `vite build/preview --config renderer/vite.config.mts`
 * serves the very same bundle to a plain browser. An .mts file: the package is
 * CommonJS (Electron's preload needs that), and this config is an ES module,
 * which Vite's config loader would otherwise warn about on every run.
 */
const rendererConfig: UserConfig = {
  root,
  // Relative asset URLs so the bundle loads from app://bundle/ and from http://host/ alike.
  base: './',
  plugins: [react()],
  server: { fs: { allow: [resolve(root, '..')] } },
  build: {
    outDir,
    emptyOutDir: true,
    rollupOptions: {
      input: resolve(root, 'index.html'),
      // No per-plugin timing report after each build: it is advice for plugin authors, not for us.
      checks: { bundlerTimings: false },
    },
  },
  preview: { port: Number(process.env.PORT ?? 4173), strictPort: true },
}

export default rendererConfig
