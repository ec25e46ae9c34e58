/**
 * Annotation sets and claims over real IndexedDB: order, replacement, deletion
 * and the all-or-nothing import of a set with its claims.
 */
import { describe, expect, it } from 'vitest'
import { createClaim } from '../../../shared/claims/create-claim'
import { compareClaimsInDocumentOrder, type AnnotationSet, type Claim } from '../../../shared/claims/model'
import { StorageError } from '../../../shared/errors'
import { addSet, addSetWithClaims, deleteClaim, deleteSet, foldClaimEdits, listClaims, listSets, putClaim, storedClaimIds } from './claims-repo'
import type { WorkbenchDb } from './database'
import { freshDb } from '../test-support/fresh-db'

const TEXT = '米露首脳会談は、アラスカで開催された。プーチン大統領は英語で「次はモスクワで」と述べた。𠮷野家の話ではない。'

function set(id: string, documentId = 'doc', created = '2025-08-19T10:00:00.000Z'): AnnotationSet {
  return { id, documentId, analyst: '山田', label: `Set ${id}`, created, origin: 'local' }
}

function claim(s: AnnotationSet, id: string, start: number, end: number, stance: Claim['stance'] = 'evidenced'): Claim {
  return createClaim({ set: s, text: TEXT, start, end, stance, author: '山田', now: '2025-08-19T10:05:00.000Z', id })
}

/** How many claims are stored, in all sets: those in pages and in journals, less the deleted. */
async function storedClaimCount(db: WorkbenchDb): Promise<number> {
  const [pages, edits] = await Promise.all([db.claimPages.toArray(), db.claimEdits.toArray()])
  const stored = new Set(pages.flatMap((page) => page.claims.map((c) => `${c.setId} ${c.id}`)))
  for (const edit of edits) {
    if (edit.claim) stored.add(`${edit.setId} ${edit.id}`)
    else stored.delete(`${edit.setId} ${edit.id}`)
  }
  return stored.size
}

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(StorageError)
  return error as StorageError
}

describe('listSets', () => {
  it('lists the sets of one document, oldest first, ties by id', async () => {
    const db = await freshDb('claims')
    await addSet(db, set('b', 'doc', '2025-08-19T10:00:00.000Z'))
    await addSet(db, set('c', 'doc', '2025-08-18T10:00:00.000Z'))
    await addSet(db, set('a', 'doc', '2025-08-19T10:00:00.000Z'))
    await addSet(db, set('other', 'another-doc', '2025-08-01T10:00:00.000Z'))
    expect((await listSets(db, 'doc')).map((s) => s.id)).toEqual(['c', 'a', 'b'])
    expect(await listSets(db, 'another-doc')).toStrictEqual([set('other', 'another-doc', '2025-08-01T10:00:00.000Z')])
    expect(await listSets(db, 'nothing')).toEqual([])
  })

  it('refuses a second set with the same id', async () => {
    const db = await freshDb('claims')
    await addSet(db, set('a'))
    const error = await rejection(addSet(db, { ...set('a'), label: 'copy' }))
    expect(error.code).toBe('storage-write-failed')
    expect((await listSets(db, 'doc'))[0]?.label).toBe('Set a')
  })
})

describe('listClaims', () => {
  it('returns one set’s claims in document order whatever the insertion order, as plain claims', async () => {
    const db = await freshDb('claims')
    const s = set('s1')
    const other = set('s2')
    const claims = [claim(s, 'late', 40, 45), claim(s, 'early', 0, 6), claim(s, 'surrogate', 46, 50), claim(s, 'middle', 9, 18, 'speculative')]
    for (const c of claims) await putClaim(db, c)
    await putClaim(db, claim(other, 'foreign', 1, 3))
    const listed = await listClaims(db, 's1')
    expect(listed.map((c) => c.id)).toEqual(['early', 'middle', 'late', 'surrogate'])
    // The index field `start` stays in storage: callers get exactly what they stored.
    expect(listed).toStrictEqual([...claims].sort(compareClaimsInDocumentOrder))
    expect(await listClaims(db, 's2')).toHaveLength(1)
    expect(await listClaims(db, 'unknown')).toEqual([])
  })

  it('orders claims that start together as compareClaimsInDocumentOrder does: longer first, then id', async () => {
    const db = await freshDb('claims')
    const s = set('s1')
    // Ids chosen so that primary key order (the index's tie-break) disagrees with document order.
    const claims = [claim(s, 'a-short', 9, 11), claim(s, 'b-long', 9, 18), claim(s, 'c-mid', 9, 14), claim(s, 'd-short', 9, 11)]
    for (const c of claims) await putClaim(db, c)
    expect((await listClaims(db, 's1')).map((c) => c.id)).toEqual(['b-long', 'c-mid', 'a-short', 'd-short'])
  })
})

