/**
 * Tokens, CORS and idempotent creates, on a live server over real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { freshDatabase } from '../testing/database-per-file'
import { ARTICLE_SHA, claimAnnotation, client, setBody } from '../testing/fixtures'
import { startTestServer, type TestServer } from '../testing/live-server'
import { parseToken } from '../auth/tokens'

const APP_ORIGIN = 'http://localhost:5173'
let server: TestServer
let aiko: ReturnType<typeof client>

beforeAll(async () => {
  server = await startTestServer(await freshDatabase(inject('pgUrl'), 'auth'), { Aiko: 'blue', Ben: 'blue' }, { corsOrigins: [APP_ORIGIN] })
  aiko = client(server.url, server.tokens.Aiko!)
  expect((await aiko('/sets/s/', { method: 'PUT', body: setBody() })).status).toBe(201)
})
afterAll(() => server?.stop())

describe('tokens', () => {
  it('are stored only as a salted scrypt hash: no token or secret anywhere in the database', async () => {
    const token = server.tokens.Aiko!
    // The secret is base64url, which may itself contain '_': take it as the server parses it.
    const secret = parseToken(token)!.secret
    const users = await server.db.query<{ salt: Buffer; token_hash: Buffer }>('SELECT * FROM users')
    const dump = JSON.stringify(users) + users.map((u) => Buffer.from(u.token_hash).toString('base64url') + Buffer.from(u.salt).toString('base64url')).join('')
    expect(dump).not.toContain(secret)
    expect(new Set(users.map((u) => Buffer.from(u.salt).toString('hex'))).size).toBe(2)
    expect(users.every((u) => Buffer.from(u.token_hash).length === 32)).toBe(true)
  })
  it('never appear in the request log, which names the user instead', async () => {
    await aiko('/me')
    await client(server.url, server.tokens.Ben!)(`/sets/s/`)
    await client(server.url, null)(`/me?token=${server.tokens.Aiko}`)
    const log = server.logLines.join('\n')
    expect(log).toMatch(/GET \/me 200 \d+ms Aiko/)
    expect(log).toMatch(/GET \/sets\/s\/ 200 \d+ms Ben/)
    for (const token of Object.values(server.tokens)) {
      expect(log).not.toContain(token)
      expect(log).not.toContain(parseToken(token)!.secret)
    }
  })
  it('/me says who the token belongs to', async () => {
    expect(await (await aiko('/me')).json()).toEqual({ type: 'Person', name: 'Aiko', team: 'blue' })
  })
})

describe('CORS', () => {
  it('answers a preflight from a configured origin, exposing the protocol headers', async () => {
    const res = await fetch(`${server.url}/sets/s/`, { method: 'OPTIONS', headers: { Origin: APP_ORIGIN, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization, if-match' } })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN)
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT')
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization.*If-Match/)
    const get = await aiko('/sets/s/', { headers: { Origin: APP_ORIGIN } })
    expect(get.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN)
    expect(get.headers.get('access-control-expose-headers')?.split(/,\s*/)).toEqual(expect.arrayContaining(['ETag', 'Link', 'Location', 'Allow', 'Vary', 'Content-Location']))
    expect(get.headers.get('vary')).toMatch(/Origin/)
  })
  it('says nothing to other origins', async () => {
    const res = await fetch(`${server.url}/sets/s/`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'PUT' } })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    const get = await aiko('/sets/s/', { headers: { Origin: 'https://evil.example' } })
    expect(get.headers.get('access-control-allow-origin')).toBeNull()
    expect(get.headers.get('access-control-expose-headers')).toBeNull()
  })
})

describe('idempotent creates with client-chosen ids', () => {
  it('a retried POST of the same claim answers 200 with the stored one; no claim exists twice', async () => {
    const claim = claimAnnotation()
    const first = await aiko('/sets/s/', { method: 'POST', body: claim })
    const again = await aiko('/sets/s/', { method: 'POST', body: claim })
    expect([first.status, again.status]).toEqual([201, 200])
    expect(again.headers.get('location')).toBe(first.headers.get('location'))
    expect(first.headers.get('location')).toBe(`${server.url}/sets/s/${(claim.id as string).slice('urn:uuid:'.length)}`)
    const rows = await server.db.query('SELECT id FROM annotations WHERE container_id = $1', ['s'])
    expect(rows).toHaveLength(1)
    expect(((await first.json()) as { canonical: string }).canonical).toBe(claim.id)
  })
  it('the same id with other content is 409, and PUT If-None-Match: * creates once', async () => {
    const id = crypto.randomUUID()
    expect((await aiko('/sets/s/', { method: 'POST', body: claimAnnotation(id, 'one') })).status).toBe(201)
    const clash = await aiko('/sets/s/', { method: 'POST', body: claimAnnotation(id, 'two') })
    expect(clash.status).toBe(409)
    expect(((await clash.json()) as { message: string }).message).toMatch(/already exists here with other content/)
    const other = crypto.randomUUID()
    const put = () => aiko(`/sets/s/${other}`, { method: 'PUT', headers: { 'If-None-Match': '*' }, body: claimAnnotation(other, 'fresh') })
    expect((await put()).status).toBe(201)
    expect((await put()).status).toBe(200)
    const changed = await aiko(`/sets/s/${other}`, { method: 'PUT', headers: { 'If-None-Match': '*' }, body: claimAnnotation(other, 'changed') })
    expect(changed.status).toBe(412)
  })
  it('a set re-created with the same body is the same set', async () => {
    const again = await aiko('/sets/s/', { method: 'PUT', body: setBody() })
    expect(again.status).toBe(200)
    const list = (await (await aiko(`/articles/${ARTICLE_SHA}/`)).json()) as { items: { id: string; creator: { name: string }; total: number }[] }
    expect(list.items).toHaveLength(1)
    expect(list.items[0]).toMatchObject({ id: `${server.url}/sets/s/`, creator: { name: 'Aiko' }, total: 3 })
  })
})
