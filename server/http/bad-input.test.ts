/**
 * Every kind of bad request gets the right status, a message that names the
 * problem, and changes nothing stored. Live server, real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { freshDatabase } from '../testing/database-per-file'
import { ARTICLE_SHA, claimAnnotation, client, OTHER_ARTICLE_SHA, setBody } from '../testing/fixtures'
import { startTestServer, type TestServer } from '../testing/live-server'

let server: TestServer
let aiko: ReturnType<typeof client>
let ben: ReturnType<typeof client>
let rival: ReturnType<typeof client>
const claimId = crypto.randomUUID()

/** Everything stored, as one comparable value. */
async function snapshot(): Promise<unknown> {
  return {
    containers: await server.db.query('SELECT id, label, owner_id, article_sha256, revision FROM containers ORDER BY id'),
    annotations: await server.db.query('SELECT container_id, id, document, etag FROM annotations ORDER BY container_id, id'),
  }
}

async function refused(res: Promise<Response>, status: number, code: string, message: RegExp): Promise<void> {
  const before = await snapshot()
  const r = await res
  expect(r.status).toBe(status)
  const body = (await r.json()) as { error: string; message: string }
  expect(body.error).toBe(code)
  expect(body.message).toMatch(message)
  expect(await snapshot()).toEqual(before)
}

beforeAll(async () => {
  server = await startTestServer(await freshDatabase(inject('pgUrl'), 'bad'), { Aiko: 'blue', Ben: 'blue', Rival: 'red' }, { maxBodyBytes: 64 * 1024 })
  aiko = client(server.url, server.tokens.Aiko!)
  ben = client(server.url, server.tokens.Ben!)
  rival = client(server.url, server.tokens.Rival!)
  expect((await aiko('/sets/aiko-set/', { method: 'PUT', body: setBody('Aiko on the summit') })).status).toBe(201)
  expect((await aiko('/sets/aiko-set/', { method: 'POST', body: claimAnnotation(claimId) })).status).toBe(201)
})
afterAll(() => server?.stop())

