/**
 * What every handler receives: the database, the options, the authenticated
 * user, and a way to answer. Nothing here outlives a request except the
 * verified-token cache, so any number of processes can serve one database.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { VerifiedTokenCache } from '../auth/tokens'
import type { Database } from '../db/database'
import { etagOf } from '../store/annotations'
import type { User } from '../store/users'
import { ANNO_MEDIA_TYPE } from './protocol'
import type { Iris } from './representation'

/** Server settings, fixed at start. */
export interface ServerOptions {
  /** Largest request body accepted, in bytes (413 above). */
  maxBodyBytes: number
  /** Annotations per AnnotationPage. */
  pageSize: number
  /** Origins whose pages may call the server from a browser (exact `scheme://host[:port]`). */
  corsOrigins: readonly string[]
  /** The URL clients reach the server at (behind a proxy, the proxy's); null: from the Host header. */
  publicUrl: string | null
}

/** Defaults for {@link ServerOptions}. */
export const DEFAULT_OPTIONS: ServerOptions = { maxBodyBytes: 1024 * 1024, pageSize: 100, corsOrigins: [], publicUrl: null }

/** One request being handled. */
export interface RequestContext {
  req: IncomingMessage
  res: ServerResponse
  db: Database
  options: ServerOptions
  tokens: VerifiedTokenCache
  iris: Iris
  /** The path, split on '/', without the empty first segment. */
  url: URL
  /** Set once the bearer token was checked. */
  user: User | null
  /** Headers every answer carries (CORS, Vary). */
  baseHeaders: Record<string, string>
}

/**
 * Answer with a JSON-LD document (or only its headers, for HEAD). The ETag is
 * the document's hash unless one is given.
 */
export function sendJsonLd(ctx: RequestContext, status: number, headers: Record<string, string>, body: unknown, etag?: string): void {
  const text = JSON.stringify(body)
  ctx.res.writeHead(status, {
    ...ctx.baseHeaders,
    'Content-Type': ANNO_MEDIA_TYPE,
    ETag: etag ?? etagOf(body),
    ...headers,
    'Content-Length': String(Buffer.byteLength(text)),
  })
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : text)
}

/** Answer with no body (204, OPTIONS). */
export function sendEmpty(ctx: RequestContext, status: number, headers: Record<string, string>): void {
  ctx.res.writeHead(status, { ...ctx.baseHeaders, ...headers, 'Content-Length': '0' })
  ctx.res.end()
}
