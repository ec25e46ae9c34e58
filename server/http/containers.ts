/**
 * Container routes: `/sets/{id}/` (one shared set) and `/articles/{sha256}/`
 * (the team's sets on one article).
 */
import { HttpError, CONTAINER_ALLOW, CONTAINER_LINK, ID_PATTERN, PAGE_LINK, READ_ONLY_ALLOW, SHA256_PATTERN, ANNO_MEDIA_TYPE } from './protocol'
import { containerPreference, readJsonObject, requireJsonAccepted } from './request'
import { articleSetsJson, containerJson, pageJson } from './representation'
import { sendEmpty, sendJsonLd, type RequestContext } from './context'
import { countAnnotations, pageOfAnnotations } from '../store/annotations'
import { containersOnArticle, deleteContainer, putContainer, visibleContainer, type Container } from '../store/containers'
import type { User } from '../store/users'
import { createAnnotationFromPost } from './annotations'

const SHA256_URN = /^urn:sha256:([0-9a-f]{64})$/
const MAX_LABEL = 500

/** The container as `user` may see it, or 404 (missing and other team's look the same). */
export async function containerOr404(ctx: RequestContext, id: string, user: User): Promise<Container> {
  const container = ID_PATTERN.test(id) ? await visibleContainer(ctx.db, id, user) : null
  if (container === null) throw new HttpError(404, 'no-such-set', `There is no shared set ${id} on this server that your team can see.`)
  return container
}

/** 403 unless `user` owns `container`. */
export function requireOwner(container: Container, user: User): void {
  if (container.ownerId !== user.id) {
    throw new HttpError(403, 'not-owner', `The set "${container.label}" belongs to ${container.ownerName}; only they can change it.`)
  }
}

/** GET/HEAD/OPTIONS/POST/PUT/DELETE on `/sets/{id}/`. */
export async function handleContainer(ctx: RequestContext, id: string, user: User): Promise<void> {
  const method = ctx.req.method
  const headers = { Allow: CONTAINER_ALLOW, Link: CONTAINER_LINK, 'Accept-Post': ANNO_MEDIA_TYPE }
  if (method === 'GET' || method === 'HEAD') {
    requireJsonAccepted(ctx.req)
    const container = await containerOr404(ctx, id, user)
    return sendContainer(ctx, container, headers)
  }
  if (method === 'PUT') return putContainerFromBody(ctx, id, user, headers)
  if (method === 'POST') {
    const container = await containerOr404(ctx, id, user)
    requireOwner(container, user)
    return createAnnotationFromPost(ctx, container, user)
  }
  if (method === 'DELETE') {
    const container = await containerOr404(ctx, id, user)
    requireOwner(container, user)
    await deleteContainer(ctx.db, container.id)
    return sendEmpty(ctx, 204, headers)
  }
  throw new HttpError(405, 'method-not-allowed', `${method} is not allowed on a container.`, {}, { Allow: CONTAINER_ALLOW })
}

async function sendContainer(ctx: RequestContext, container: Container, headers: Record<string, string>, status = 200): Promise<void> {
  const { pageSize } = ctx.options
  const total = await countAnnotations(ctx.db, container.id)
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const pageParam = ctx.url.searchParams.get('page')
  if (pageParam !== null) {
    // A page: its preference travels in its IRI (?iris=1), not in a Prefer header.
    const page = Number(pageParam)
    if (!Number.isInteger(page) || page < 0 || page >= pageCount) {
      throw new HttpError(404, 'no-such-page', `Page ${pageParam} does not exist; this set has pages 0 to ${pageCount - 1}.`)
    }
    const asIris = ctx.url.searchParams.get('iris') === '1'
    const items = await pageOfAnnotations(ctx.db, container.id, page * pageSize, pageSize)
    const body = pageJson(ctx.iris, container, total, page, pageCount, pageSize, items, asIris, false)
    return sendJsonLd(ctx, 200, { Allow: READ_ONLY_ALLOW, Link: PAGE_LINK, 'Content-Location': body.id as string, Vary: `${ctx.baseHeaders.Vary}` }, body)
  }
  const preference = containerPreference([ctx.req.headers.prefer ?? []].flat().join(', ') || undefined)
  const firstPage = preference.embedFirstPage
    ? pageJson(ctx.iris, container, total, 0, pageCount, pageSize, await pageOfAnnotations(ctx.db, container.id, 0, pageSize), preference.iris, true)
    : null
  const body = containerJson(ctx.iris, container, total, pageCount, preference.iris, firstPage)
  sendJsonLd(ctx, status, {
    ...headers,
    'Content-Location': ctx.iris.container(container.id),
    Vary: `${ctx.baseHeaders.Vary}, Prefer`,
    ...(preference.applied ? { 'Preference-Applied': 'return=representation' } : {}),
  }, body)
}

