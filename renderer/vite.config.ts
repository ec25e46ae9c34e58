import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import type { UserConfig } from 'vite'

const root = resolve(__dirname)
// RENDERER_OUT lets parallel test runs build and serve separate bundles.
const outDir = resolve(root, '..', process.env.RENDERER_OUT ?? 'out/renderer')

/**
 * The renderer's build, shared by both hosts: electron-vite uses it for the
 * Electron window and `vite build/preview --config renderer/vite.config.ts`
 * serves the very same bundle to a plain browser.
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
    rollupOptions: { input: resolve(root, 'index.html') },
  },
  preview: { port: Number(process.env.PORT ?? 4173), strictPort: true },
}

export default rendererConfig
