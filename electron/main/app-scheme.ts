/**
 * The app's own URL space. The renderer bundle is served from `app://bundle/`
 * rather than `file://`, so the page gets a real, narrow origin: IndexedDB and
 * fetch work (the scheme is registered standard + secure), `'self'` in the CSP
 * means the bundle and nothing else, and every policy in main can recognise
 * our own pages by a plain prefix check.
 */

/** Scheme registered as privileged before `app` is ready. */
export const APP_SCHEME = 'app'

/** The single host under the scheme; there is no other. */
export const APP_HOST = 'bundle'

/** Origin of every page the app itself serves. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** Prefix every trusted URL starts with (origin plus the root path). */
export const APP_URL_PREFIX = `${APP_ORIGIN}/`

/** Where the main window goes when it opens. */
export const APP_ENTRY_URL = `${APP_URL_PREFIX}index.html`

/**
 * The Content-Security-Policy sent with every response of the app scheme and,
 * for safety, added by the session to any other response. Scripts come only
 * from the bundle; inline styles are allowed because React and ProseMirror set
 * `style` attributes; nothing may be framed, posted or embedded.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "form-action 'none'",
].join('; ')