/**
 * PUT `/sets/{id}/`: create a shared set with a client-chosen id (the app's set
 * id), or change its label. Body: `{ label, articleSource: "urn:sha256:…" }`,
 * optionally `creator`, which must be the caller (403 otherwise), and `created`.
 */
async function putContainerFromBody(ctx: RequestContext, id: string, user: User, headers: Record<string, string>): Promise<void> {
  if (!ID_PATTERN.test(id)) throw new HttpError(400, 'bad-id', `"${id}" is not a usable set id (letters, digits, . _ -, up to 128).`)
  const body = await readJsonObject(ctx.req, ctx.options.maxBodyBytes)
  const label = body.label
  if (typeof label !== 'string' || label.trim() === '' || label.length > MAX_LABEL) {
    throw new HttpError(400, 'bad-field', `"label" must be a non-empty string of at most ${MAX_LABEL} characters (got ${JSON.stringify(label)?.slice(0, 40)}).`)
  }
  const source = typeof body.articleSource === 'string' ? SHA256_URN.exec(body.articleSource) : null
  if (source === null) throw new HttpError(400, 'bad-field', '"articleSource" must be the article\'s "urn:sha256:" followed by 64 lowercase hex digits.')
  const created = body.created ?? new Date().toISOString()
  if (typeof created !== 'string' || Number.isNaN(Date.parse(created))) throw new HttpError(400, 'bad-field', '"created" must be an ISO 8601 date-time string.')
  const creator = body.creator
  if (creator !== undefined) {
    const name = typeof creator === 'object' && creator !== null ? (creator as { name?: unknown }).name : creator
    if (name !== user.name) {
      throw new HttpError(403, 'forged-owner', `A set is always created by the person whose token is used (${user.name}); the body names ${JSON.stringify(name)?.slice(0, 80)}.`)
    }
  }
  const result = await ctx.db.transaction((tx) => putContainer(tx, { id, articleSha256: source[1]!, label, created }, user))
  if (result.kind === 'taken') {
    const other = await visibleContainer(ctx.db, id, user)
    if (other !== null && other.ownerId !== user.id) requireOwner(other, user)
    throw new HttpError(409, 'id-taken', `The set id ${id} is already used${other !== null ? ' for another article' : ''}; choose another id.`)
  }
  const status = result.kind === 'created' ? 201 : 200
  const extra: Record<string, string> = status === 201 ? { Location: ctx.iris.container(id) } : {}
  await sendContainer(ctx, result.container, { ...headers, ...extra }, status)
}

/** GET/HEAD on `/articles/{sha256}/`: the sets the caller's team shares on that article. */
export async function handleArticleSets(ctx: RequestContext, sha256: string, user: User): Promise<void> {
  const method = ctx.req.method
  if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'method-not-allowed', `${method} is not allowed here.`, {}, { Allow: READ_ONLY_ALLOW })
  if (!SHA256_PATTERN.test(sha256)) throw new HttpError(400, 'bad-article', 'An article is named by 64 lowercase hex digits (its SHA-256).')
  requireJsonAccepted(ctx.req)
  const sets = await containersOnArticle(ctx.db, sha256, user)
  sendJsonLd(ctx, 200, { Allow: READ_ONLY_ALLOW, Link: PAGE_LINK, 'Content-Location': ctx.iris.article(sha256) }, articleSetsJson(ctx.iris, sha256, sets))
}
