/**
 * Electronegativity (Doyensec's static checker for Electron misconfigurations)
 * over the code the app ships: electron/ (main, preload) and renderer/ (the
 * page and its CSP), scanned together so that the global checks see the
 * navigation and permission handlers of main next to the page they guard.
 *
 * Electronegativity exits 0 whatever it finds, so this test reads the result
 * object: every finding must be on {@link ALLOWED}, keyed by check id and
 * file, and every allowed entry must be justified in docs/security.md and
 * still be found (no stale allowances). A planted misconfiguration proves the
 * scan really runs.
 *
 * Offline: the check that asks GitHub for Electron releases
 * (AvailableSecurityFixesGlobalCheck) is excluded, and the translation
 * download Electronegativity attempts on every run is answered by a stub that
 * fails at once (it then uses its bundled English messages).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '..')
const require = createRequire(import.meta.url)

interface Finding {
  id: string
  file: string
  location: { line: number; column: number }
  description: string
  sample?: string
  manualReview: boolean
}

interface ScanResult {
  globalChecks: number
  atomicChecks: number
  errors: Array<{ file: string; message: string; tolerable: boolean }>
  issues: Finding[]
}

type Run = (options: {
  input: string
  isRelative?: boolean
  excludeFromScan?: string[]
  electronVersionOverride?: string
}) => Promise<ScanResult>

/**
 * Findings accepted after review, by check id and file (relative to the scan
 * root). Each one has a row in docs/security.md saying why it is safe.
 */
const ALLOWED: ReadonlyArray<{ check: string; file: string }> = [
  // new BrowserWindow({ webPreferences: secureWebPreferences(...) }): the checker reads only an object literal.
  { check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'electron/main/window.ts' },
  { check: 'SANDBOX_JS_CHECK', file: 'electron/main/window.ts' },
  { check: 'AUXCLICK_JS_CHECK', file: 'electron/main/window.ts' },
  { check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'electron/main/pdf-export.ts' },
  { check: 'SANDBOX_JS_CHECK', file: 'electron/main/pdf-export.ts' },
  { check: 'AUXCLICK_JS_CHECK', file: 'electron/main/pdf-export.ts' },
  // openExternal reached only after ExternalUrlSchema and isSafeExternalUrl.
  { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/index.ts' },
  { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/ipc.ts' },
  { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'renderer/src/desk/DeskView.tsx' },
  // The header CSP is a constant the checker cannot resolve; the meta CSP's script-src 'self' is flagged "maybe".
  { check: 'CSP_GLOBAL_CHECK', file: 'electron/main/session-policy.ts' },
  { check: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html' },
  // Informational: the Electron version in package.json, input to the (excluded) online release check.
  { check: 'ELECTRON_VERSION_JSON_CHECK', file: 'package.json' },
]

const PLANTED = 'planted/misconfigured-window.js'

/** Load Electronegativity with its translation download stubbed out (see module comment). */
function loadElectronegativity(): Run {
  const entry = require.resolve('@doyensec/electronegativity')
  const gotPath = createRequire(entry).resolve('got')
  const offline = () => Promise.reject(new Error('offline: no translation download in tests'))
  require.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: Object.assign(offline, { head: offline }),
  } as unknown as NodeJS.Module
  const loaded = require(entry) as Run | { default: Run }
  return typeof loaded === 'function' ? loaded : loaded.default
}

/** Copy what ships (sources and the page, not tests) plus package.json into a fresh folder to scan. */
function stageSources(): string {
  const stage = mkdtempSync(join(tmpdir(), 'cw-electronegativity-'))
  const shipped = (path: string) => !/\.test\.tsx?$/.test(path) && !path.includes('node_modules')
  for (const folder of ['electron', 'renderer']) {
    cpSync(join(ROOT, folder), join(stage, folder), { recursive: true, filter: shipped })
  }
  cpSync(join(ROOT, 'package.json'), join(stage, 'package.json'))
  mkdirSync(dirname(join(stage, PLANTED)), { recursive: true })
  writeFileSync(
    join(stage, PLANTED),
    "const { BrowserWindow } = require('electron')\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } })\n",
  )
  return stage
}

const key = (check: string, file: string) => `${check} ${file}`

let stage = ''
let result: ScanResult

beforeAll(async () => {
  stage = stageSources()
  const run = loadElectronegativity()
  result = await run({ input: stage, isRelative: true, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'] })
}, 60_000)

afterAll(() => {
  if (stage) rmSync(stage, { recursive: true, force: true })
})

describe('Electronegativity over electron/ and renderer/', () => {
  it('parses every file and runs its checks', () => {
    expect(result.errors).toEqual([])
    expect(result.atomicChecks).toBeGreaterThan(30)
    expect(result.globalChecks).toBeGreaterThanOrEqual(5)
    expect(result.issues.map((i) => i.id)).not.toContain('AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK')
  })

  it('finds a planted misconfiguration (so the scan can fail)', () => {
    const planted = result.issues.filter((i) => i.file === PLANTED).map((i) => i.id)
    expect(planted).toContain('NODE_INTEGRATION_JS_CHECK')
    expect(planted).toContain('CONTEXT_ISOLATION_JS_CHECK')
    expect(planted).toContain('SANDBOX_JS_CHECK')
  })

  it('reports nothing beyond the reviewed allow-list', () => {
    const allowed = new Set(ALLOWED.map((a) => key(a.check, a.file)))
    const unexpected = result.issues
      .filter((i) => i.file !== PLANTED && !allowed.has(key(i.id, i.file)))
      .map((i) => `${i.id} ${i.file}:${i.location.line}:${i.location.column} ${i.description} ${i.sample ?? ''}`)
    expect(unexpected).toEqual([])
  })

  it('has no stale allowances: each one is still reported', () => {
    const found = new Set(result.issues.map((i) => key(i.id, i.file)))
    expect(ALLOWED.filter((a) => !found.has(key(a.check, a.file)))).toEqual([])
  })

  it('justifies each allowance in docs/security.md', () => {
    const rows = readFileSync(join(ROOT, 'docs', 'security.md'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('|'))
    for (const { check, file } of ALLOWED) {
      expect(
        rows.some((row) => row.includes(`\`${check}\``) && row.includes(`\`${file}\``)),
        `docs/security.md needs a row for ${check} in ${file}`,
      ).toBe(true)
    }
  })

  it('sees through secureWebPreferences: each allowed window check is a window built with it', () => {
    const windowChecks = new Set(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK'])
    for (const issue of result.issues.filter((i) => windowChecks.has(i.id) && i.file !== PLANTED)) {
      const lines = readFileSync(join(ROOT, issue.file), 'utf8').split('\n')
      // The BrowserWindow options object the finding points at, up to its closing line.
      const start = issue.location.line - 1
      const end = lines.findIndex((line, n) => n > start && /^\s*\}\)/.test(line))
      const options = lines.slice(start, end + 1).join('\n')
      expect(options, `${issue.file}:${issue.location.line}`).toMatch(/new BrowserWindow\(\{/)
      expect(options, `${issue.file}:${issue.location.line}`).toMatch(/webPreferences: (\{ \.\.\.)?secureWebPreferences\(/)
    }
  })
})
