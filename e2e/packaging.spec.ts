/**
 * The packaged app ships no node_modules (electron-builder.yml), so the built
 * main process and preload may require only Electron and Node's built-ins:
 * any other require() would fail at launch in the package, not here. Reads
 * the build `npm test` makes before this suite.
 */
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'

const ROOT = join(__dirname, '..')
const BUILTINS = new Set(builtinModules)

function runtimeRequires(file: string): string[] {
  const code = readFileSync(join(ROOT, file), 'utf8')
  return [...new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!))].sort()
}

const notShipped = (name: string) => name !== 'electron' && !name.startsWith('node:') && !BUILTINS.has(name) && !name.startsWith('.')

for (const file of ['out/main/index.js', 'out/preload/index.js']) {
  test(`${file} requires only electron and Node built-ins`, () => {
    const requires = runtimeRequires(file)
    expect(requires).toContain('electron')
    expect(requires.filter(notShipped)).toEqual([])
  })
}
