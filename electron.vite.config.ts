import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import rendererConfig from './renderer/vite.config.mjs'

// Main and preload stay CommonJS (electron-vite's default): an ESM preload would
// need `sandbox: false`, which this app never sets.
export default defineConfig({
  main: {
    build: {
      // Bundle main's few dependencies (valibot, the shared validators) into the
      // file, so the packaged app needs no node_modules (electron-builder.yml).
      externalizeDeps: false,
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron' (and a few Node shims):
      // bundle its dependencies (valibot, the shared validators) into the file.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: rendererConfig,
})
