import { describe, expect, it } from 'vitest'
import { devServerOrigin, isAllowedNavigation, isAppUrl, isSafeExternalUrl } from './navigation-policy'

describe('isAppUrl', () => {
  it('accepts pages of the bundle only', () => {
    expect(isAppUrl('app://bundle/index.html')).toBe(true)
    expect(isAppUrl('app://bundle/')).toBe(true)
    expect(isAppUrl('app://bundle/index.html#/library')).toBe(true)
    expect(isAppUrl('app://other/index.html')).toBe(false)
    expect(isAppUrl('app://bundle@evil.example/index.html')).toBe(false)
    expect(isAppUrl('app://user:pw@bundle/index.html')).toBe(false)
    expect(isAppUrl('file:///etc/passwd')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
  })
})

describe('isAllowedNavigation', () => {
  it('allows the bundle', () => {
    expect(isAllowedNavigation('app://bundle/index.html')).toBe(true)
  })

  it.each([
    'https://example.com/',
    'http://localhost:5173/',
    'file:///home/user/article.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'app://evil/index.html',
    '',
  ])('refuses %s without a dev server', (url) => {
    expect(isAllowedNavigation(url)).toBe(false)
  })

  it('allows the dev server origin only when one is given', () => {
    expect(isAllowedNavigation('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true)
    expect(isAllowedNavigation('http://localhost:5174/index.html', 'http://localhost:5173')).toBe(false)
    expect(isAllowedNavigation('https://example.com/', 'http://localhost:5173')).toBe(false)
    expect(isAllowedNavigation('app://bundle/index.html', 'http://localhost:5173')).toBe(true)
  })
})

describe('devServerOrigin', () => {
  it('trusts a loopback http dev server only in an unpackaged app', () => {
    expect(devServerOrigin(false, 'http://localhost:5173/')).toBe('http://localhost:5173')
    expect(devServerOrigin(false, 'http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173')
    expect(devServerOrigin(true, 'http://localhost:5173/')).toBeNull()
    expect(devServerOrigin(false, undefined)).toBeNull()
    expect(devServerOrigin(false, '')).toBeNull()
    expect(devServerOrigin(false, 'https://evil.example/')).toBeNull()
    expect(devServerOrigin(false, 'http://192.0.2.1:5173/')).toBeNull()
    expect(devServerOrigin(false, 'garbage')).toBeNull()
  })
})

describe('isSafeExternalUrl', () => {
  it.each(['https://example.com/a?b=c#d', 'http://example.org', 'mailto:editor@example.com', 'HTTPS://EXAMPLE.COM/', 'mailto:editor@example.com?subject=Alaska%20summit'])(
    'accepts %s',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(true)
    },
  )

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id',
    'vscode://file/etc/passwd',
    'app://bundle/index.html',
    'https://user:pw@example.com/',
    'https://exa mple.com/',
    'https://example.com/\nx',
    ' https://example.com/',
    'https://',
    'mailto:',
    // A mailto: is one plain address and at most a subject: attach= asks some clients to attach a local file.
    'mailto:editor@example.com?attach=/home/analyst/.ssh/id_ed25519',
    'mailto:editor@example.com?body=Please%20wire%20the%20funds',
    'mailto:editor@example.com?subject=x&body=y',
    'mailto:editor@example.com?cc=leak@example.net',
    'mailto:editor@example.com,leak@example.net',
    'mailto:editor%40example.com%3Fbody%3Dx',
    'mailto:?subject=no-address',
    `https://example.com/${'a'.repeat(2100)}`,
    '',
  ])('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})
