/**
 * Browser plumbing shared by the bench's suites: profiles on disk (fresh,
 * copied, removed), the viewport, and the machine line the bench prints.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { CHROMIUM_PATH } from '../e2e/support/chromium.mjs'

/** The window both the app and the peer are measured in. */
export const VIEWPORT = { width: 1440, height: 900 }

/**
 * tsx compiles the bench with esbuild's keepNames, which wraps named functions
 * in `__name(...)`; functions passed to page.evaluate carry those calls into
 * the page, so the page gets a no-op `__name` before any script runs.
 */
export const TSX_NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f)'

/** A new, empty profile folder. */
export function freshProfile(tag: string): string {
  return mkdtempSync(join(tmpdir(), `cw-bench-${tag}-`))
}

/** A copy of `profile` in a new folder, so a run starts from the same stored state as every other. */
export function copyProfile(profile: string, tag: string): string {
  const copy = freshProfile(tag)
  cpSync(profile, copy, { recursive: true })
  return copy
}

/** Delete a profile folder made by this module; never throws. */
export function removeProfile(profile: string): void {
  try {
    rmSync(profile, { recursive: true, force: true })
  } catch {
    // A leftover temp folder is harmless; the bench's figures are what matter.
  }
}

export interface MachineInfo {
  cpus: number
  cpuModel: string
  memoryGb: number
  chromium: string
  node: string
}

/** What the figures were measured on. */
export function machineInfo(): MachineInfo {
  let chromium = 'unknown'
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    // Reported as unknown; the bench still runs through Playwright.
  }
  const list = cpus()
  const memoryGb = Math.round((totalmem() / 1024 ** 3) * 10) / 10
  return { cpus: list.length, cpuModel: list[0]?.model ?? 'unknown', memoryGb, chromium, node: process.version }
}
