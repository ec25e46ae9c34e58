/**
 * The HTTP server: routing, authentication, CORS, error answers and the
 * request log. It keeps no state between requests besides the cache of
 * verified tokens, so several processes can serve one database.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { VerifiedTokenCache } from '../auth/tokens'
import type { Database } from '../db/database'
import { userForToken, type User } from '../store/users'
import { handleAnnotation } from './annotations'
import { handleArticleSets, handleContainer } from './containers'
import { DEFAULT_OPTIONS, sendEmpty, sendJsonLd, type RequestContext, type ServerOptions } from './context'
import { ANNOTATION_ALLOW, CONTAINER_ALLOW, CONTAINER_LINK, ERROR_MEDIA_TYPE, EXPOSED_HEADERS, HttpError, PAGE_LINK, READ_ONLY_ALLOW } from './protocol'
import { bearerToken } from './request'
import { Iris } from './representation'

/** What the server says about itself at `/` (how a client tells it is talking to one). */
export const SERVICE_TYPE = 'CritiqueWorkbenchAnnotationServer'

/** A running server. */
export interface RunningServer {
  server: Server
  /** `http://127.0.0.1:PORT` (the address actually bound). */
  url: string
  close(): Promise<void>
}

function routeOf(pathname: string): { kind: 'root' | 'me' | 'article' | 'container' | 'annotation' | 'none'; a?: string; b?: string } {
  if (pathname === '/') return { kind: 'root' }
  if (pathname === '/me') return { kind: 'me' }
  let m = /^\/articles\/([^/]+)\/?$/.exec(pathname)
  if (m !== null) return { kind: 'article', a: m[1]! }
  m = /^\/sets\/([^/]+)\/$/.exec(pathname)
  if (m !== null) return { kind: 'container', a: m[1]! }
  m = /^\/sets\/([^/]+)\/([^/]+)$/.exec(pathname)
  if (m !== null) return { kind: 'annotation', a: m[1]!, b: m[2]! }
  return { kind: 'none' }
}

function allowFor(kind: string): string {
  return kind === 'container' ? CONTAINER_ALLOW : kind === 'annotation' ? ANNOTATION_ALLOW : READ_ONLY_ALLOW
}

function corsHeaders(req: IncomingMessage, options: ServerOptions): Record<string, string> {
  const origin = req.headers.origin
  if (origin === undefined || !options.corsOrigins.includes(origin)) return {}
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSED_HEADERS }
}

async function authenticate(ctx: RequestContext): Promise<User> {
  const token = bearerToken(ctx.req)
  const challenge = { 'WWW-Authenticate': 'Bearer realm="critique"' }
  if (token === null) throw new HttpError(401, 'no-token', 'This server needs a personal token: send it as "Authorization: Bearer <token>".', {}, challenge)
  const user = await userForToken(ctx.db, token, ctx.tokens)
  if (user === null) throw new HttpError(401, 'bad-token', 'The token was not accepted: it is unknown, mistyped or revoked.', {}, challenge)
  return user
}

async function handle(ctx: RequestContext): Promise<void> {
  const { req } = ctx
  if ([...ctx.url.searchParams.keys()].some((k) => /token|auth|key/i.test(k))) {
    throw new HttpError(400, 'token-in-url', 'Tokens are accepted only in the Authorization header, never in a URL (URLs end up in logs).')
  }
  const route = routeOf(ctx.url.pathname)
  if (route.kind === 'none') throw new HttpError(404, 'not-found', `Nothing is served at ${ctx.url.pathname}.`)
  if (req.method === 'OPTIONS') {
    // Answered without a token: CORS preflights carry none, and it reveals nothing stored.
    const preflight = req.headers['access-control-request-method'] !== undefined && ctx.baseHeaders['Access-Control-Allow-Origin'] !== undefined
    return sendEmpty(ctx, preflight ? 204 : 200, {
      Allow: allowFor(route.kind),
      ...(route.kind === 'container' ? { Link: CONTAINER_LINK } : { Link: PAGE_LINK }),
      ...(preflight
        ? {
            'Access-Control-Allow-Methods': allowFor(route.kind),
            'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, If-Match, If-None-Match, Prefer, Slug',
            'Access-Control-Max-Age': '600',
          }
        : {}),
    })
  }
  if (route.kind === 'root') {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method-not-allowed', `${req.method} is not allowed here.`, {}, { Allow: READ_ONLY_ALLOW })
    return sendJsonLd(ctx, 200, { Allow: READ_ONLY_ALLOW, Link: CONTAINER_LINK.split(', ')[1]! }, {
      type: SERVICE_TYPE,
      protocol: 'http://www.w3.org/TR/annotation-protocol/',
      containers: `${ctx.iris.base}/sets/{set-id}/`,
      articles: `${ctx.iris.base}/articles/{sha256}/`,
    })
  }
  const user = await authenticate(ctx)
  ctx.user = user
  if (route.kind === 'me') {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method-not-allowed', `${req.method} is not allowed here.`, {}, { Allow: READ_ONLY_ALLOW })
    return sendJsonLd(ctx, 200, { Allow: READ_ONLY_ALLOW }, { type: 'Person', name: user.name, team: user.team })
  }
  if (route.kind === 'article') return handleArticleSets(ctx, route.a!, user)
  if (route.kind === 'container') return handleContainer(ctx, route.a!, user)
  return handleAnnotation(ctx, route.a!, route.b!, user)
}

function sendError(ctx: RequestContext, error: HttpError): void {
  if (ctx.res.headersSent) return
  const text = JSON.stringify({ error: error.code, message: error.message, ...error.extra })
  ctx.res.writeHead(error.status, { ...ctx.baseHeaders, ...error.headers, 'Content-Type': ERROR_MEDIA_TYPE, 'Content-Length': String(Buffer.byteLength(text)) })
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : text)
}

/**
 * Serve the Web Annotation Protocol over `db` on `port` (0: any free port)
 * at `host`. `log` receives one line per request: method, path, status,
 * milliseconds and user name; never a header, a body or a token.
 */
export async function startServer(
  db: Database,
  settings: Partial<ServerOptions> & { port: number; host?: string; log?: (line: string) => void },
): Promise<RunningServer> {
  const options: ServerOptions = { ...DEFAULT_OPTIONS, ...settings }
  const log = settings.log ?? (() => {})
  const tokens = new VerifiedTokenCache()
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now()
    const host = req.headers.host ?? 'localhost'
    const base = (options.publicUrl ?? `http://${host}`).replace(/\/+$/, '')
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://placeholder')
    } catch {
      url = new URL('http://placeholder/')
    }
    const ctx: RequestContext = {
      req,
      res,
      db,
      options,
      tokens,
      iris: new Iris(base),
      url,
      user: null,
      baseHeaders: { ...corsHeaders(req, options), Vary: options.corsOrigins.length > 0 ? 'Accept, Origin' : 'Accept' },
    }
    handle(ctx)
      .catch((error: unknown) => {
        if (error instanceof HttpError) return sendError(ctx, error)
        log(`error ${req.method} ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`)
        sendError(ctx, new HttpError(500, 'server-error', 'The server could not complete the request; nothing was changed. Try again.'))
      })
      .finally(() => {
        if (req.readableEnded === false) req.resume()
        log(`${req.method} ${url.pathname} ${res.statusCode} ${Math.round(performance.now() - started)}ms${ctx.user ? ` ${ctx.user.name}` : ''}`)
      })
  })
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(settings.port, settings.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  return {
    server,
    url: `http://${address.address}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