describe('putClaim and deleteClaim', () => {
  it('replaces a claim with the same id, moving it when its span changed', async () => {
    const db = await freshDb('claims')
    const s = set('s1')
    const first = claim(s, 'first', 0, 6)
    const second = claim(s, 'second', 9, 18)
    await putClaim(db, first)
    await putClaim(db, second)
    const moved: Claim = { ...claim(s, 'first', 40, 45), note: '根拠は？', modified: '2025-08-19T11:00:00.000Z' }
    await putClaim(db, moved)
    expect(await listClaims(db, 's1')).toStrictEqual([second, moved])
    expect(await storedClaimCount(db)).toBe(2)
  })

  it('deletes one claim and ignores an unknown one', async () => {
    const db = await freshDb('claims')
    const s = set('s1')
    const one = claim(s, 'one', 0, 6)
    await putClaim(db, one)
    await putClaim(db, claim(s, 'two', 9, 18))
    await deleteClaim(db, one)
    await deleteClaim(db, { id: 'never-there', setId: 's1', documentId: 'doc' })
    expect((await listClaims(db, 's1')).map((c) => c.id)).toEqual(['two'])
    expect(await storedClaimCount(db)).toBe(1)
  })

  it('saves a claim as one journal record, without reading anything', async () => {
    const db = await freshDb('claims')
    const s = set('s1')
    await addSetWithClaims(db, s, [claim(s, 'paged', 0, 6)])
    const reads: string[] = []
    const patched = (['get', 'getAll', 'openCursor', 'count'] as const).map((method) => {
      const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => unknown
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: unknown[]) {
        reads.push(`${this.name}.${method}`)
        return original.apply(this, args)
      } as never
      return () => {
        IDBObjectStore.prototype[method] = original as never
      }
    })
    try {
      await putClaim(db, claim(s, 'new', 9, 18))
      await deleteClaim(db, claim(s, 'paged', 0, 6))
    } finally {
      for (const restore of patched) restore()
    }
    expect(reads).toEqual([])
    expect(await db.claimEdits.count()).toBe(2)
    expect((await listClaims(db, 's1')).map((c) => c.id)).toEqual(['new'])
  })
})

describe('foldClaimEdits', () => {
  it('folds a journal into the pages: the set reads the same, the journal is empty, emptied pages go', async () => {
    const db = await freshDb('claims')
    const s = set('big')
    const other = set('other')
    const text = 'あいうえおかきくけこ'.repeat(60)
    const make = (i: number, on = s) =>
      createClaim({ set: on, text, start: (i * 7) % 590, end: ((i * 7) % 590) + 3 + (i % 5), stance: i % 3 ? 'evidenced' : 'speculative', author: 'a', now: '2025-08-19T10:05:00.000Z', id: `${on.id}-${i}` })
    const claims = Array.from({ length: 400 }, (_, i) => make(i))
    await addSetWithClaims(db, s, claims.slice(0, 200))
    await addSetWithClaims(db, other, [make(1, other)])
    // The rest one by one, in reverse, as edits arrive; then edits of paged claims and deletions.
    for (const c of claims.slice(200).reverse()) await putClaim(db, c)
    const edited = { ...claims[3]!, note: 'edited', modified: '2025-08-19T11:00:00.000Z' }
    await putClaim(db, edited)
    for (const c of claims.slice(100, 200)) await deleteClaim(db, c)
    const expected = [...claims.slice(0, 100).map((c) => (c.id === edited.id ? edited : c)), ...claims.slice(200)].sort(compareClaimsInDocumentOrder)
    expect(await listClaims(db, 'big')).toStrictEqual(expected)

    expect(await foldClaimEdits(db, 'big')).toBe(301)
    expect(await db.claimEdits.count()).toBe(0)
    expect(await listClaims(db, 'big')).toStrictEqual(expected)
    expect(await listClaims(db, 'other')).toStrictEqual([make(1, other)])
    const pages = await db.claimPages.where('setId').equals('big').toArray()
    expect(pages.length).toBeLessThanOrEqual(64)
    for (const page of pages) {
      expect(page.claims.length).toBeGreaterThan(0)
      expect(page.claims).toStrictEqual([...page.claims].sort(compareClaimsInDocumentOrder))
      expect(page.claimIds).toEqual(page.claims.map((c) => c.id))
    }
    expect(await foldClaimEdits(db, 'big')).toBe(0)

    // Deleting every claim empties every page, and folding removes them.
    for (const c of expected) await deleteClaim(db, c)
    await foldClaimEdits(db, 'big')
    expect(await db.claimPages.where('setId').equals('big').count()).toBe(0)
    expect(await storedClaimCount(db)).toBe(1)
  })
})

