/**
 * Session-wide limits: every permission request and check is denied (the app
 * needs none: no camera, notifications, geolocation, clipboard reads...), and
 * every response gets the app's Content-Security-Policy, in case something is
 * ever loaded that did not come through the `app://` handler.
 */
import type { Session } from 'electron'
import { CONTENT_SECURITY_POLICY } from './app-scheme'

/** What to apply; the CSP header is skipped only for the dev server (HMR needs inline scripts). */
export interface SessionPolicyOptions {
  enforceCsp: boolean
}

/**
 * Response headers with the app's CSP set, replacing any CSP header of any
 * letter case the response had. Pure; exported for tests.
 */
export function withAppCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const next: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') next[name] = value
  }
  next['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]
  return next
}

/** Apply the deny-all permission handlers and (optionally) the CSP header to `session`. */
export function lockDownSession(session: Session, options: SessionPolicyOptions): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    console.warn(`[security] denied permission request: ${permission}`)
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  if (options.enforceCsp) {
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: withAppCsp(details.responseHeaders) })
    })
  }
}
