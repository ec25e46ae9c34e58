import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from '../main'
import { chromiumPath } from './report'

const root = fileURLToPath(new URL('../../', import.meta.url))
const ARTICLE = 'fixtures/articles/alaska-summit-2025-08-18.txt'
const SET = 'fixtures/w3c/seed-set.jsonld'
const GENERATED = ['--generated', '2025-09-01T00:00:00Z']
const outDir = mkdtempSync(join(tmpdir(), 'critique-report-'))
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

async function critique(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = ''
  let stderr = ''
  const code = await main(['report', ...args], {
    stdout: (s: string) => void (stdout += s),
    stderr: (s: string) => void (stderr += s),
    cwd: root,
    env,
  })
  return { code, stdout, stderr }
}

describe('critique report', () => {
  it('prints the Markdown report of a W3C set on an article, the same bytes every run', async () => {
    const first = await critique([ARTICLE, SET, '--format', 'md', ...GENERATED])
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/^# Critique report: alaska-summit-2025-08-18\n/)
    expect(first.stdout).toMatch(/^- \*\*Generated:\*\* .+ \(2025-09-01T00:00:00Z\)$/m)
    expect(first.stdout).toContain('- **Text SHA-256:** ')
    expect((await critique([ARTICLE, SET, '--format', 'md', ...GENERATED])).stdout).toBe(first.stdout)
  })

  it('shows the generated time in --time-zone and refuses an unknown zone', async () => {
    const tokyo = await critique([ARTICLE, SET, '--format', 'md', ...GENERATED, '--time-zone', 'Asia/Tokyo'])
    expect(tokyo.stdout).toContain('- **Generated:** September 1, 2025 at 09:00 AM GMT+9 (2025-09-01T00:00:00Z)')
    const bad = await critique([ARTICLE, SET, '--format', 'md', ...GENERATED, '--time-zone', 'Mars/Olympus'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--time-zone must be an IANA time zone')
  })

  it('writes CSV with a BOM and one row per claim, with stable ids', async () => {
    const out = join(outDir, 'r.csv')
    const result = await critique([ARTICLE, SET, '--format', 'csv', '--bom', '--out', out])
    expect(result.code).toBe(0)
    const csv = readFileSync(out, 'utf8')
    expect(csv.startsWith('\uFEFF#,Claim ID,')).toBe(true)
    const claims = Number(/wrote .*: (\d+) claims/.exec(result.stderr)![1])
    expect(csv.split('\r\n').filter((row) => /^\d+,/.test(row))).toHaveLength(claims)
    await critique([ARTICLE, SET, '--format', 'csv', '--bom', '--out', join(outDir, 'r2.csv')])
    expect(readFileSync(join(outDir, 'r2.csv'), 'utf8')).toBe(csv)
  })

  it('writes a self-contained HTML report', async () => {
    const out = join(outDir, 'r.html')
    expect((await critique([ARTICLE, SET, '--format', 'html', '--out', out, ...GENERATED])).code).toBe(0)
    const html = readFileSync(out, 'utf8')
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).not.toMatch(/<script/i)
  })

  it('refuses bad usage with exit code 2', async () => {
    expect((await critique([ARTICLE, SET])).code).toBe(2)
    expect((await critique([ARTICLE, SET, '--format', 'docx'])).code).toBe(2)
    expect((await critique([ARTICLE, SET, '--format', 'pdf'])).code).toBe(2)
    expect((await critique([ARTICLE, SET, '--format', 'md', '--bom'])).code).toBe(2)
    const bad = await critique([ARTICLE, SET, '--format', 'md', '--generated', 'tomorrow'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--generated must be an ISO 8601 time')
  })

  it('names the packages to install when there is no Chromium for PDF', async () => {
    const result = await critique([ARTICLE, SET, '--format', 'pdf', '--out', join(outDir, 'x.pdf'), '--chromium', '/nonexistent/chromium'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('apt-get install chromium fonts-noto-cjk')
    expect(existsSync(join(outDir, 'x.pdf'))).toBe(false)
  })

  it('finds Chromium from the option, then CHROMIUM_PATH, then /usr/bin/chromium', () => {
    expect(chromiumPath('/opt/c', { CHROMIUM_PATH: '/env/c' })).toBe('/opt/c')
    expect(chromiumPath(undefined, { CHROMIUM_PATH: '/env/c' })).toBe('/env/c')
    expect(chromiumPath(undefined, {})).toBe('/usr/bin/chromium')
  })

  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  it.skipIf(!existsSync(chromium))('prints the HTML report to PDF with headless Chromium', async () => {
    const out = join(outDir, 'r.pdf')
    const result = await critique([ARTICLE, SET, '--format', 'pdf', '--out', out, ...GENERATED], { CHROMIUM_PATH: chromium })
    expect(result.code).toBe(0)
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  }, 60_000)
})
