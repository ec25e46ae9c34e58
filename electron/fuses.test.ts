/**
 * The packaging configuration (electron-builder.yml) flips Electron's fuses
 * as docs/security.md (checklist row 19) says: every fuse that would let
 * someone run the signed binary as Node, inject code through the environment
 * or the command line, or load the app from outside app.asar is off; cookie
 * encryption and ASAR integrity are on. Packaging itself needs the Electron
 * binary and is not run here; this test holds the configuration in place.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const ROOT = resolve(__dirname, '..')

interface BuilderConfig {
  asar?: unknown
  files?: unknown
  electronFuses?: Record<string, unknown>
}

const config = parse(readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig

/** Every fuse of @electron/fuses' FuseV1Options, by electron-builder's key, with the value this app ships. */
const EXPECTED_FUSES: Record<string, boolean> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  grantFileProtocolExtraPrivileges: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
  loadBrowserProcessSpecificV8Snapshot: false,
}

describe('electron-builder.yml fuses', () => {
  it.each(Object.entries(EXPECTED_FUSES))('sets %s to %s', (fuse, value) => {
    expect(config.electronFuses?.[fuse]).toBe(value)
  })

  it('sets no fuse it does not know (a typo would be ignored silently by the packager)', () => {
    expect(Object.keys(config.electronFuses ?? {}).sort()).toEqual(Object.keys(EXPECTED_FUSES).sort())
  })

  it('packs the app into app.asar, which onlyLoadAppFromAsar requires', () => {
    expect(config.asar).toBe(true)
  })

  it('ships only the built app, not test builds, sources or node_modules', () => {
    expect(config.files).toEqual(['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**', '!node_modules'])
    const main = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { main: string }).main
    expect(main).toMatch(/^out\/main\//)
  })
})
