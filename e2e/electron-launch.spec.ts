/**
 * The desktop app starts: `electron .` opens one window on the bundle
 * (app://bundle/), shows the seed article, lists it in the library, and the
 * page sees only the host bridge (no Node, no ipcRenderer).
 *
 * Skipped, with the reason printed, where Electron's binary is not installed
 * (npm's allowScripts skips electron's download step, and some machines cannot
 * reach the download at all); `npm start` falls back to Chromium there.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { SEED_SPECULATION, waitForReader } from './support/app'

const REPO_ROOT = resolve(__dirname, '..')

/** The Electron binary's path, or why there is none. */
function findElectron(): { path: string } | { reason: string } {
  try {
    const path: unknown = createRequire(__filename)('electron')
    if (typeof path === 'string' && existsSync(path)) return { path }
    return { reason: `require('electron') named ${String(path)}, which does not exist` }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return {
      reason: `Electron's binary is not installed here (require('electron') threw: ${detail}). Run \`node node_modules/electron/install.js\` where the download is reachable to run this test.`,
    }
  }
}

const found = findElectron()
const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0

test.describe('Electron app', () => {
  let app: ElectronApplication | undefined
  let profile: string | undefined

  test.beforeAll(() => {
    if (!('path' in found)) return
    // Always test what the sources build to now, not a stale out/.
    const build = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    })
    if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`)
  })

  test.afterEach(async () => {
    await app?.close()
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true })
  })

  test('opens one window on the bundle with the seed article and the library', async () => {
    if (!('path' in found)) {
      console.log(`[electron-launch] skipped: ${found.reason}`)
      test.skip(true, found.reason)
      return
    }
    profile = mkdtempSync(join(tmpdir(), 'cw-electron-'))
    app = await electron.launch({
      executablePath: found.path,
      args: ['.', `--user-data-dir=${profile}`, ...(runningAsRoot ? ['--no-sandbox'] : [])],
      cwd: REPO_ROOT,
    })
    const page = await app.firstWindow()
    expect(page.url()).toMatch(/^app:\/\/bundle\//)
    await expect(page).toHaveTitle(/Critique Workbench/)

    // The page sees the bridge and nothing of Node or Electron.
    const surface = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>
      const host = w['critiqueHost'] as Record<string, unknown> | undefined
      return {
        keys: host === undefined ? [] : Object.keys(host).sort(),
        info: host?.['info'],
        require: typeof w['require'],
        process: typeof w['process'],
        ipc: typeof w['ipcRenderer'],
      }
    })
    expect(surface.keys).toEqual(
      ['info', 'onMenuCommand', 'onOpenFile', 'openExternal', 'pickFile', 'printToPdf', 'saveFile', 'setMenuState'].sort(),
    )
    expect(surface.info).toMatchObject({ kind: 'electron' })
    expect([surface.require, surface.process, surface.ipc]).toEqual(['undefined', 'undefined', 'undefined'])

    // The seed article opens on first run, and the library lists it.
    await waitForReader(page)
    await expect(page.locator('.reader-text')).toContainText(SEED_SPECULATION)
    await page.getByRole('banner').getByRole('button', { name: 'Library' }).click()
    await expect(page.getByRole('table')).toContainText('alaska-summit-2025-08-18')

    expect(app.windows()).toHaveLength(1)
  })
})
