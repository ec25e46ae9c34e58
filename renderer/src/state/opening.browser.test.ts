/**
 * The opening read's hand-over to the reader over real IndexedDB: the claims
 * go to the session once, only for the set that was read, and never after a
 * claims page was written since the read began (by this window or another
 * Dexie instance). A session started with them is loaded without reading.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Claim } from '../../../shared/claims/model'
import { aClaim, aSet } from '../../../shared/claims/test-builders'
import { putClaim } from '../storage/claims-repo'
import type { WorkbenchDb } from '../storage/database'
import { setPref } from '../storage/prefs-repo'
import { freshDb, reopenDb } from '../test-support/fresh-db'
import { NOTE_ARTICLE as ARTICLE, seedNote } from '../test-support/seeded-article'
import { ClaimSession } from './claim-session'
import { startOpening } from './opening'

const cleanups: (() => void)[] = []

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

const SET = aSet({ analyst: 'Hanako', label: 'Hanako', created: '2025-08-19T10:00:00.000Z' })

function claim(id: string, start: number, end: number): Claim {
  return aClaim({ set: SET, text: ARTICLE.text, start, end, stance: 'speculative', author: 'Hanako', created: '2025-08-19T10:05:00.000Z', modified: '2025-08-19T10:05:00.000Z', id })
}

/** A database with the article, one set with two claims, and the prefs that reopen it. */
async function seeded(): Promise<{ db: WorkbenchDb; stored: Claim[] }> {
  const db = await freshDb('opening')
  const stored = [claim('b', 4, 11), claim('a', 23, 31)]
  await seedNote(db, [{ set: SET, claims: stored }])
  return { db, stored: [stored[0]!, stored[1]!] }
}

/** Let Dexie deliver storage events (local ones and those from other instances). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

describe('startOpening', () => {
  it('hands the claims of the set it read to the reader once', async () => {
    const { db, stored } = await seeded()
    const opening = startOpening(db)
    cleanups.push(opening.dispose)
    const read = await opening.read
    expect(read.document?.article).toStrictEqual(ARTICLE)
    expect(opening.forReader('another-document')).toBeNull()
    const reader = opening.forReader(ARTICLE.id)!
    expect(reader.document.sets).toStrictEqual([SET])
    expect(reader.takeClaims('another-set')).toBeNull()
    // The first call settles it: even the right set gets nothing now.
    expect(reader.takeClaims(SET.id)).toBeNull()

    const again = startOpening(db)
    cleanups.push(again.dispose)
    await again.read
    const fresh = again.forReader(ARTICLE.id)!
    expect(fresh.takeClaims(SET.id)).toStrictEqual({ claims: stored, edits: 0 })
    expect(fresh.takeClaims(SET.id)).toBeNull()
  })

  it('declines the claims once a claim was written after the read began, here or in another window', async () => {
    const { db } = await seeded()
    const here = startOpening(db)
    cleanups.push(here.dispose)
    await here.read
    await putClaim(db, claim('c', 12, 19))
    await settle()
    expect(here.forReader(ARTICLE.id)!.takeClaims(SET.id)).toBeNull()

    const other = await reopenDb(db.name)
    const elsewhere = startOpening(db)
    cleanups.push(elsewhere.dispose)
    await elsewhere.read
    await putClaim(other, claim('d', 32, 38))
    await settle()
    expect(elsewhere.forReader(ARTICLE.id)!.takeClaims(SET.id)).toBeNull()

    // Writes to other tables do not matter.
    const unaffected = startOpening(db)
    cleanups.push(unaffected.dispose)
    await unaffected.read
    await setPref(db, 'hintDismissed', true)
    await settle()
    expect(unaffected.forReader(ARTICLE.id)!.takeClaims(SET.id)).toMatchObject({ edits: 2 })
  })

  it('gives a session that starts loaded with the claims, without reading the set', async () => {
    const { db, stored } = await seeded()
    const opening = startOpening(db)
    cleanups.push(opening.dispose)
    await opening.read
    let reads = 0
    const getAll = IDBIndex.prototype.getAll
    IDBIndex.prototype.getAll = function (this: IDBIndex, ...args: Parameters<typeof getAll>) {
      if (this.objectStore.name === 'claimPages') reads++
      return getAll.apply(this, args)
    }
    cleanups.push(() => {
      IDBIndex.prototype.getAll = getAll
    })
    const session = new ClaimSession(db, SET.id, opening.forReader(ARTICLE.id)!.takeClaims(SET.id) ?? undefined)
    cleanups.push(() => session.dispose())
    expect(session.getSnapshot()).toMatchObject({ loaded: true, claims: stored, loadError: null })
    await settle()
    expect(reads).toBe(0)
  })

  it('rejects `read` when IndexedDB fails, and hands nothing over', async () => {
    const { db } = await seeded()
    db.close()
    const opening = startOpening(db)
    await expect(opening.read).rejects.toBeTruthy()
    expect(opening.forReader(ARTICLE.id)).toBeNull()
  })
})
