#!/usr/bin/env node
/**
 * `npm test`: everything, in the order a failure is cheapest to find —
 * per-layer type-check, lint, unit tests (Vitest, Node), the team server's
 * tests (Vitest, against a throwaway PostgreSQL 15 cluster), browser tests (Vitest
 * browser mode, real IndexedDB in Chromium), then a build and the Playwright
 * end-to-end flows. Every step runs even when an earlier one failed, each
 * prints one summary line, and the last line totals the tests.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ensureBrowser } from './test-prerequisites.mjs'

const ROOT = join(import.meta.dirname, '..')
const REPORTS = join(ROOT, 'test-results', 'runner')
rmSync(REPORTS, { recursive: true, force: true })
mkdirSync(REPORTS, { recursive: true })

ensureBrowser()

const bin = (name) => join(ROOT, 'node_modules', '.bin', name)
const summaries = []
const totals = { passed: 0, failed: 0, skipped: 0 }
let failedSteps = 0

function run(label, command, args, env = {}) {
  console.log(`\n── ${label} ──`)
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status ?? 1
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

function record(label, status, counts) {
  if (status !== 0) failedSteps++
  if (counts) {
    totals.passed += counts.passed
    totals.failed += counts.failed
    totals.skipped += counts.skipped
    const failed = status !== 0 && counts.failed === 0 ? 1 : counts.failed
    summaries.push(`${label}: ${counts.passed} passed, ${failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`)
  } else {
    summaries.push(`${label}: ${status === 0 ? 'ok' : 'FAILED'}`)
  }
}

function vitest(label, project) {
  const out = join(REPORTS, `${project}.json`)
  const status = run(label, bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`])
  const json = readJson(out)
  record(label, status, json ? { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests } : { passed: 0, failed: 1, skipped: 0 })
}

record('typecheck', run('type-check each layer (tsc -b)', bin('tsc'), ['-b']))
record('lint', run('lint (eslint)', bin('eslint'), ['.', '--max-warnings=0']))
vitest('unit', 'node')
vitest('server (PostgreSQL 15)', 'server')
vitest('browser', 'browser')
const built = run('build (electron-vite: main, preload, renderer)', bin('electron-vite'), ['build'])
record('build', built)
if (built === 0) {
  const out = join(REPORTS, 'e2e.json')
  const status = run('end to end (Playwright, Chromium)', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_FILE: out })
  const stats = readJson(out)?.stats
  record(
    'e2e',
    status,
    stats ? { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped } : { passed: 0, failed: 1, skipped: 0 },
  )
} else {
  summaries.push('e2e: not run (build failed)')
  failedSteps++
}

console.log('\n── summary ──')
for (const line of summaries) console.log(line)
if (!existsSync(REPORTS)) failedSteps++
console.log(`total: ${totals.passed} passed, ${totals.failed + (failedSteps && !totals.failed ? failedSteps : 0)} failed, ${totals.skipped} skipped`)
process.exit(failedSteps === 0 ? 0 : 1)
