/**
 * The `app://` scheme: registration (before `ready`) and the handler that
 * serves the renderer bundle. The pure resolver (`bundle-path.ts`) refuses
 * traversal in the URL; here the real path is checked too, so a symlink inside
 * the bundle cannot lead out of it.
 */
import { protocol, type Session } from 'electron'
import { readFile, realpath, stat } from 'node:fs/promises'
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from './app-scheme'
import { contentTypeFor, isInsideRoot, resolveBundlePath } from './bundle-path'

/**
 * Register `app://` as a privileged scheme: standard (real origin, relative
 * URLs resolve), secure (a secure context: IndexedDB and crypto.subtle work),
 * fetch-capable. Must run before the `ready` event; Electron ignores it after.
 */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ])
}

/** Headers every bundle response carries. */
function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  }
}

function refusal(status: 404 | 405): Response {
  return new Response(status === 404 ? 'Not found' : 'Method not allowed', {
    status,
    headers: securityHeaders('text/plain; charset=utf-8'),
  })
}

/**
 * Answer one request for `url` from the bundle at `bundleRoot`.
 *
 * 200 with the file and the strict CSP when the URL resolves inside the
 * bundle and the real path (symlinks followed) still lies inside the real
 * bundle root and is a regular file; 404 for everything else, including
 * traversal attempts and missing files; 405 for methods other than GET/HEAD.
 * Never throws: file system errors become 404.
 */
export async function respondFromBundle(bundleRoot: string, url: string, method = 'GET'): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return refusal(405)
  const candidate = resolveBundlePath(bundleRoot, url)
  if (candidate === null) return refusal(404)
  try {
    const [realRoot, realFile] = await Promise.all([realpath(bundleRoot), realpath(candidate)])
    if (!isInsideRoot(realRoot, realFile)) return refusal(404)
    const info = await stat(realFile)
    if (!info.isFile()) return refusal(404)
    const body = method === 'HEAD' ? null : await readFile(realFile)
    return new Response(body, { status: 200, headers: securityHeaders(contentTypeFor(realFile)) })
  } catch {
    return refusal(404)
  }
}

/**
 * Serve `app://bundle/...` in `session` from the files under `bundleRoot`
 * (an absolute path to the built renderer). Call once, after `ready`.
 */
export function serveBundle(session: Session, bundleRoot: string): void {
  session.protocol.handle(APP_SCHEME, (request) => respondFromBundle(bundleRoot, request.url, request.method))
}
