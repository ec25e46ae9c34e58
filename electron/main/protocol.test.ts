import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const registered: unknown[] = []
vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: (schemes: unknown) => registered.push(schemes) },
}))

const { registerAppSchemePrivileges, respondFromBundle, serveBundle } = await import('./protocol')
const { CONTENT_SECURITY_POLICY } = await import('./app-scheme')

let base: string
let bundle: string

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'critique-protocol-'))
  bundle = join(base, 'renderer')
  mkdirSync(join(bundle, 'assets'), { recursive: true })
  writeFileSync(join(bundle, 'index.html'), '<!doctype html><title>Critique</title>')
  writeFileSync(join(bundle, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(base, 'secret.txt'), 'outside the bundle')
  symlinkSync(join(base, 'secret.txt'), join(bundle, 'assets', 'leak.txt'))
  symlinkSync(base, join(bundle, 'parent-link'))
  symlinkSync(join(bundle, 'assets', 'app.js'), join(bundle, 'alias.js'))
})

afterAll(() => {
  rmSync(base, { recursive: true, force: true })
})

describe('respondFromBundle', () => {
  it('serves bundle files with their type and the strict CSP', async () => {
    const response = await respondFromBundle(bundle, 'app://bundle/index.html')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('<!doctype html><title>Critique</title>')
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')

    const script = await respondFromBundle(bundle, 'app://bundle/assets/app.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log(1)')
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await respondFromBundle(bundle, 'app://bundle/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    expect((await respondFromBundle(bundle, 'app://bundle/index.html', 'POST')).status).toBe(405)
  })

  it('follows a symlink that stays inside the bundle', async () => {
    const response = await respondFromBundle(bundle, 'app://bundle/alias.js')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('console.log(1)')
  })

  it.each([
    ['a symlinked file outside the bundle', 'app://bundle/assets/leak.txt'],
    ['a file through a symlinked folder outside the bundle', 'app://bundle/parent-link/secret.txt'],
    ['traversal', 'app://bundle/../secret.txt'],
    ['encoded traversal', 'app://bundle/%2e%2e/secret.txt'],
    ['a missing file', 'app://bundle/missing.js'],
    ['a folder', 'app://bundle/assets'],
  ])('answers 404 with the CSP for %s', async (_label, url) => {
    const response = await respondFromBundle(bundle, url)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('outside the bundle')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('answers 404 when the bundle itself is missing', async () => {
    expect((await respondFromBundle(join(base, 'nope'), 'app://bundle/index.html')).status).toBe(404)
  })
})

describe('registration', () => {
  it('registers app:// as standard, secure and fetch-capable', () => {
    registerAppSchemePrivileges()
    expect(registered).toEqual([
      [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }],
    ])
  })

  it('serves the scheme through the session with the bundle root', async () => {
    let handler: ((request: Request) => Promise<Response>) | undefined
    const session = { protocol: { handle: (scheme: string, h: typeof handler) => ((handler = h), expect(scheme).toBe('app')) } }
    serveBundle(session as never, bundle)
    const response = await handler?.(new Request('app://bundle/index.html'))
    expect(response?.status).toBe(200)
  })
})
