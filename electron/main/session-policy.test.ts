import { describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from './app-scheme'
import { lockDownSession, withAppCsp } from './session-policy'

function fakeSession() {
  const calls: Record<string, unknown> = {}
  const session = {
    setPermissionRequestHandler: (h: unknown) => (calls['request'] = h),
    setPermissionCheckHandler: (h: unknown) => (calls['check'] = h),
    setDevicePermissionHandler: (h: unknown) => (calls['device'] = h),
    webRequest: { onHeadersReceived: (h: unknown) => (calls['headers'] = h) },
  }
  return { session: session as never, calls }
}

describe('withAppCsp', () => {
  it('replaces any CSP header, whatever its case, and keeps the others', () => {
    expect(
      withAppCsp({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] }),
    ).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
    expect(withAppCsp(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })
})

describe('lockDownSession', () => {
  it('denies every permission request, check and device', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const { session, calls } = fakeSession()
    lockDownSession(session, { enforceCsp: true })
    const granted: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      ;(calls['request'] as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(null, permission, (ok) => granted.push(ok))
    }
    expect(granted).toEqual([false, false, false, false, false])
    expect((calls['check'] as () => boolean)()).toBe(false)
    expect((calls['device'] as () => boolean)()).toBe(false)
  })

  it('adds the CSP to responses when asked, and not for the dev server', () => {
    const strict = fakeSession()
    lockDownSession(strict.session, { enforceCsp: true })
    let answer: unknown
    ;(strict.calls['headers'] as (d: unknown, cb: (r: unknown) => void) => void)(
      { responseHeaders: { 'Content-Security-Policy': ['script-src *'] } },
      (r) => (answer = r),
    )
    expect(answer).toEqual({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })

    const dev = fakeSession()
    lockDownSession(dev.session, { enforceCsp: false })
    expect(dev.calls['headers']).toBeUndefined()
  })
})
