/**
 * The app's opening read over real IndexedDB: what it finds for a first run,
 * a remembered document with its sets and claims, a remembered set that is
 * gone, a document without sets, and a document that was deleted.
 */
import { describe, expect, it } from 'vitest'
import { finishArticle } from '../../../shared/article/import'
import type { Article } from '../../../shared/article/model'
import { createClaim } from '../../../shared/claims/create-claim'
import { compareClaimsInDocumentOrder, type AnnotationSet, type Claim } from '../../../shared/claims/model'
import { addSetWithClaims, deleteClaim, putClaim } from './claims-repo'
import type { WorkbenchDb } from './database'
import { freshDb } from '../test-support/fresh-db'
import { addDocument, deleteDocument } from './documents-repo'
import { activeSetOf, readOpening } from './opening-read'
import { PREF_DEFAULTS, setPref } from './prefs-repo'

const ARTICLE: Article = finishArticle(
  {
    title: '米露首脳会談',
    publishedOn: '2025-08-18',
    language: 'ja',
    format: 'text',
    blocks: [
      { type: 'paragraph', level: 0, text: '2025年8月、アラスカで開催された米露首脳会談。', marks: [] },
      { type: 'paragraph', level: 0, text: 'プーチン大統領は英語で「次はモスクワで」と述べた。𠮷', marks: [] },
    ],
  },
  { id: 'doc-1', sourceName: 'op-ed.txt', sourceBytes: 321, importedAt: '2025-08-19T09:00:00.000Z' },
)

async function store(db: WorkbenchDb, article: Article): Promise<void> {
  const { blocks, text, id, sha256, sourceName, sourceBytes, importedAt, ...parsedMeta } = article
  await addDocument(db, { parsed: { ...parsedMeta, blocks }, text, sha256, sourceName, sourceBytes, id, importedAt })
}

function set(id: string, created: string): AnnotationSet {
  return { id, documentId: ARTICLE.id, analyst: 'Hanako', label: id, created, origin: 'local' }
}

function claims(s: AnnotationSet, n: number): Claim[] {
  return Array.from({ length: n }, (_, i) => {
    const start = (i * 5) % (ARTICLE.text.length - 6)
    return createClaim({ set: s, text: ARTICLE.text, start, end: start + 4, stance: i % 2 ? 'evidenced' : 'speculative', author: 'Hanako', now: '2025-08-19T10:00:00.000Z', id: `${s.id}-c${i}` })
  })
}

describe('readOpening', () => {
  it('on a first run says the library is not seeded yet', async () => {
    const db = await freshDb('opening')
    expect(await readOpening(db.backendDB())).toEqual({ seeded: false, document: null })
  })

  it('reads the last document with its sets, the remembered set and its claims in document order', async () => {
    const db = await freshDb('opening')
    await store(db, ARTICLE)
    const older = set('older', '2025-08-19T10:00:00.000Z')
    const newer = set('newer', '2025-08-20T10:00:00.000Z')
    const newerClaims = claims(newer, 90)
    await addSetWithClaims(db, newer, newerClaims)
    await addSetWithClaims(db, older, claims(older, 5))
    await Promise.all([setPref(db, 'seeded', true), setPref(db, 'lastDocumentId', ARTICLE.id), setPref(db, 'activeSets', { [ARTICLE.id]: 'newer' })])

    expect(await readOpening(db.backendDB())).toStrictEqual({
      seeded: true,
      document: { article: ARTICLE, sets: [older, newer], chosenSetId: 'newer', active: { setId: 'newer', claims: [...newerClaims].sort(compareClaimsInDocumentOrder), edits: 0 } },
    })
  })

  it('falls back to the oldest set when the remembered one is gone, and reads no claims without a set', async () => {
    const db = await freshDb('opening')
    await store(db, ARTICLE)
    await Promise.all([setPref(db, 'seeded', true), setPref(db, 'lastDocumentId', ARTICLE.id), setPref(db, 'activeSets', { [ARTICLE.id]: 'deleted' })])
    expect((await readOpening(db.backendDB())).document).toMatchObject({ sets: [], chosenSetId: 'deleted', active: null })

    const only = set('only', '2025-08-19T10:00:00.000Z')
    const onlyClaims = claims(only, 3)
    await addSetWithClaims(db, only, onlyClaims)
    expect((await readOpening(db.backendDB())).document?.active).toStrictEqual({ setId: 'only', claims: [...onlyClaims].sort(compareClaimsInDocumentOrder), edits: 0 })

    // Saved and deleted claims (the journal) are read with the pages.
    const saved = { ...onlyClaims[0]!, note: 'saved since', modified: '2025-08-19T11:00:00.000Z' }
    await putClaim(db, saved)
    await deleteClaim(db, onlyClaims[1]!)
    expect((await readOpening(db.backendDB())).document?.active).toStrictEqual({ setId: 'only', claims: [saved, onlyClaims[2]!].sort(compareClaimsInDocumentOrder), edits: 2 })
  })

  it('finds no document when the remembered one was deleted', async () => {
    const db = await freshDb('opening')
    await store(db, ARTICLE)
    await Promise.all([setPref(db, 'seeded', true), setPref(db, 'lastDocumentId', ARTICLE.id)])
    await deleteDocument(db, ARTICLE.id)
    expect(await readOpening(db.backendDB())).toEqual({ seeded: true, document: null })
  })
})

