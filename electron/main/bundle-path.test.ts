import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { contentTypeFor, isInsideRoot, resolveBundlePath } from './bundle-path'

const ROOT = '/opt/critique/out/renderer'

describe('resolveBundlePath', () => {
  it('maps bundle URLs to files under the root', () => {
    expect(resolveBundlePath(ROOT, 'app://bundle/index.html')).toBe(join(ROOT, 'index.html'))
    expect(resolveBundlePath(ROOT, 'app://bundle/assets/index-abc123.js')).toBe(join(ROOT, 'assets', 'index-abc123.js'))
    expect(resolveBundlePath(ROOT, 'app://bundle/assets/font%20file.woff2')).toBe(join(ROOT, 'assets', 'font file.woff2'))
  })

  it('serves index.html for the bare origin and ignores query and fragment', () => {
    expect(resolveBundlePath(ROOT, 'app://bundle/')).toBe(join(ROOT, 'index.html'))
    expect(resolveBundlePath(ROOT, 'app://bundle/?x=1')).toBe(join(ROOT, 'index.html'))
    expect(resolveBundlePath(ROOT, 'app://bundle/a.css?v=2#top')).toBe(join(ROOT, 'a.css'))
  })

  it.each([
    ['literal parent segment', 'app://bundle/../etc/passwd'],
    ['parent segment deeper in the path', 'app://bundle/assets/../../secret'],
    ['parent segment that stays inside', 'app://bundle/assets/../index.html'],
    ['encoded parent segment', 'app://bundle/%2e%2e/etc/passwd'],
    ['upper-case encoded parent', 'app://bundle/%2E%2E/etc/passwd'],
    ['half-encoded parent', 'app://bundle/.%2e/etc/passwd'],
    ['current-folder segment', 'app://bundle/./index.html'],
    ['encoded slash then parent', 'app://bundle/assets%2f..%2f..%2fsecret'],
    ['absolute path (empty segment)', 'app://bundle//etc/passwd'],
    ['encoded absolute path', 'app://bundle/%2fetc%2fpasswd'],
    ['backslash', 'app://bundle/..\\secret'],
    ['encoded backslash', 'app://bundle/..%5csecret'],
    ['NUL byte', 'app://bundle/index.html%00.png'],
    ['drive letter', 'app://bundle/C:/Windows/win.ini'],
    ['malformed escape', 'app://bundle/%E0%A4%A'],
    ['trailing slash (empty segment)', 'app://bundle/assets/'],
    ['another host', 'app://evil/index.html'],
    ['host with credentials', 'app://bundle@evil/index.html'],
    ['another scheme', 'file:///opt/critique/out/renderer/index.html'],
    ['http', 'http://bundle/index.html'],
    ['no path at all', 'app://bundle'],
  ])('refuses %s', (_label, url) => {
    expect(resolveBundlePath(ROOT, url)).toBeNull()
  })

  it('throws RangeError for a relative bundle root', () => {
    expect(() => resolveBundlePath('out/renderer', 'app://bundle/index.html')).toThrow(RangeError)
  })
})

describe('isInsideRoot', () => {
  it('accepts the root and paths below it', () => {
    expect(isInsideRoot(ROOT, ROOT)).toBe(true)
    expect(isInsideRoot(ROOT, join(ROOT, 'a', 'b.js'))).toBe(true)
    expect(isInsideRoot(ROOT, join(ROOT, '..foo'))).toBe(true)
  })

  it('refuses siblings, parents and prefix look-alikes', () => {
    expect(isInsideRoot(ROOT, '/opt/critique/out')).toBe(false)
    expect(isInsideRoot(ROOT, '/opt/critique/out/renderer-evil/x.js')).toBe(false)
    expect(isInsideRoot(ROOT, '/etc/passwd')).toBe(false)
  })
})

describe('contentTypeFor', () => {
  it('knows the bundle file types and defaults to octet-stream', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8')
    expect(contentTypeFor('/x/f.woff2')).toBe('font/woff2')
    expect(contentTypeFor('/x/unknown.xyz')).toBe('application/octet-stream')
    expect(contentTypeFor('/x/noextension')).toBe('application/octet-stream')
  })
})
