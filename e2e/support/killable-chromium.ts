/**
 * A Chromium that a test can kill hard, as a power cut or a crash would: we
 * start the browser ourselves on a persistent profile (in its own process
 * group), drive it over the DevTools protocol, and SIGKILL the whole group,
 * browser and renderers alike, with no chance to flush or shut down cleanly.
 * Playwright's own launchers keep the browser process to themselves and close
 * it gracefully, which is exactly what this must not do.
 */
import { chromium, type Browser, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs'

export interface KillableBrowser {
  browser: Browser
  page: Page
  /** SIGKILL the browser and every process it started; resolves once the browser process is gone. */
  killHard(): Promise<void>
}

/** The DevTools endpoint Chromium prints on stderr once it listens. */
function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${seen}`)), 30_000)
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`Chromium exited (${code ?? signal}) before listening:\n${seen}`))
    })
  })
}

/**
 * Start headless Chromium on `profile` and open `url` in its first tab.
 * The profile survives {@link KillableBrowser.killHard}; launch again on it to
 * see what the app kept.
 */
export async function launchKillable(profile: string, url: string): Promise<KillableBrowser> {
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, '--headless', `--user-data-dir=${profile}`, '--remote-debugging-port=0', '--window-size=1440,900', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const endpoint = await devToolsEndpoint(child)
  const browser = await chromium.connectOverCDP(endpoint)
  const context = browser.contexts()[0]!
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(url)
  return {
    browser,
    page,
    async killHard() {
      // Negative pid: the whole process group (browser, zygote, renderers, GPU process).
      process.kill(-child.pid!, 'SIGKILL')
      await exited
      await browser.close().catch(() => undefined)
    },
  }
}
