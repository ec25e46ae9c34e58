/**
 * The browser the tests drive: Debian's Chromium with the CJK fonts (without
 * them Japanese renders as boxes). Playwright's own browser download cannot
 * work on these machines, so the system package is the only way. When it is
 * missing and we may install (root with apt-get), install it; otherwise say
 * exactly what to run.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const PACKAGES = ['chromium', 'fonts-noto-cjk', 'poppler-utils', 'postgresql']
// The team server's tests run a throwaway PostgreSQL 15 cluster (server/testing/pg-cluster.ts).
const INITDB = process.env.PG_BIN ? `${process.env.PG_BIN}/initdb` : '/usr/lib/postgresql/15/bin/initdb'

function hasCjkFont() {
  const result = spawnSync('fc-list', [':lang=ja'], { encoding: 'utf8' })
  return result.status === 0 && /Noto (Sans|Serif) CJK/.test(result.stdout)
}

/** Make sure Chromium and the CJK fonts are there, installing them with apt-get when we can. */
export function ensureBrowser() {
  if (existsSync(CHROMIUM_PATH) && hasCjkFont() && existsSync(INITDB)) return
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0
  if (!isRoot || !hasApt) {
    console.error(`The tests need Chromium, the CJK fonts and PostgreSQL 15. Install them with:\n  sudo apt-get install -y ${PACKAGES.join(' ')}`)
    process.exit(1)
  }
  console.log(`Installing ${PACKAGES.join(', ')} with apt-get (the tests need a real Chromium and CJK fonts)…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  const install = spawnSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], { stdio: 'inherit', env })
  if (update.status !== 0 || install.status !== 0 || !existsSync(CHROMIUM_PATH)) {
    console.error(`Could not install ${PACKAGES.join(' ')}; install them and run npm test again.`)
    process.exit(1)
  }
}
