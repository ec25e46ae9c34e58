/**
 * The workbench's refresh of a followed set (shared/team/client.ts
 * `fetchSetIfChanged`) against a live server on real PostgreSQL: nothing is
 * read again while the set's ETag stands, and every change of the owner's —
 * a claim added, edited, deleted — moves it; and the two reads a shared set's
 * pull and discovery add (`getAnnotation`, `whoAmI`).
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { TeamClient, type FetchLike } from '../shared/team/client'
import { freshDatabase } from './testing/database-per-file'
import { claimAnnotation, setBody } from './testing/fixtures'
import { startTestServer, type TestServer } from './testing/live-server'

const SET = randomUUID()
let server: TestServer
let aiko: TeamClient
let ben: TeamClient
/** Every URL Ben's client asked for, to see what a refresh reads. */
const benRequests: string[] = []

beforeAll(async () => {
  server = await startTestServer(await freshDatabase(inject('pgUrl'), 'followed'), { Aiko: 'blue', Ben: 'blue' })
  const plainFetch: FetchLike = (url, init) => fetch(url, init)
  const countingFetch: FetchLike = (url, init) => {
    benRequests.push(url)
    return fetch(url, init)
  }
  aiko = new TeamClient(server.url, server.tokens.Aiko!, plainFetch)
  ben = new TeamClient(server.url, server.tokens.Ben!, countingFetch)
  const body = setBody('Aiko’s reading')
  const created = await aiko.putSet(SET, String(body.label), String(body.articleSource).replace('urn:sha256:', ''), '2026-01-01T00:00:00.000Z')
  expect(created.ok).toBe(true)
})
afterAll(() => server?.stop())

describe('a followed set is fetched again only when it changed', () => {
  it('reads no page while the ETag stands, and the whole set once the owner changes it', async () => {
    const summary = { iri: `${server.url}/sets/${SET}/`, setId: SET }
    const firstId = randomUUID()
    const first = claimAnnotation(firstId, 'first')
    expect((await aiko.putAnnotation(SET, first, null)).ok).toBe(true)

    const fetched = await ben.fetchSetIfChanged(summary, null)
    if (!fetched.ok || fetched.value === null) throw new Error(`not fetched: ${JSON.stringify(fetched)}`)
    expect(fetched.value.collection.first.items).toHaveLength(1)
    const etag = fetched.value.etag
    expect(etag).toMatch(/^"/)

    benRequests.length = 0
    const unchanged = await ben.fetchSetIfChanged(summary, etag)
    expect(unchanged).toEqual({ ok: true, value: null })
    expect(benRequests).toEqual([summary.iri])

    const secondId = randomUUID()
    const second = claimAnnotation(secondId, 'second')
    expect((await aiko.putAnnotation(SET, second, null)).ok).toBe(true)
    const added = await ben.fetchSetIfChanged(summary, etag)
    if (!added.ok || added.value === null) throw new Error(`a new claim did not move the ETag: ${JSON.stringify(added)}`)
    expect(added.value.collection.first.items.map((a) => a.id).sort()).toEqual([first.id, second.id].sort())
    expect(added.value.etag).not.toBe(etag)

    expect((await aiko.putAnnotation(SET, claimAnnotation(secondId, 'second, edited'), null)).ok).toBe(true)
    const edited = await ben.fetchSetIfChanged(summary, added.value.etag)
    if (!edited.ok || edited.value === null) throw new Error('an edited claim did not move the ETag')
    expect(JSON.stringify(edited.value.collection.first.items)).toContain('second, edited')

    expect((await aiko.deleteAnnotation(SET, firstId, null)).ok).toBe(true)
    const deleted = await ben.fetchSetIfChanged(summary, edited.value.etag)
    if (!deleted.ok || deleted.value === null) throw new Error('a deleted claim did not move the ETag')
    expect(deleted.value.collection.first.items.map((a) => a.id)).toEqual([second.id])
  })
})

describe('a relabelled set reaches the colleagues who follow it (renderer/src/team/shared-sync.ts pushLabel)', () => {
  it('moves the container’s ETag, lists the new label on the article, and a refresh reads it; relabelling to the same label changes nothing', async () => {
    const summary = { iri: `${server.url}/sets/${SET}/`, setId: SET }
    const sha = String(setBody('x').articleSource).replace('urn:sha256:', '')
    const before = await ben.fetchSetIfChanged(summary, null)
    if (!before.ok || before.value === null) throw new Error(`not fetched: ${JSON.stringify(before)}`)

    expect(await aiko.putSet(SET, 'Aiko’s second reading', sha, '2026-01-01T00:00:00.000Z')).toEqual({ ok: true, value: { created: false } })
    const after = await ben.fetchSetIfChanged(summary, before.value.etag)
    if (!after.ok || after.value === null) throw new Error(`a relabel did not move the ETag: ${JSON.stringify(after)}`)
    expect(after.value.collection.label).toBe('Aiko’s second reading')
    const listed = await ben.listSets(sha)
    if (!listed.ok) throw new Error(JSON.stringify(listed))
    expect(listed.value.find((s) => s.setId === SET)?.label).toBe('Aiko’s second reading')

    // A label sent again (a push retried after its answer was lost) is no change.
    expect((await aiko.putSet(SET, 'Aiko’s second reading', sha, '2026-01-01T00:00:00.000Z')).ok).toBe(true)
    expect(await ben.fetchSetIfChanged(summary, after.value.etag)).toEqual({ ok: true, value: null })
    // Only the owner relabels.
    expect(await ben.putSet(SET, 'Ben’s now', sha, '2026-01-01T00:00:00.000Z')).toMatchObject({ ok: false, problem: { kind: 'forbidden', status: 403 } })
  })
})

describe('what a shared set’s pull reads of one claim (renderer/src/team/shared-pull.ts)', () => {
  it('gives a claim with the ETag its write got, a new ETag once it changed, and not-found once deleted', async () => {
    const id = randomUUID()
    const put = await aiko.putAnnotation(SET, claimAnnotation(id, 'as written'), null)
    if (!put.ok) throw new Error(JSON.stringify(put))
    const got = await aiko.getAnnotation(SET, id)
    if (!got.ok) throw new Error(JSON.stringify(got))
    expect(got.value.etag).toBe(put.value.etag)
    expect(JSON.stringify(got.value.annotation)).toContain('as written')
    expect((await aiko.putAnnotation(SET, claimAnnotation(id, 'changed on the laptop'), put.value.etag)).ok).toBe(true)
    const again = await aiko.getAnnotation(SET, id)
    if (!again.ok) throw new Error(JSON.stringify(again))
    expect(again.value.etag).not.toBe(put.value.etag)
    expect((await aiko.deleteAnnotation(SET, id, again.value.etag)).ok).toBe(true)
    expect(await aiko.getAnnotation(SET, id)).toMatchObject({ ok: false, problem: { kind: 'not-found', status: 404 } })
  })

  it('says whose token it is, and refuses one that is not', async () => {
    expect(await ben.whoAmI()).toEqual({ ok: true, value: { name: 'Ben', team: 'blue' } })
    const stranger = new TeamClient(server.url, 'cwt_not-a-token', (url, init) => fetch(url, init))
    expect(await stranger.whoAmI()).toMatchObject({ ok: false, problem: { kind: 'bad-token', status: 401 } })
  })
})

