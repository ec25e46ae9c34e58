import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { teamFetch, TeamFetchError } from './team-fetch'

let server: Server
let base = ''
const seen: { url: string; authorization: string | undefined }[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization })
    if (req.url === '/redirect') {
      res.writeHead(302, { Location: 'http://127.0.0.1:9/elsewhere' })
      return res.end()
    }
    res.writeHead(200, { 'Content-Type': 'application/ld+json', ETag: '"v1"', 'Set-Cookie': 'a=b', Location: `${base}/sets/s/1` })
    res.end(JSON.stringify({ ok: req.method }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('teamFetch (the shell side of the team channel)', () => {
  it('sends the request and returns status, the protocol headers only, and the body', async () => {
    const res = await teamFetch({ server: base, url: `${base}/me`, method: 'GET', headers: { Authorization: 'Bearer t' } })
    expect(res).toEqual({ status: 200, headers: { etag: '"v1"', location: `${base}/sets/s/1`, 'content-type': 'application/ld+json' }, body: '{"ok":"GET"}' })
    expect(seen.at(-1)).toEqual({ url: '/me', authorization: 'Bearer t' })
  })
  it('never follows a redirect, so the token cannot travel elsewhere', async () => {
    await expect(teamFetch({ server: base, url: `${base}/redirect`, method: 'GET', headers: { Authorization: 'Bearer t' } })).rejects.toThrow(/redirect \(302\); it was not followed/)
    expect(seen.filter((s) => s.url === '/elsewhere')).toEqual([])
  })
  it('says the server cannot be reached, naming it', async () => {
    const nowhere = 'http://127.0.0.1:9'
    const error = await teamFetch({ server: nowhere, url: `${nowhere}/me`, method: 'GET', headers: {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TeamFetchError)
    expect((error as TeamFetchError).userMessage).toMatch(/^The team server at http:\/\/127\.0\.0\.1:9 could not be reached/)
  })
})
