import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../cli/main'
import { CLI_BUNDLE, ROOT, buildCli, cliBundleIsStale } from './build-cli.mjs'

/** Run the `critique` command exactly as `npx critique` does: Node on bin/critique.mjs. */
function critique(args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/critique.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' })
}

async function inProcess(args: string[]) {
  let stdout = ''
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: () => undefined, cwd: ROOT, env: {} })
  return { code, stdout }
}

describe('the bundled critique command', () => {
  beforeAll(async () => {
    await buildCli()
  })

  it('prints its usage from the bundle, with no TypeScript runtime loaded', async () => {
    const run = critique(['--help'])
    expect(run.status).toBe(0)
    expect(run.stdout).toBe((await inProcess(['--help'])).stdout)
    const bundle = readFileSync(CLI_BUNDLE, 'utf8')
    expect(bundle).not.toMatch(/from ["']tsx/)
    // The external packages (Playwright for PDF, PGlite and pg for `serve`) take
    // 100-400 ms each to load: imported statically, every start would pay for them.
    const staticImports = [...bundle.matchAll(/^import\b[^;]*?from\s*["']([^"']+)["']/gm)].map((m) => m[1]!)
    expect(staticImports.filter((name) => !name.startsWith('node:'))).toEqual([])
  })

  it('runs a command end to end with the same output as the sources', async () => {
    const args = ['validate', 'fixtures/w3c/seed-set.jsonld']
    const run = critique(args)
    expect(run.status).toBe(0)
    expect(run.stdout).toBe((await inProcess(args)).stdout)
  })

  it('exits 2 with the usage on an unknown command', () => {
    const run = critique(['frobnicate'])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('unknown command "frobnicate"')
  })
})

describe('cliBundleIsStale', () => {
  const dir = mkdtempSync(join(tmpdir(), 'critique-bundle-'))
  const bundle = join(dir, 'critique.mjs')
  const inputs = join(dir, 'inputs.json')
  const source = join(dir, 'main.ts')
  const at = (seconds: number) => new Date(1_700_000_000_000 + seconds * 1000)

  beforeAll(() => {
    writeFileSync(source, 'export {}')
    writeFileSync(bundle, '')
    writeFileSync(inputs, JSON.stringify(['main.ts']))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('is fresh when every input is older than the bundle', () => {
    utimesSync(source, at(0), at(0))
    utimesSync(bundle, at(10), at(10))
    expect(cliBundleIsStale(bundle, inputs, dir)).toBe(false)
  })

  it('is stale when an input changed after the build', () => {
    utimesSync(bundle, at(10), at(10))
    utimesSync(source, at(20), at(20))
    expect(cliBundleIsStale(bundle, inputs, dir)).toBe(true)
  })

  it('is stale when an input is gone, or the bundle or its input list is missing or unreadable', () => {
    utimesSync(source, at(0), at(0))
    writeFileSync(inputs, JSON.stringify(['main.ts', 'moved-away.ts']))
    expect(cliBundleIsStale(bundle, inputs, dir)).toBe(true)
    writeFileSync(inputs, '{not json')
    expect(cliBundleIsStale(bundle, inputs, dir)).toBe(true)
    expect(cliBundleIsStale(join(dir, 'none.mjs'), inputs, dir)).toBe(true)
  })
})

describe('a rebuilt bundle', () => {
  it('is what bin/critique.mjs runs after a source change (never a stale CLI)', () => {
    // Age the bundle below its newest input; the next start must rebuild it.
    utimesSync(CLI_BUNDLE, at0(), at0())
    expect(cliBundleIsStale()).toBe(true)
    execFileSync(process.execPath, [join(ROOT, 'bin/critique.mjs'), '--help'], { cwd: ROOT })
    expect(cliBundleIsStale()).toBe(false)
  })
})

function at0() {
  return new Date(0)
}
