import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import type { UserConfig } from 'vite'

const root = resolve(__dirname)

/**
 * The renderer's build, shared by both hosts: electron-vite uses it for the
 * Electron window and `vite build/preview --config renderer/vite.config.ts`
 * serves the very same bundle to a plain browser.
 */
export const rendererConfig: UserConfig = {
  root,
  // Relative asset URLs so the bundle loads from app://bundle/ and from http://host/ alike.
  base: './',
  plugins: [react()],
  server: { fs: { allow: [resolve(root, '..')] } },
  build: {
    outDir: resolve(root, '../out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: resolve(root, 'index.html') },
  },
  preview: { port: Number(process.env.PORT ?? 4173), strictPort: true },
}

export default rendererConfig
