/**
 * Pure decisions behind `npm start` and `npm run web`: how to show the
 * workbench given what this machine has. No I/O here; scripts/start.mjs
 * gathers the facts, asks these functions, and carries the answer out.
 */
import { join } from 'node:path'

/** Port the browser fallback serves on when PORT is not set. */
export const DEFAULT_PORT = 5173

/** How long electron's own installer may try to download the binary, in milliseconds. */
export const ELECTRON_FETCH_TIMEOUT_MS = 60_000

/**
 * True when a window can be shown: macOS and Windows always have a desktop;
 * elsewhere DISPLAY (X11) or WAYLAND_DISPLAY must be set and non-empty.
 *
 * @param {{ platform: string, env: Record<string, string | undefined> }} input
 * @returns {boolean}
 */
export function hasDisplay({ platform, env }) {
  if (platform === 'darwin' || platform === 'win32') return true
  return Boolean(env.DISPLAY) || Boolean(env.WAYLAND_DISPLAY)
}

/**
 * Whether running electron's installer is worth it: only when the binary is
 * missing and a window could be shown (without a display Electron cannot run,
 * so a download would not change the plan).
 *
 * @param {{ electronPathResolvable: boolean, hasDisplay: boolean }} facts
 * @returns {boolean}
 */
export function shouldTryFetchingElectron({ electronPathResolvable, hasDisplay: display }) {
  return !electronPathResolvable && display
}

/**
 * The port to serve on: PORT when set, else {@link DEFAULT_PORT}.
 *
 * @param {Record<string, string | undefined>} env
 * @returns {number}
 * @throws {RangeError} when PORT is set but is not a whole number from 1 to 65535.
 */
export function portFromEnv(env) {
  const raw = env.PORT
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new RangeError(`PORT must be a whole number from 1 to 65535, got ${JSON.stringify(raw)}`)
  }
  return port
}

/**
 * The local URL the workbench is served at (loopback only, never the LAN).
 *
 * @param {number} port
 * @returns {string}
 */
export function localUrl(port) {
  return `http://127.0.0.1:${port}/`
}

/**
 * @typedef {object} StartFacts
 * @property {boolean} electronPathResolvable  require('electron') gave a path to an existing binary
 * @property {boolean} canFetchElectron  electron's installer downloaded the binary just now
 * @property {boolean} hasDisplay  a window can be shown (see {@link hasDisplay})
 * @property {string | null} chromiumPath  a Chromium/Chrome executable, or null when none was found
 */

/**
 * @typedef {{ kind: 'electron' }
 *   | { kind: 'browser-app', url: string, browser: string }
 *   | { kind: 'print-url', url: string }} StartPlan
 */

/**
 * Decide how to start. Electron when its binary is there (or was just
 * fetched) and a display exists; otherwise serve the renderer at `url` and
 * open it as a Chromium app window when Chromium and a display exist, or just
 * print the URL. `message` is one line saying why a fallback was chosen (null
 * for plain Electron).
 *
 * @param {StartFacts} facts
 * @param {string} url  where the fallback serves the renderer
 * @returns {{ plan: StartPlan, message: string | null }}
 */
export function planStart(facts, url) {
  const electronReady = facts.electronPathResolvable || facts.canFetchElectron
  if (electronReady && facts.hasDisplay) {
    return {
      plan: { kind: 'electron' },
      message: facts.electronPathResolvable ? null : "Electron's binary was missing and has been downloaded; starting the desktop app.",
    }
  }
  if (electronReady) {
    return {
      plan: { kind: 'print-url', url },
      message: `No display found (DISPLAY and WAYLAND_DISPLAY are unset), so Electron cannot open a window; serving the workbench at ${url} instead.`,
    }
  }
  const missing = "Electron's binary is not installed and could not be downloaded"
  if (!facts.hasDisplay) {
    return {
      plan: { kind: 'print-url', url },
      message: `${missing}, and there is no display; serving the workbench at ${url} for a browser instead.`,
    }
  }
  if (facts.chromiumPath === null) {
    return {
      plan: { kind: 'print-url', url },
      message: `${missing}, and no Chromium was found; serving the workbench at ${url}: open it in a browser.`,
    }
  }
  return {
    plan: { kind: 'browser-app', url, browser: facts.chromiumPath },
    message: `${missing}; serving the workbench in Chromium instead.`,
  }
}

/**
 * Where Chromium may be installed, most likely first. CHROMIUM_PATH, when
 * set, is tried before all others.
 *
 * @param {{ platform: string, env: Record<string, string | undefined> }} input
 * @returns {string[]}
 */
export function chromiumCandidates({ platform, env }) {
  const fromEnv = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : []
  if (platform === 'darwin') {
    return [
      ...fromEnv,
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ]
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root) => Boolean(root))
    return [
      ...fromEnv,
      ...roots.flatMap((root) => [join(String(root), 'Chromium', 'Application', 'chrome.exe'), join(String(root), 'Google', 'Chrome', 'Application', 'chrome.exe')]),
    ]
  }
  return [
    ...fromEnv,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ]
}

/**
 * The folder where the workbench keeps its data for this user, by platform
 * (as Electron's `userData` would be): Application Support on macOS, APPDATA
 * on Windows, XDG_CONFIG_HOME or ~/.config elsewhere.
 *
 * @param {{ platform: string, env: Record<string, string | undefined>, home: string, appName: string }} input
 * @returns {string}
 */
export function userDataDir({ platform, env, home, appName }) {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', appName)
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), appName)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), appName)
}

/**
 * Arguments for Chromium showing `url` as an app window with its own profile
 * under `profileDir` (so the workbench's IndexedDB never mixes with the
 * user's browsing profile). Chromium refuses to run as root with its
 * sandbox, so `runningAsRoot` adds --no-sandbox.
 *
 * @param {{ url: string, profileDir: string, runningAsRoot: boolean }} input
 * @returns {string[]}
 */
export function chromiumArgs({ url, profileDir, runningAsRoot }) {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    ...(runningAsRoot ? ['--no-sandbox'] : []),
  ]
}

/**
 * Arguments for the Electron binary: the app folder, plus --no-sandbox when
 * running as root (Chromium's sandbox refuses root; pages keep their
 * sandboxed, context-isolated preferences either way).
 *
 * @param {{ runningAsRoot: boolean }} input
 * @returns {string[]}
 */
export function electronArgs({ runningAsRoot }) {
  return ['.', ...(runningAsRoot ? ['--no-sandbox'] : [])]
}
