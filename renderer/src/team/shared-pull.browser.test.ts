/**
 * A pull of the analyst's own shared set (shared-pull.ts) over real
 * IndexedDB and a real ClaimSession, when another device's version of a
 * claim arrives in the same instant as a keystroke in that claim: the
 * keystroke is kept, the claim stays pending over the version it was edited
 * from, and the push meets the 412 that shows both versions. The team server
 * is played by a fetch that answers as server/http does (the real server is
 * Node-only; its answers are tested live in server/): the container, its
 * page, the claim with its ETag, and a 412 with the current version.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { setNote } from '../../../shared/claims/claim-edits'
import type { AnnotationSet, Claim } from '../../../shared/claims/model'
import { aClaim, aSet } from '../../../shared/claims/test-builders'
import { TeamClient, type FetchLike } from '../../../shared/team/client'
import { exportSet } from '../../../shared/w3c'
import { EXPORT_CONTEXT } from '../../../shared/w3c/vocabulary'
import { ClaimSession } from '../state/claim-session'
import { listClaims, listSets, updateSetShared } from '../storage/claims-repo'
import type { WorkbenchDb } from '../storage/database'
import { freshDb } from '../test-support/fresh-db'
import { NOTE_ARTICLE, seedNote } from '../test-support/seeded-article'
import { pullSharedSet } from './shared-pull'
import { pushSharedSet } from './shared-sync'

const SERVER = 'http://127.0.0.1:8751'
const sessions: ClaimSession[] = []
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose()
})

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + 3000
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** A shared set with one claim, acknowledged by the server at ETag "e1", and the server's newer version of it (from the laptop, ETag "e2"). */
async function sharedSetAndLaptopVersion(): Promise<{ db: WorkbenchDb; set: AnnotationSet; claim: Claim; laptop: Record<string, unknown> }> {
  const db = await freshDb('shared-pull')
  const set = aSet({ id: crypto.randomUUID(), documentId: NOTE_ARTICLE.id, label: 'Mine', analyst: 'Aiko' })
  const text = NOTE_ARTICLE.text
  const start = text.indexOf('reportedly approved')
  const claim = aClaim({ id: crypto.randomUUID(), set, text, start, end: start + 'reportedly approved'.length, note: 'as shared', modified: '2026-01-01T00:00:00.000Z' })
  await seedNote(db, [{ set, claims: [claim] }])
  await updateSetShared(db, set.id, () => ({ iri: `${SERVER}/sets/${set.id}/`, acked: { [claim.id]: { etag: '"e1"', modified: claim.modified } }, conflicts: {}, label: set.label }))
  const onLaptop = { ...claim, note: 'changed on the laptop', modified: '2026-01-02T00:00:00.000Z' }
  // As the server serves it (server/http/representation.ts): its own IRI, the claim's urn kept as `canonical`.
  const { id: urn, ...exported } = exportSet(NOTE_ARTICLE, set, [onLaptop]).first.items[0]!
  const laptop = { '@context': EXPORT_CONTEXT, id: `${SERVER}/sets/${set.id}/${claim.id}`, ...exported, canonical: urn }
  return { db, set, claim, laptop }
}

