/**
 * Build and serve the renderer bundle on its own, for the browser fallback of
 * `npm start` and for `npm run web`. Uses Vite's API with the renderer's own
 * config (renderer/vite.config.mts) when it exists, forcing the output folder
 * to out/renderer and the server onto the loopback interface.
 */
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository's root folder. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Where the renderer bundle is built and served from: out/renderer, or RENDERER_OUT (as renderer/vite.config.mts reads it). */
export const RENDERER_OUT_DIR = resolve(REPO_ROOT, process.env.RENDERER_OUT ?? 'out/renderer')

const RENDERER_ROOT = resolve(REPO_ROOT, 'renderer')
const RENDERER_CONFIG = resolve(RENDERER_ROOT, 'vite.config.mts')

/** Vite inline config for the renderer; `extra` is merged over it. */
async function rendererConfig(extra) {
  if (existsSync(RENDERER_CONFIG)) {
    return { configFile: RENDERER_CONFIG, root: RENDERER_ROOT, build: { outDir: RENDERER_OUT_DIR, emptyOutDir: true }, ...extra }
  }
  // No renderer config yet: the same essentials inline.
  const { default: react } = await import('@vitejs/plugin-react')
  return {
    configFile: false,
    root: RENDERER_ROOT,
    base: './',
    plugins: [react()],
    build: { outDir: RENDERER_OUT_DIR, emptyOutDir: true },
    ...extra,
  }
}

/**
 * Build the renderer alone into out/renderer.
 * Rejects with Vite's error when the build fails.
 */
export async function buildRenderer() {
  const { build } = await import('vite')
  await build(await rendererConfig({}))
}

/**
 * Serve out/renderer on 127.0.0.1:`port` (that port or fail: strictPort).
 * Resolves to Vite's preview server (`close()` stops it); rejects when the
 * bundle is missing or the port is taken.
 *
 * @param {number} port
 */
export async function serveRenderer(port) {
  const { preview } = await import('vite')
  return preview(await rendererConfig({ preview: { port, strictPort: true, host: '127.0.0.1', open: false } }))
}
