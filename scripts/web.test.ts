/**
 * `npm run web` as a user runs it: the build and the server say only what a
 * user needs (the URL), with no Vite config-loader warning and no per-plugin
 * timing report, and the page's favicon is there (a missing one is a 404 in
 * the browser console).
 */
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..')
const OUT = 'out/r-web-test'
const PORT = 8717

afterAll(() => rmSync(join(ROOT, OUT), { recursive: true, force: true }))

/** Run scripts/web.mjs until it prints its URL; resolves with everything it printed, then stops it. */
function runWebUntilServed(): Promise<string> {
  return new Promise((resolve, reject) => {
    // The user's environment, not Vitest's: NODE_ENV=test would make Vite build unminified.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')))
    const child = spawn(process.execPath, ['scripts/web.mjs'], { cwd: ROOT, env: { ...env, PORT: String(PORT), RENDERER_OUT: OUT } })
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      if (output.includes('open it in a browser')) {
        void fetch(`http://127.0.0.1:${PORT}/favicon.svg`).then(
          (response) => {
            output += `\n[favicon: ${response.status} ${response.headers.get('content-type')}]`
            child.kill('SIGTERM')
          },
          (error: unknown) => {
            child.kill('SIGTERM')
            reject(error instanceof Error ? error : new Error(String(error)))
          },
        )
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', reject)
    child.on('exit', () => resolve(output))
  })
}

describe('npm run web', () => {
  it('prints the URL without config-loader warnings or plugin timings, and serves the favicon', { timeout: 180_000 }, async () => {
    const output = await runWebUntilServed()
    expect(output).toContain(`Critique Workbench is served at http://127.0.0.1:${PORT}/`)
    expect(output).not.toContain('configLoader')
    expect(output).not.toContain('(!)')
    expect(output).not.toContain('PLUGIN_TIMINGS')
    expect(output).toContain('[favicon: 200 image/svg+xml]')
  })
})
