/**
 * Reading a request: the bounded body, the JSON in it, the bearer token, the
 * Prefer and Accept headers. Each refusal is an {@link HttpError} with the
 * status the protocol calls for and a message that names the problem.
 */
import type { IncomingMessage } from 'node:http'
import { parseJsonGuarded } from '../../shared/w3c'
import { CritiqueError } from '../../shared/errors'
import { HttpError, PREFER_CONTAINED_DESCRIPTIONS, PREFER_CONTAINED_IRIS, PREFER_MINIMAL_CONTAINER } from './protocol'

/**
 * The request body as text, refusing (413) as soon as more than `limit`
 * bytes arrive, without reading the rest into memory.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    req.resume()
    return Promise.reject(tooLarge(limit))
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let refused = false
    req.on('data', (chunk: Buffer) => {
      if (refused) return
      size += chunk.length
      if (size > limit) {
        refused = true
        chunks.length = 0
        reject(tooLarge(limit))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', (error) => {
      if (!refused) reject(error)
    })
  })
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'too-large', `The request body is larger than ${limit} bytes, the most this server accepts for one request.`)
}

/**
 * The body parsed as a JSON object. 415 unless the Content-Type is JSON or
 * JSON-LD; 400 for text that is not JSON or JSON that is not an object.
 */
export async function readJsonObject(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/ld+json' && type !== 'application/json') {
    req.resume()
    throw new HttpError(415, 'unsupported-media-type', `Send the body as application/ld+json (got ${type === '' ? 'no Content-Type' : type}).`)
  }
  const text = await readBody(req, limit)
  let value: unknown
  try {
    value = parseJsonGuarded(text, 'request body')
  } catch (error) {
    throw new HttpError(400, 'not-json', error instanceof CritiqueError ? error.userMessage : 'The request body is not valid JSON.')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'not-an-object', `The request body must be one JSON object, not ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}.`)
  }
  return value as Record<string, unknown>
}

/** The bearer token of the request, or null when there is no Authorization header. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  if (header === undefined) return null
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header)
  if (m === null) throw new HttpError(401, 'bad-authorization', 'The Authorization header must be "Bearer <token>".', {}, { 'WWW-Authenticate': 'Bearer realm="critique"' })
  return m[1]!
}

/** What the client prefers a container response to hold. */
export interface ContainerPreference {
  /** Embed the first page (false with PreferMinimalContainer). */
  embedFirstPage: boolean
  /** Page items as IRIs instead of full descriptions. */
  iris: boolean
  /** Whether a Prefer header was understood and applied. */
  applied: boolean
}

/**
 * Read `Prefer: return=representation; include="..."` (RFC 7240, the
 * protocol's section 4.1.1). Without a preference the server embeds the
 * first page with full descriptions, as the protocol says it should.
 */
export function containerPreference(header: string | undefined): ContainerPreference {
  const none = { embedFirstPage: true, iris: false, applied: false }
  if (header === undefined || !/return\s*=\s*representation/i.test(header)) return none
  const include = /include\s*=\s*"([^"]*)"/i.exec(header)?.[1]?.split(/\s+/) ?? []
  if (include.includes(PREFER_MINIMAL_CONTAINER)) return { embedFirstPage: false, iris: false, applied: true }
  if (include.includes(PREFER_CONTAINED_IRIS)) return { embedFirstPage: true, iris: true, applied: true }
  if (include.includes(PREFER_CONTAINED_DESCRIPTIONS)) return { embedFirstPage: true, iris: false, applied: true }
  return none
}

/** 406 unless the Accept header admits JSON-LD (or JSON, or anything). */
export function requireJsonAccepted(req: IncomingMessage): void {
  const accept = req.headers.accept
  if (accept === undefined || accept.trim() === '') return
  const ranges = accept.split(',').map((r) => r.split(';')[0]!.trim().toLowerCase())
  const ok = ranges.some((r) => r === 'application/ld+json' || r === 'application/json' || r === 'application/*' || r === '*/*')
  if (!ok) throw new HttpError(406, 'not-acceptable', `This server answers in application/ld+json only (the request accepts ${accept}).`)
}

/** The If-Match header as one ETag, or null; 400 for a list or a wildcard (a write names one version). */
export function ifMatch(req: IncomingMessage): string | null {
  const header = req.headers['if-match']
  if (header === undefined) return null
  const value = header.trim()
  if (!/^(W\/)?"[^"]*"$/.test(value)) throw new HttpError(400, 'bad-if-match', 'If-Match must name exactly one ETag, as received in an ETag header.')
  return value.replace(/^W\//, '')
}
