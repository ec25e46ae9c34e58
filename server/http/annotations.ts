/**
 * Annotation routes: POST into a container, and GET/HEAD/OPTIONS/PUT/DELETE on
 * `/sets/{set}/{id}`. Writes are the owner's only, validated before storing,
 * and conditional on If-Match when the client sends one (412 with the current
 * version otherwise, so nobody's edit is overwritten unseen).
 */
import { HttpError, ANNOTATION_ALLOW, ANNOTATION_LINK, ID_PATTERN } from './protocol'
import { ifMatch, readJsonObject, requireJsonAccepted } from './request'
import { annotationInput, idForCreate } from './annotation-input'
import { annotationJson } from './representation'
import { sendEmpty, sendJsonLd, type RequestContext } from './context'
import { createAnnotation, deleteAnnotation, getAnnotation, replaceAnnotation, type StoredAnnotation } from '../store/annotations'
import type { Container } from '../store/containers'
import type { User } from '../store/users'
import { containerOr404, requireOwner } from './containers'

const HEADERS = { Allow: ANNOTATION_ALLOW, Link: ANNOTATION_LINK }

function stale(ctx: RequestContext, container: Container, current: StoredAnnotation): HttpError {
  return new HttpError(
    412,
    'stale',
    'This annotation was changed since you read it; nothing was written. The current version is included: merge and send it again with its ETag.',
    { current: annotationJson(ctx.iris, container.id, current), currentEtag: current.etag },
  )
}

function send(ctx: RequestContext, status: number, container: Container, stored: StoredAnnotation, location: boolean): void {
  const body = annotationJson(ctx.iris, container.id, stored)
  const iri = body.id as string
  sendJsonLd(ctx, status, { ...HEADERS, 'Content-Location': iri, ...(location ? { Location: iri } : {}) }, body, stored.etag)
}

/**
 * POST into `container`: store a new annotation (201 + Location). Retrying the
 * same create answers 200 with what is stored; the same id with other content
 * is 409 (update it with PUT instead).
 */
export async function createAnnotationFromPost(ctx: RequestContext, container: Container, _user: User): Promise<void> {
  const body = await readJsonObject(ctx.req, ctx.options.maxBodyBytes)
  const containerIri = ctx.iris.container(container.id)
  const slug = ctx.req.headers.slug
  const id = idForCreate(body, containerIri, typeof slug === 'string' ? slug : undefined)
  const input = annotationInput(body, id, containerIri, container.articleSha256, 'create')
  const result = await createAnnotation(ctx.db, container.id, input.id, input.document)
  if (result.kind === 'no-container') throw new HttpError(404, 'no-such-set', 'The set was deleted while the annotation was being added.')
  if (result.kind === 'conflict') {
    throw new HttpError(409, 'id-taken', `An annotation with id ${id} already exists here with other content; change it with PUT and its ETag.`, {
      current: annotationJson(ctx.iris, container.id, result.current),
      currentEtag: result.current.etag,
    })
  }
  send(ctx, result.kind === 'created' ? 201 : 200, container, result.annotation, true)
}

/** GET/HEAD/PUT/DELETE on one annotation. */
export async function handleAnnotation(ctx: RequestContext, containerId: string, id: string, user: User): Promise<void> {
  const method = ctx.req.method
  const container = await containerOr404(ctx, containerId, user)
  const missing = () => new HttpError(404, 'no-such-annotation', `There is no annotation ${id} in the set "${container.label}".`)
  if (!ID_PATTERN.test(id)) throw missing()
  if (method === 'GET' || method === 'HEAD') {
    requireJsonAccepted(ctx.req)
    const stored = await getAnnotation(ctx.db, container.id, id)
    if (stored === null) throw missing()
    return send(ctx, 200, container, stored, false)
  }
  if (method === 'PUT') {
    requireOwner(container, user)
    const expected = ifMatch(ctx.req)
    const createOnly = ctx.req.headers['if-none-match']?.trim() === '*'
    const body = await readJsonObject(ctx.req, ctx.options.maxBodyBytes)
    const input = annotationInput(body, id, ctx.iris.container(container.id), container.articleSha256, 'update')
    // No transaction around the two steps: each is atomic, and between them
    // only a write without If-Match can interleave, which is last-writer-wins anyway.
    const outcome = await (async () => {
      if (createOnly || expected === null) {
        const created = await createAnnotation(ctx.db, container.id, id, input.document)
        if (created.kind === 'created') return { status: 201, stored: created.annotation }
        if (created.kind === 'same') return { status: 200, stored: created.annotation }
        if (created.kind === 'no-container') throw missing()
        if (createOnly) throw new HttpError(412, 'exists', `An annotation with id ${id} already exists (If-None-Match: *); nothing was written.`)
      }
      const replaced = await replaceAnnotation(ctx.db, container.id, id, input.document, expected)
      if (replaced.kind === 'missing') throw expected === null ? missing() : new HttpError(412, 'gone', `The annotation ${id} was deleted since you read it; nothing was written.`)
      if (replaced.kind === 'stale') throw stale(ctx, container, replaced.current)
      return { status: 200, stored: replaced.annotation }
    })()
    return send(ctx, outcome.status, container, outcome.stored, outcome.status === 201)
  }
  if (method === 'DELETE') {
    requireOwner(container, user)
    const expected = ifMatch(ctx.req)
    const result = await deleteAnnotation(ctx.db, container.id, id, expected)
    if (result.kind === 'missing') throw missing()
    if (result.kind === 'stale') throw stale(ctx, container, result.current)
    return sendEmpty(ctx, 204, HEADERS)
  }
  throw new HttpError(405, 'method-not-allowed', `${method} is not allowed on an annotation.`, {}, { Allow: ANNOTATION_ALLOW })
}
