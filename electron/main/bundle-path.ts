/**
 * Pure mapping from an `app://bundle/...` request URL to a file inside the
 * renderer bundle. Everything that could step outside the bundle is refused
 * here, before any file system access; the protocol handler then repeats the
 * containment check on the real path to catch symlinks.
 */
import { extname, isAbsolute, join, relative, sep } from 'node:path'
import { APP_URL_PREFIX } from './app-scheme'

/** File served for the bare origin (`app://bundle/`). */
const INDEX_FILE = 'index.html'

/** A path segment that names a file or folder, never a parent, a drive or a stream. */
function isPlainSegment(segment: string): boolean {
  return segment !== '' && segment !== '.' && segment !== '..' && !segment.includes(':')
}

/**
 * Resolve `requestUrl` to an absolute file path inside `bundleRoot`.
 *
 * Returns null (the caller answers 404) for: a URL of another scheme or host;
 * a path with `..` or `.` segments, literal or percent-encoded (`%2e%2e`);
 * backslashes, literal or encoded; NUL bytes; empty segments (`//etc`, which
 * would read as absolute); segments with `:` (drive letters, NTFS streams);
 * malformed percent-encoding. Query and fragment are ignored. The bare origin
 * maps to `index.html`. Never touches the file system, so symlinks are the
 * caller's to check (see `isInsideRoot`).
 *
 * @throws RangeError when `bundleRoot` is not an absolute path (a programming error).
 */
export function resolveBundlePath(bundleRoot: string, requestUrl: string): string | null {
  if (!isAbsolute(bundleRoot)) throw new RangeError(`bundle root must be absolute, got ${JSON.stringify(bundleRoot)}`)
  // Work on the raw text: URL parsers fold `..` segments away before we could refuse them.
  if (!requestUrl.toLowerCase().startsWith(APP_URL_PREFIX)) return null
  const rawPath = requestUrl.slice(APP_URL_PREFIX.length).split(/[?#]/, 1)[0] ?? ''
  if (rawPath.includes('\\')) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  if (decoded === '') return join(bundleRoot, INDEX_FILE)
  const segments = decoded.split('/')
  if (!segments.every(isPlainSegment)) return null
  const resolved = join(bundleRoot, ...segments)
  return isInsideRoot(bundleRoot, resolved) ? resolved : null
}

/**
 * True when `candidate` is `root` itself or lies below it. Both must be
 * absolute; compare real paths (after `fs.realpath`) to rule out symlinks.
 */
export function isInsideRoot(root: string, candidate: string): boolean {
  const rel = relative(root, candidate)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

/**
 * Content-Type for a bundle file, by extension (case-insensitive). Unknown
 * extensions get `application/octet-stream`, which the page will not run as
 * script or style (responses also carry `X-Content-Type-Options: nosniff`).
 */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}