describe('storedClaimIds', () => {
  it('names the ids stored in any set, in pages or journals, and not deleted ones', async () => {
    const db = await freshDb('claims')
    await addSetWithClaims(db, set('a'), [claim(set('a'), 'a1', 0, 6), claim(set('a'), 'a2', 9, 18), claim(set('a'), 'a3', 20, 25)])
    await addSetWithClaims(db, set('b'), [claim(set('b'), 'b1', 0, 6)])
    await putClaim(db, claim(set('b'), 'b2', 9, 18))
    await deleteClaim(db, claim(set('a'), 'a3', 20, 25))
    expect(await storedClaimIds(db, ['a2', 'b1', 'b2', 'a3', 'new', 'a2'])).toEqual(new Set(['a2', 'b1', 'b2']))
    expect(await storedClaimIds(db, [])).toEqual(new Set())
  })
})

describe('deleteSet', () => {
  it('removes the set and its claims only', async () => {
    const db = await freshDb('claims')
    const gone = set('gone')
    const kept = set('kept')
    await addSetWithClaims(db, gone, [claim(gone, 'g1', 0, 6), claim(gone, 'g2', 9, 18)])
    const keptClaims = [claim(kept, 'k1', 0, 6)]
    await addSetWithClaims(db, kept, keptClaims)
    await putClaim(db, claim(gone, 'g3', 20, 25))
    await deleteClaim(db, claim(gone, 'g1', 0, 6))
    await deleteSet(db, 'gone')
    expect(await listSets(db, 'doc')).toStrictEqual([kept])
    expect(await listClaims(db, 'gone')).toEqual([])
    expect(await db.claimEdits.count()).toBe(0)
    expect(await listClaims(db, 'kept')).toStrictEqual(keptClaims)
  })
})

describe('addSetWithClaims', () => {
  it('stores the set and all its claims', async () => {
    const db = await freshDb('claims')
    const s = set('imported')
    const claims = [claim(s, 'x', 40, 45), claim(s, 'y', 0, 6)]
    await addSetWithClaims(db, { ...s, origin: 'imported' }, claims)
    expect(await listSets(db, 'doc')).toStrictEqual([{ ...s, origin: 'imported' }])
    expect(await listClaims(db, 'imported')).toStrictEqual([claims[1], claims[0]])
  })

  it('stores nothing when two claims share an id', async () => {
    const db = await freshDb('claims')
    const s = set('imported')
    const error = await rejection(addSetWithClaims(db, s, [claim(s, 'x', 0, 6), claim(s, 'dup', 9, 18), claim(s, 'dup', 40, 45)]))
    expect(error.code).toBe('storage-write-failed')
    expect(error.userMessage).toMatch(/^Not saved/)
    expect(await db.sets.count()).toBe(0)
    expect(await storedClaimCount(db)).toBe(0)
  })

  it('stores nothing when a claim has an id that cannot be a key', async () => {
    const db = await freshDb('claims')
    const s = set('imported')
    const bad = { ...claim(s, 'ok', 9, 18), id: undefined } as unknown as Claim
    await rejection(addSetWithClaims(db, s, [claim(s, 'first', 0, 6), bad]))
    expect(await db.sets.count()).toBe(0)
    expect(await storedClaimCount(db)).toBe(0)
  })

  it('stores nothing when a claim collides with one already stored, and keeps the stored one', async () => {
    const db = await freshDb('claims')
    const existingSet = set('existing')
    const existing = claim(existingSet, 'taken', 0, 6)
    await addSetWithClaims(db, existingSet, [existing])
    const s = set('imported')
    await rejection(addSetWithClaims(db, s, [claim(s, 'fresh', 9, 18), claim(s, 'taken', 40, 45)]))
    expect(await listSets(db, 'doc')).toStrictEqual([existingSet])
    expect(await storedClaimCount(db)).toBe(1)
    expect(await listClaims(db, 'existing')).toStrictEqual([existing])

    // A claim saved since (in the journal) is as taken as one in a page.
    const saved = claim(existingSet, 'saved', 20, 25)
    await putClaim(db, saved)
    const error = await rejection(addSetWithClaims(db, s, [claim(s, 'saved', 40, 45)]))
    expect(error.code).toBe('storage-write-failed')
    expect(await listSets(db, 'doc')).toStrictEqual([existingSet])
    expect(await listClaims(db, 'existing')).toStrictEqual([existing, saved])
  })
})
