import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import {
  DEFAULT_PORT,
  chromiumArgs,
  chromiumCandidates,
  electronArgs,
  hasDisplay,
  localUrl,
  planStart,
  portFromEnv,
  shouldTryFetchingElectron,
  userDataDir,
  type StartFacts,
} from './start-logic.mjs'

const URL = 'http://127.0.0.1:5173/'
const facts = (overrides: Partial<StartFacts>): StartFacts => ({
  electronPathResolvable: false,
  canFetchElectron: false,
  hasDisplay: true,
  chromiumPath: '/usr/bin/chromium',
  ...overrides,
})

describe('planStart', () => {
  it('starts Electron when its binary is installed and a display exists', () => {
    expect(planStart(facts({ electronPathResolvable: true }), URL)).toEqual({ plan: { kind: 'electron' }, message: null })
  })

  it('starts Electron, saying so, when the binary was just downloaded', () => {
    const { plan, message } = planStart(facts({ canFetchElectron: true }), URL)
    expect(plan).toEqual({ kind: 'electron' })
    expect(message).toMatch(/downloaded/)
  })

  it('serves in Chromium when Electron is missing and cannot be fetched', () => {
    expect(planStart(facts({}), URL)).toEqual({
      plan: { kind: 'browser-app', url: URL, browser: '/usr/bin/chromium' },
      message: "Electron's binary is not installed and could not be downloaded; serving the workbench in Chromium instead.",
    })
  })

  it('prints the URL when Electron and Chromium are both missing', () => {
    const { plan, message } = planStart(facts({ chromiumPath: null }), URL)
    expect(plan).toEqual({ kind: 'print-url', url: URL })
    expect(message).toContain('no Chromium was found')
    expect(message).toContain(URL)
  })

  it('prints the URL when there is no display, whatever else exists', () => {
    for (const electronPathResolvable of [true, false]) {
      const { plan, message } = planStart(facts({ electronPathResolvable, hasDisplay: false }), URL)
      expect(plan).toEqual({ kind: 'print-url', url: URL })
      expect(message).toMatch(/display/)
      expect(message).toContain(URL)
    }
  })

  it('gives every fallback a one-line message', () => {
    const all = [true, false].flatMap((electronPathResolvable) =>
      [true, false].flatMap((canFetchElectron) =>
        [true, false].flatMap((display) =>
          ['/usr/bin/chromium', null].map((chromiumPath) =>
            planStart({ electronPathResolvable, canFetchElectron, hasDisplay: display, chromiumPath }, URL),
          ),
        ),
      ),
    )
    for (const { plan, message } of all) {
      if (plan.kind !== 'electron') expect(message).toMatch(/^[^\n]+$/)
    }
    expect(new Set(all.map(({ plan }) => plan.kind))).toEqual(new Set(['electron', 'browser-app', 'print-url']))
  })
})

describe('hasDisplay', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux, nothing on macOS and Windows', () => {
    expect(hasDisplay({ platform: 'linux', env: {} })).toBe(false)
    expect(hasDisplay({ platform: 'linux', env: { DISPLAY: '' } })).toBe(false)
    expect(hasDisplay({ platform: 'linux', env: { DISPLAY: ':0' } })).toBe(true)
    expect(hasDisplay({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })).toBe(true)
    expect(hasDisplay({ platform: 'darwin', env: {} })).toBe(true)
    expect(hasDisplay({ platform: 'win32', env: {} })).toBe(true)
  })
})

describe('shouldTryFetchingElectron', () => {
  it('tries only when the binary is missing and a window could be shown', () => {
    expect(shouldTryFetchingElectron({ electronPathResolvable: false, hasDisplay: true })).toBe(true)
    expect(shouldTryFetchingElectron({ electronPathResolvable: true, hasDisplay: true })).toBe(false)
    expect(shouldTryFetchingElectron({ electronPathResolvable: false, hasDisplay: false })).toBe(false)
  })
})

describe('portFromEnv and localUrl', () => {
  it('defaults to 5173 and reads PORT', () => {
    expect(portFromEnv({})).toBe(DEFAULT_PORT)
    expect(DEFAULT_PORT).toBe(5173)
    expect(portFromEnv({ PORT: ' ' })).toBe(5173)
    expect(portFromEnv({ PORT: '8080' })).toBe(8080)
    expect(localUrl(8080)).toBe('http://127.0.0.1:8080/')
  })

  it.each(['0', '65536', 'abc', '80.5', '-1'])('refuses PORT=%s', (port) => {
    expect(() => portFromEnv({ PORT: port })).toThrow(RangeError)
  })
})

describe('chromiumCandidates', () => {
  it('tries CHROMIUM_PATH first, then the platform’s usual places', () => {
    expect(chromiumCandidates({ platform: 'linux', env: {} })[0]).toBe('/usr/bin/chromium')
    expect(chromiumCandidates({ platform: 'linux', env: { CHROMIUM_PATH: '/opt/c/chrome' } })[0]).toBe('/opt/c/chrome')
    expect(chromiumCandidates({ platform: 'darwin', env: {} })[0]).toMatch(/Chromium\.app/)
    expect(chromiumCandidates({ platform: 'win32', env: { PROGRAMFILES: 'C:\\PF' } })).toContain(
      join('C:\\PF', 'Google', 'Chrome', 'Application', 'chrome.exe'),
    )
  })
})

describe('userDataDir', () => {
  it('follows each platform’s convention', () => {
    const appName = 'critique-workbench'
    expect(userDataDir({ platform: 'linux', env: {}, home: '/home/u', appName })).toBe('/home/u/.config/critique-workbench')
    expect(userDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x' }, home: '/home/u', appName })).toBe(
      '/x/critique-workbench',
    )
    expect(userDataDir({ platform: 'darwin', env: {}, home: '/Users/u', appName })).toBe(
      '/Users/u/Library/Application Support/critique-workbench',
    )
    expect(userDataDir({ platform: 'win32', env: { APPDATA: 'C:\\AD' }, home: 'C:\\U', appName })).toBe(
      join('C:\\AD', appName),
    )
  })
})

describe('launch arguments', () => {
  it('opens Chromium as an app window with its own profile; --no-sandbox only as root', () => {
    const args = chromiumArgs({ url: URL, profileDir: '/p', runningAsRoot: false })
    expect(args).toContain(`--app=${URL}`)
    expect(args).toContain('--user-data-dir=/p')
    expect(args).not.toContain('--no-sandbox')
    expect(chromiumArgs({ url: URL, profileDir: '/p', runningAsRoot: true })).toContain('--no-sandbox')
  })

  it('runs Electron on the app folder; --no-sandbox only as root', () => {
    expect(electronArgs({ runningAsRoot: false })).toEqual(['.'])
    expect(electronArgs({ runningAsRoot: true })).toEqual(['.', '--no-sandbox'])
  })
})