describe('the prefs it reads', () => {
  it('default as PREF_DEFAULTS says when unset', async () => {
    const db = await freshDb('opening')
    // The read cannot import prefs-repo (it would pull the catalogs into the entry chunk), so it repeats these.
    expect({ seeded: PREF_DEFAULTS.seeded, lastDocumentId: PREF_DEFAULTS.lastDocumentId, activeSets: PREF_DEFAULTS.activeSets }).toEqual({ seeded: false, lastDocumentId: null, activeSets: {} })
    await setPref(db, 'seeded', true)
    expect(await readOpening(db.backendDB())).toEqual({ seeded: true, document: null })
  })

  it('reads a stored value of the wrong shape as the default, as prefs-repo does', async () => {
    const db = await freshDb('opening')
    await store(db, ARTICLE)
    const only = set('only', '2025-08-19T10:00:00.000Z')
    await addSetWithClaims(db, only, claims(only, 2))
    // What an older or foreign build might have left: the right keys, the wrong shapes.
    await db.prefs.bulkPut([{ key: 'seeded', value: 'yes' }, { key: 'lastDocumentId', value: ARTICLE.id }])
    expect(await readOpening(db.backendDB())).toEqual({ seeded: false, document: null })

    await db.prefs.put({ key: 'seeded', value: true })
    await db.workRecords.put({ key: 'activeSets', value: { [ARTICLE.id]: 42 } })
    expect((await readOpening(db.backendDB())).document).toMatchObject({ chosenSetId: null, active: { setId: 'only' } })
    await db.workRecords.put({ key: 'activeSets', value: [ARTICLE.id] })
    expect((await readOpening(db.backendDB())).document).toMatchObject({ chosenSetId: null, active: { setId: 'only' } })
    await db.prefs.put({ key: 'lastDocumentId', value: 7 })
    expect(await readOpening(db.backendDB())).toEqual({ seeded: true, document: null })
  })

  it('rejects when the connection cannot read', async () => {
    const db = await freshDb('opening')
    const native = db.backendDB()
    db.close()
    await expect(readOpening(native)).rejects.toMatchObject({ name: 'InvalidStateError' })
  })
})

describe('activeSetOf', () => {
  it('is the chosen set when present, else the first, else null', () => {
    const a = set('a', '2025-08-19T10:00:00.000Z')
    const b = set('b', '2025-08-20T10:00:00.000Z')
    expect(activeSetOf([a, b], 'b')).toBe(b)
    expect(activeSetOf([a, b], 'gone')).toBe(a)
    expect(activeSetOf([a, b], null)).toBe(a)
    expect(activeSetOf([], 'b')).toBeNull()
  })

  it('prefers the analyst\'s own set to an older colleague\'s followed one, unless that is chosen or the only kind', () => {
    const theirs = { ...set('theirs', '2025-08-19T10:00:00.000Z'), followed: { iri: 'http://127.0.0.1:8787/sets/theirs/', owner: 'Aiko', etag: null } }
    const mine = set('mine', '2025-08-20T10:00:00.000Z')
    expect(activeSetOf([theirs, mine], null)).toBe(mine)
    expect(activeSetOf([theirs, mine], 'theirs')).toBe(theirs)
    expect(activeSetOf([theirs], null)).toBe(theirs)
  })
})
