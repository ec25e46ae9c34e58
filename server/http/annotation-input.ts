/**
 * Turning a request body into the annotation document the server stores (as
 * sent, without its `id`, which depends on the public URL and is added when served):
 * which id it gets (client-chosen where the client chose one), and the
 * checks every write passes first: the W3C Web Annotation test suite's MUST
 * assertions (the validator the app runs on import and export), no script
 * URLs, and no target on another article than the container's.
 */
import { randomUUID } from 'node:crypto'
import { articleUrn } from '../../shared/article/model'
import { validateW3cDocument } from '../../shared/w3c'
import { findScriptUrl } from '../../shared/w3c/script-urls'
import { HttpError, ID_PATTERN } from './protocol'

const UUID_URN = /^urn:uuid:([0-9a-fA-F-]{36})$/
const SHA256_URN = /^urn:sha256:[0-9a-f]{64}$/

/** An annotation ready to store: its id in the container and its document (without `id`). */
export interface AnnotationInput {
  id: string
  document: Record<string, unknown>
}

/**
 * The id a POSTed annotation gets: the UUID of a `urn:uuid:` id (the app's
 * claim ids, so a retried create lands on the same row), the last segment of
 * an id already in this container, the `Slug` header, or a new UUID.
 */
export function idForCreate(body: Record<string, unknown>, containerIri: string, slug: string | undefined): string {
  const given = body.id
  if (typeof given === 'string') {
    const uuid = UUID_URN.exec(given)?.[1]
    if (uuid !== undefined) return uuid.toLowerCase()
    if (given.startsWith(containerIri) && ID_PATTERN.test(given.slice(containerIri.length))) return given.slice(containerIri.length)
  }
  if (slug !== undefined && ID_PATTERN.test(slug)) return slug
  return randomUUID()
}

/**
 * Check `body` and make the stored document for annotation `id` in the
 * container at `containerIri` on article `articleSha256`.
 *
 * @throws HttpError 400 `bad-id` for an id that is not a string, `id-mismatch`
 *   when an update's body names another id than the URL; 422 `not-w3c` naming the first failed MUST assertion; 422
 *   `unsafe-url` for a script URL; 422 `other-article` when a target's source
 *   is another article's `urn:sha256:`.
 */
export function annotationInput(
  body: Record<string, unknown>,
  id: string,
  containerIri: string,
  articleSha256: string,
  mode: 'create' | 'update',
): AnnotationInput {
  const iri = `${containerIri}${id}`
  const given = body.id
  if (given !== undefined && typeof given !== 'string') throw new HttpError(400, 'bad-id', `The annotation's id must be a string IRI, not ${JSON.stringify(given)}.`)
  if (mode === 'update' && given !== undefined && given !== iri && UUID_URN.exec(given)?.[1]?.toLowerCase() !== id) {
    throw new HttpError(400, 'id-mismatch', `The annotation's id ${JSON.stringify(given)} is not the one in the URL (${iri}).`)
  }
  const report = validateW3cDocument({ ...body, id: iri })
  if (report.kind !== 'annotation') {
    throw new HttpError(422, 'not-an-annotation', `A container holds annotations; this body is ${report.kind === 'collection' ? 'an AnnotationCollection' : report.kind === 'page' ? 'an AnnotationPage' : 'an array'}. Send one annotation per request.`)
  }
  const failure = report.failures[0]
  if (failure !== undefined) {
    const more = report.failures.length > 1 ? ` (and ${report.failures.length - 1} more)` : ''
    throw new HttpError(422, 'not-w3c', `The annotation fails W3C Web Annotation assertion ${failure.assertion}: ${failure.message.replace(/^ERROR:\s*/, '')}${more}`, {
      assertion: failure.assertion,
    })
  }
  const scriptUrl = findScriptUrl({ body: body.body, bodyValue: body.bodyValue, target: body.target })
  if (scriptUrl !== null) throw new HttpError(422, 'unsafe-url', `The annotation contains a script URL (${JSON.stringify(scriptUrl.slice(0, 80))}); it was refused.`)
  const expected = articleUrn(articleSha256)
  for (const source of targetSources(body.target)) {
    if (SHA256_URN.test(source) && source !== expected) {
      throw new HttpError(422, 'other-article', `The annotation targets ${source}, but this container holds annotations on ${expected}.`)
    }
  }
  const document: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(body)) if (key !== 'id') document[key] = value
  if (typeof given === 'string' && given !== iri) {
    // Keep the client's own IRI: as `canonical` when it is a urn:uuid (the app's claim id), else as `via`.
    if (UUID_URN.test(given) && document.canonical === undefined) document.canonical = given
    else if (!UUID_URN.test(given) && document.via === undefined) document.via = given
  }
  return { id, document }
}

function targetSources(target: unknown): string[] {
  const targets = Array.isArray(target) ? target : [target]
  return targets.flatMap((t) => {
    if (typeof t === 'string') return [t]
    if (typeof t === 'object' && t !== null && typeof (t as { source?: unknown }).source === 'string') return [(t as { source: string }).source]
    return []
  })
}
