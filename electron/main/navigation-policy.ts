/**
 * Pure URL policies for main: which pages our windows may show, which frames
 * may talk to the host, and which links may leave for the system browser.
 * Each takes strings (or plain objects) so it is tested without Electron.
 */
import { isSafeExternalUrl as looksLikeExternalLink } from '../../shared/claims/model'
import { APP_HOST, APP_SCHEME } from './app-scheme'

function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True when `url` is a page of the app's own bundle: scheme `app`, host
 * `bundle`, no credentials (so `app://bundle@elsewhere/` is refused).
 * False for anything unparsable.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url)
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  )
}

/**
 * The origin of the electron-vite dev server when main runs from source with
 * one, else null. Only ever non-null for an unpackaged app: a packaged build
 * never trusts a URL handed to it through the environment.
 */
export function devServerOrigin(isPackaged: boolean, rendererUrl: string | undefined): string | null {
  if (isPackaged || rendererUrl === undefined || rendererUrl === '') return null
  const parsed = parseUrl(rendererUrl)
  if (parsed === null) return null
  const loopback = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1' || parsed.hostname === '[::1]'
  return parsed.protocol === 'http:' && loopback ? parsed.origin : null
}

/**
 * Whether a window may navigate to `url`: only pages of the bundle
 * (`app://bundle/...`), plus the dev server's origin when one is given.
 * Everything else (file:, http(s) sites, javascript:, data:) is refused.
 */
export function isAllowedNavigation(url: string, devOrigin: string | null = null): boolean {
  if (isAppUrl(url)) return true
  if (devOrigin === null) return false
  const parsed = parseUrl(url)
  return parsed !== null && parsed.origin === devOrigin
}

/**
 * Whether `url` may be handed to `shell.openExternal`: http or https with a
 * host and no credentials, or mailto; at most 2048 characters, no whitespace
 * or control characters. Other schemes (file:, smb:, custom handlers) can run
 * programs on the user's machine and are refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  // Control characters can smuggle a second URL past naive checks downstream.
  // eslint-disable-next-line no-control-regex
  if (url.length > 2048 || /[\s\u0000-\u001f\u007f]/.test(url)) return false
  if (!looksLikeExternalLink(url)) return false
  const parsed = parseUrl(url)
  if (parsed === null) return false
  if (parsed.protocol === 'mailto:') return parsed.pathname !== ''
  return (
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  )
}
