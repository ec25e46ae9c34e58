/**
 * A minimal static file server on the loopback interface for the bench: the
 * built renderer at `/`, other folders under their own prefixes (the peer's
 * page and its library). No caching headers, no directory listings; paths
 * that climb out of their folder are refused.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
}

export interface StaticServer {
  /** e.g. `http://127.0.0.1:43123` (no trailing slash). */
  origin: string
  close(): Promise<void>
}

/**
 * Serve `mounts` (URL prefix → folder, longest prefix wins) on 127.0.0.1 and
 * `port` (an ephemeral one by default; IndexedDB belongs to an origin, so a
 * profile seeded on one port is empty on another). Resolves once listening;
 * rejects when the port cannot be bound.
 */
export function serveStatic(mounts: Record<string, string>, port = 0): Promise<StaticServer> {
  const table = Object.entries(mounts)
    .map(([prefix, dir]) => ({ prefix: prefix.endsWith('/') ? prefix : `${prefix}/`, dir: resolve(dir) }))
    .sort((a, b) => b.prefix.length - a.prefix.length)
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = decodeURIComponent(url.pathname)
    const mount = table.find((m) => path.startsWith(m.prefix) || `${path}/` === m.prefix)
    if (!mount) {
      res.writeHead(404).end('not found')
      return
    }
    let file = normalize(join(mount.dir, path.slice(mount.prefix.length)))
    if (file !== mount.dir && !file.startsWith(mount.dir + sep)) {
      res.writeHead(403).end('forbidden')
      return
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
    if (!existsSync(file)) {
      res.writeHead(404).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
    createReadStream(file).pipe(res)
  })
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolvePromise({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      })
    })
  })
}