/** The server's answers, as server/http gives them; `onClaimRead` runs while the claim's version is on its way. */
function laptopServer(set: AnnotationSet, claimId: string, laptop: Record<string, unknown>, onClaimRead: () => void): { fetch: FetchLike; puts: { ifMatch: string | undefined }[] } {
  const iri = `${SERVER}/sets/${set.id}/`
  const puts: { ifMatch: string | undefined }[] = []
  const answer = (status: number, body: unknown, etag?: string) => ({ status, headers: { get: (name: string) => (name.toLowerCase() === 'etag' ? (etag ?? null) : null) }, text: async () => JSON.stringify(body) })
  const fetch: FetchLike = async (url, init) => {
    if (init.method === 'GET' && url === iri) return answer(200, { id: iri, label: set.label, creator: { name: 'Aiko' }, created: set.created, first: `${iri}?page=0` }, '"c2"')
    if (init.method === 'GET' && url === `${iri}?page=0`) return answer(200, { items: [laptop] })
    if (init.method === 'GET' && url === `${iri}${claimId}`) {
      onClaimRead()
      return answer(200, laptop, '"e2"')
    }
    if (init.method === 'PUT' && url === `${iri}${claimId}`) {
      puts.push({ ifMatch: init.headers['If-Match'] })
      return answer(412, { error: 'stale', message: 'The claim changed on the server.', current: laptop, currentEtag: '"e2"' })
    }
    return answer(404, { error: 'no-such-thing', message: `${init.method} ${url}` })
  }
  return { fetch, puts }
}

describe('a pulled claim never overwrites an edit of this window not yet stored', () => {
  it('keeps a key typed while the other device’s version is read, and the push shows both versions instead', async () => {
    const { db, set, claim, laptop } = await sharedSetAndLaptopVersion()
    const session = new ClaimSession(db, set.id)
    sessions.push(session)
    await waitFor(() => session.getSnapshot().loaded, 'the session to load')
    // The analyst types into the claim in the very instant the laptop's version arrives.
    const server = laptopServer(set, claim.id, laptop, () => {
      const shown = session.get(claim.id)!
      session.update(shown, setNote(shown, 'typed here, just now', new Date().toISOString()))
    })
    const client = new TeamClient(SERVER, 'cwt_test', server.fetch)

    const pulled = await pullSharedSet(db, client, NOTE_ARTICLE.id, set.id, (id) => session.hasUnsavedEdit(id))
    expect(pulled.problem).toBeNull()
    await waitFor(() => !session.hasUnsavedEdit(claim.id), 'the keystroke to be stored')

    const [stored] = await listClaims(db, set.id)
    expect(stored!.note).toBe('typed here, just now')
    let [record] = await listSets(db, NOTE_ARTICLE.id)
    // Still measured against the version it was edited from, and the container is read again next time.
    expect(record!.shared!.acked[claim.id]!.etag).toBe('"e1"')
    expect(record!.shared!.etag).toBeUndefined()

    // The push sends it over that version: the server refuses (412) and both versions are kept for the analyst.
    const pushed = await pushSharedSet(db, client, NOTE_ARTICLE.id, set.id)
    expect(pushed).toEqual({ offline: false, problem: null })
    expect(server.puts).toEqual([{ ifMatch: '"e1"' }])
    ;[record] = await listSets(db, NOTE_ARTICLE.id)
    expect(record!.shared!.conflicts[claim.id]).toEqual({ annotation: laptop, etag: '"e2"' })
    expect((await listClaims(db, set.id))[0]!.note).toBe('typed here, just now')
  })

  it('leaves a claim with a held note alone, and reads the container again next time', async () => {
    const { db, set, claim, laptop } = await sharedSetAndLaptopVersion()
    const client = new TeamClient(SERVER, 'cwt_test', laptopServer(set, claim.id, laptop, () => {}).fetch)
    const pulled = await pullSharedSet(db, client, NOTE_ARTICLE.id, set.id, (id) => id === claim.id)
    expect(pulled).toEqual({ taken: 0, offline: false, problem: null })
    expect((await listClaims(db, set.id))[0]!.note).toBe('as shared')
    expect((await listSets(db, NOTE_ARTICLE.id))[0]!.shared!.etag).toBeUndefined()
    // Once nothing is held, the laptop's version is taken in (nothing was pending here).
    const again = await pullSharedSet(db, client, NOTE_ARTICLE.id, set.id, () => false)
    expect(again.taken).toBe(1)
    expect((await listClaims(db, set.id))[0]!.note).toBe('changed on the laptop')
    expect((await listSets(db, NOTE_ARTICLE.id))[0]!.shared!.etag).toBe('"c2"')
  })
})
