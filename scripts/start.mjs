#!/usr/bin/env node
/**
 * `npm start`: build, then open the workbench the best way this machine
 * allows (see start-logic.mjs): the Electron app; or, when Electron's binary
 * is missing and cannot be downloaded, the same renderer served locally and
 * shown in a Chromium app window; or, without a display or a Chromium, the
 * URL to open in any browser. Needs no environment variable.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  ELECTRON_FETCH_TIMEOUT_MS,
  chromiumArgs,
  chromiumCandidates,
  electronArgs,
  hasDisplay,
  localUrl,
  planStart,
  portFromEnv,
  shouldTryFetchingElectron,
  userDataDir,
} from './start-logic.mjs'
import { REPO_ROOT, serveRenderer } from './renderer-server.mjs'

const require = createRequire(import.meta.url)
const APP_NAME = 'critique-workbench'
const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0

/** Path of the Electron binary, or null when `require('electron')` throws or names a missing file. */
function electronBinary() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

/** Run electron's own installer (npm's allowScripts skipped it); true when the binary is there afterwards. */
function fetchElectron() {
  let installer
  try {
    installer = join(dirname(require.resolve('electron/package.json')), 'install.js')
  } catch {
    return false
  }
  console.log("Electron's binary is missing; trying to download it (up to a minute)…")
  const result = spawnSync(process.execPath, [installer], {
    cwd: dirname(installer),
    timeout: ELECTRON_FETCH_TIMEOUT_MS,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (result.status !== 0) {
    const reason = `${result.stderr ?? ''}`.split('\n').find((line) => /error/i.test(line))?.trim()
    console.log(`Download failed${result.error ? ` (${result.error.message})` : ''}${reason ? `: ${reason}` : ''}`)
  }
  return electronBinary() !== null
}

function findChromium() {
  return chromiumCandidates({ platform: process.platform, env: process.env }).find((path) => existsSync(path)) ?? null
}

/** Run a package's command-line tool with this Node; exits the process when it fails. */
function runBin(packageName, binName, args) {
  const manifest = require(`${packageName}/package.json`)
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[binName]
  const script = join(dirname(require.resolve(`${packageName}/package.json`)), bin)
  const result = spawnSync(process.execPath, [script, ...args], { cwd: REPO_ROOT, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`start: \`${binName} ${args.join(' ')}\` failed`)
    process.exit(result.status ?? 1)
  }
}

/** Stop `child` when we are asked to stop, and leave with its exit code when it ends. */
function followChild(child, onExit = async () => undefined) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal)
    })
  }
  child.on('exit', (code, signal) => {
    void onExit().finally(() => process.exit(code ?? (signal ? 1 : 0)))
  })
}

async function main() {
  const port = portFromEnv(process.env)
  const url = localUrl(port)
  const display = hasDisplay({ platform: process.platform, env: process.env })
  const resolvable = electronBinary() !== null
  const fetched = shouldTryFetchingElectron({ electronPathResolvable: resolvable, hasDisplay: display })
    ? fetchElectron()
    : false
  const { plan, message } = planStart(
    { electronPathResolvable: resolvable, canFetchElectron: fetched, hasDisplay: display, chromiumPath: findChromium() },
    url,
  )
  if (message !== null) console.log(message)

  runBin('electron-vite', 'electron-vite', ['build'])

  if (plan.kind === 'electron') {
    if (runningAsRoot) console.log('Running as root: Chromium needs --no-sandbox for that. Prefer a normal user.')
    const binary = electronBinary()
    if (binary === null) throw new Error("Electron's binary disappeared after the build")
    followChild(spawn(binary, electronArgs({ runningAsRoot }), { cwd: REPO_ROOT, stdio: 'inherit' }))
    return
  }

  const server = await serveRenderer(port)
  if (plan.kind === 'print-url') {
    console.log(`\nCritique Workbench is served at ${plan.url} — open it in a browser. Press Ctrl+C to stop.`)
    const stop = () => void server.close().finally(() => process.exit(0))
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    return
  }

  const profileDir = join(userDataDir({ platform: process.platform, env: process.env, home: homedir(), appName: APP_NAME }), 'chromium-profile')
  mkdirSync(profileDir, { recursive: true })
  console.log(`Serving at ${plan.url}; opening it in ${plan.browser} (profile: ${profileDir}). Close the window to stop.`)
  const browser = spawn(plan.browser, chromiumArgs({ url: plan.url, profileDir, runningAsRoot }), { stdio: 'ignore' })
  browser.on('error', (error) => {
    console.error(`Could not start ${plan.browser}: ${error.message}. The workbench stays at ${plan.url}.`)
  })
  followChild(browser, () => server.close())
}

main().catch((error) => {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