describe('bad input', () => {
  it('malformed JSON: 400 naming the parse error', async () => {
    await refused(aiko('/sets/aiko-set/', { method: 'POST', body: '{"type": "Annotation",' }), 400, 'not-json', /request body" is not valid JSON/)
  })
  it('JSON that is not an object: 400', async () => {
    await refused(aiko('/sets/aiko-set/', { method: 'POST', body: '[1, 2]' }), 400, 'not-an-object', /one JSON object, not an array/)
  })
  it('wrong types: a numeric label, a bad article, an id that is not a string', async () => {
    await refused(aiko('/sets/new-set/', { method: 'PUT', body: { label: 42, articleSource: `urn:sha256:${ARTICLE_SHA}` } }), 400, 'bad-field', /"label" must be a non-empty string/)
    await refused(aiko('/sets/new-set/', { method: 'PUT', body: { label: 'x', articleSource: 'urn:sha256:nothex' } }), 400, 'bad-field', /"articleSource" must be/)
    await refused(aiko('/sets/aiko-set/', { method: 'POST', body: { ...claimAnnotation(), id: 7 } }), 400, 'bad-id', /must be a string IRI/)
  })
  it('SQL in values is stored as text, SQL in an id is refused', async () => {
    const label = "x'); DROP TABLE annotations; --"
    const res = await ben('/sets/sql-set/', { method: 'PUT', body: setBody(label) })
    expect(res.status).toBe(201)
    expect(((await res.json()) as { label: string }).label).toBe(label)
    expect((await server.db.query('SELECT count(*) AS n FROM annotations')).length).toBe(1)
    await refused(ben(`/sets/${encodeURIComponent("a'; DROP TABLE users; --")}/`, { method: 'PUT', body: setBody() }), 400, 'bad-id', /not a usable set id/)
    expect((await ben('/sets/sql-set/', { method: 'DELETE' })).status).toBe(204)
  })
  it('a body over the limit: 413 before it is read whole', async () => {
    const huge = claimAnnotation(crypto.randomUUID(), 'x'.repeat(200 * 1024))
    await refused(aiko('/sets/aiko-set/', { method: 'POST', body: huge }), 413, 'too-large', /larger than 65536 bytes/)
  })
  it('a W3C-invalid annotation: 422 naming the failed assertion', async () => {
    const { '@context': _c, ...noContext } = claimAnnotation()
    await refused(aiko('/sets/aiko-set/', { method: 'POST', body: noContext }), 422, 'not-w3c', /assertion 3\.1-annotationContext/)
    await refused(aiko('/sets/aiko-set/', { method: 'POST', body: { ...claimAnnotation(), type: 'Note' } }), 422, 'not-w3c', /W3C Web Annotation assertion/)
    await refused(aiko('/sets/aiko-set/', { method: 'POST', body: { ...claimAnnotation(), target: undefined } }), 422, 'not-w3c', /assertion/)
  })
  it('a script URL, a collection instead of an annotation, a claim on another article: 422', async () => {
    const script = claimAnnotation()
    ;(script.body as unknown[]).push({ type: 'SpecificResource', source: 'javascript:alert(1)', purpose: 'linking' })
    await refused(aiko('/sets/aiko-set/', { method: 'POST', body: script }), 422, 'unsafe-url', /script URL/)
    await refused(aiko('/sets/aiko-set/', { method: 'POST', body: { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', id: 'urn:uuid:x', label: 'x' } }), 422, 'not-an-annotation', /AnnotationCollection/)
    await refused(aiko('/sets/aiko-set/', { method: 'POST', body: claimAnnotation(crypto.randomUUID(), 'n', OTHER_ARTICLE_SHA) }), 422, 'other-article', /targets urn:sha256:b+2/)
  })
  it("another team's container is invisible: 404 to read, list or write, same as a missing one", async () => {
    await refused(rival('/sets/aiko-set/'), 404, 'no-such-set', /no shared set aiko-set .* your team can see/)
    await refused(rival(`/sets/aiko-set/${claimId}`), 404, 'no-such-set', /no shared set/)
    await refused(rival('/sets/aiko-set/', { method: 'POST', body: claimAnnotation() }), 404, 'no-such-set', /no shared set/)
    await refused(rival('/sets/aiko-set/', { method: 'DELETE' }), 404, 'no-such-set', /no shared set/)
    await refused(rival('/sets/aiko-set/', { method: 'PUT', body: setBody('Hijack') }), 409, 'id-taken', /already used/)
    const list = (await (await rival(`/articles/${ARTICLE_SHA}/`)).json()) as { items: unknown[] }
    expect(list.items).toEqual([])
  })
  it("a colleague's set is readable but not writable: 403 naming the owner", async () => {
    expect((await ben('/sets/aiko-set/')).status).toBe(200)
    await refused(ben('/sets/aiko-set/', { method: 'POST', body: claimAnnotation() }), 403, 'not-owner', /belongs to Aiko; only they can change it/)
    await refused(ben(`/sets/aiko-set/${claimId}`, { method: 'PUT', body: claimAnnotation(claimId, 'edited by Ben') }), 403, 'not-owner', /belongs to Aiko/)
    await refused(ben(`/sets/aiko-set/${claimId}`, { method: 'DELETE' }), 403, 'not-owner', /belongs to Aiko/)
    await refused(ben('/sets/aiko-set/', { method: 'PUT', body: setBody('Renamed by Ben') }), 403, 'not-owner', /belongs to Aiko/)
  })
  it('a forged owner: creating a set in somebody else\'s name is 403', async () => {
    await refused(ben('/sets/ben-set/', { method: 'PUT', body: { ...setBody(), creator: { type: 'Person', name: 'Aiko' } } }), 403, 'forged-owner', /created by the person whose token is used \(Ben\)/)
  })
  it('a stale ETag: 412 with the current version, nothing overwritten', async () => {
    const current = await aiko(`/sets/aiko-set/${claimId}`)
    const etag = current.headers.get('etag')!
    const first = await aiko(`/sets/aiko-set/${claimId}`, { method: 'PUT', headers: { 'If-Match': etag }, body: claimAnnotation(claimId, 'first edit') })
    expect(first.status).toBe(200)
    const before = await snapshot()
    const second = await aiko(`/sets/aiko-set/${claimId}`, { method: 'PUT', headers: { 'If-Match': etag }, body: claimAnnotation(claimId, 'second edit from an old copy') })
    expect(second.status).toBe(412)
    const body = (await second.json()) as { error: string; message: string; current: { body: { value: string }[] }; currentEtag: string }
    expect(body.error).toBe('stale')
    expect(body.message).toMatch(/changed since you read it; nothing was written/)
    expect(body.current.body[1]!.value).toBe('first edit')
    expect(body.currentEtag).toBe(first.headers.get('etag'))
    expect(await snapshot()).toEqual(before)
    await refused(aiko(`/sets/aiko-set/${claimId}`, { method: 'DELETE', headers: { 'If-Match': etag } }), 412, 'stale', /changed since you read it/)
  })
  it('no token, a wrong token, a token in the URL: 401/401/400', async () => {
    await refused(client(server.url, null)('/sets/aiko-set/'), 401, 'no-token', /needs a personal token/)
    const forged = server.tokens.Aiko!.slice(0, -4) + 'AAAA'
    await refused(client(server.url, forged)('/sets/aiko-set/'), 401, 'bad-token', /not accepted/)
    await refused(client(server.url, 'not-even-a-token')('/sets/aiko-set/', { method: 'POST', body: claimAnnotation() }), 401, 'bad-token', /not accepted/)
    await refused(client(server.url, null)(`/sets/aiko-set/?access_token=${server.tokens.Aiko}`), 400, 'token-in-url', /only in the Authorization header/)
  })
  it('a body that is not JSON-LD, an Accept the server cannot meet: 415/406', async () => {
    await refused(aiko('/sets/aiko-set/', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(claimAnnotation()) }), 415, 'unsupported-media-type', /application\/ld\+json \(got text\/plain\)/)
    await refused(aiko('/sets/aiko-set/', { headers: { Accept: 'text/turtle' } }), 406, 'not-acceptable', /application\/ld\+json only/)
  })
})
