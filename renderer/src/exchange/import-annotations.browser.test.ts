/**
 * Importing annotation files into real IndexedDB: the article is found by the
 * file's hash or is the open one; a set is stored whole or not at all; ids
 * stay unique when a file is imported twice.
 */
import { describe, expect, it } from 'vitest'
import hypothesisJson from '../../../fixtures/w3c/hypothesis-seed.json?raw'
import seedSetJson from '../../../fixtures/w3c/seed-set.jsonld?raw'
import { bundledArticleFile } from '../import/bundled-article'
import { importArticle } from '../import/import-article'
import { deleteClaim, listClaims, listSets } from '../storage/claims-repo'
import type { WorkbenchDb } from '../storage/database'
import { freshDb } from '../test-support/fresh-db'
import { getArticle } from '../storage/documents-repo'
import { w3cExportRequest } from './export-w3c'
import { importAnnotationFile, type ImportedOutcome, type ImportOutcome } from './import-annotations'
import { refusalOf } from '../../../shared/testing-refusal'

const NOW = '2025-09-01T12:00:00.000Z'

async function seededDb(): Promise<{ db: WorkbenchDb; documentId: string }> {
  const db = await freshDb('exchange')
  const { document } = await importArticle(db, bundledArticleFile())
  return { db, documentId: document.id }
}

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) })


/** The outcome of an import that stored a set (fails the test otherwise). */
function stored(outcome: ImportOutcome): ImportedOutcome {
  if (outcome.status !== 'imported') throw new Error(`expected a stored import, got ${outcome.status}`)
  return outcome
}

async function storedCounts(db: WorkbenchDb) {
  return { sets: await db.sets.count(), claims: (await db.claimPages.toArray()).reduce((n, page) => n + page.claims.length, 0) }
}

describe('importAnnotationFile', () => {
  it('puts the app’s own export on the article its hash names, with no article open, and exports the same bytes again', async () => {
    const { db, documentId } = await seededDb()
    const outcome = stored(await importAnnotationFile(db, file('seed-set.jsonld', seedSetJson), { openDocumentId: null, now: NOW }))
    expect(outcome.documentId).toBe(documentId)
    expect(outcome.set).toMatchObject({ id: '3f2b8c1e-9d4a-4e6b-8f7c-1a2b3c4d5e6f', label: 'Seed review', analyst: 'Mika Tanaka', origin: 'imported' })
    expect(outcome.report.byPosition).toBe(4)
    const [set] = await listSets(db, documentId)
    const claims = await listClaims(db, set!.id)
    expect(claims).toHaveLength(4)
    const article = (await getArticle(db, documentId))!
    expect(w3cExportRequest(article, set!, claims).data).toBe(seedSetJson)
  })

  it('says when the same file is imported again and stores nothing until told what to do', async () => {
    const { db, documentId } = await seededDb()
    const first = stored(await importAnnotationFile(db, file('hypothesis-seed.json', hypothesisJson), { openDocumentId: documentId }))
    const again = await importAnnotationFile(db, file('renamed copy.json', hypothesisJson), { openDocumentId: documentId })
    expect(again).toEqual({ status: 'already-imported', documentId, existing: first.set, existingClaims: 4 })
    expect(await storedCounts(db)).toEqual({ sets: 1, claims: 4 })
  })

  it('updates the earlier set from the file when asked: same set, the file’s claims again', async () => {
    const { db, documentId } = await seededDb()
    const first = stored(await importAnnotationFile(db, file('hypothesis-seed.json', hypothesisJson), { openDocumentId: documentId }))
    const before = await listClaims(db, first.set.id)
    await deleteClaim(db, before[0]!)
    expect(await listClaims(db, first.set.id)).toHaveLength(3)
    const updated = stored(await importAnnotationFile(db, file('hypothesis-seed.json', hypothesisJson), { openDocumentId: documentId, again: 'update' }))
    expect(updated.updated).toBe(true)
    expect(updated.report.updated).toBe(true)
    expect(updated.set).toEqual(first.set)
    expect(await listSets(db, documentId)).toEqual([first.set])
    const claims = await listClaims(db, first.set.id)
    expect(claims).toHaveLength(4)
    expect(claims.map((c) => c.target)).toEqual(before.map((c) => c.target))
    expect(await storedCounts(db)).toEqual({ sets: 1, claims: 4 })
  })

  it('recognises the app’s own export of a stored set as that set', async () => {
    const { db, documentId } = await seededDb()
    const first = stored(await importAnnotationFile(db, file('seed-set.jsonld', seedSetJson), { openDocumentId: documentId }))
    const article = (await getArticle(db, documentId))!
    const exported = w3cExportRequest(article, first.set, await listClaims(db, first.set.id)).data
    const again = await importAnnotationFile(db, file('Seed review.jsonld', `${exported} `), { openDocumentId: documentId })
    expect(again).toMatchObject({ status: 'already-imported', existing: { id: first.set.id } })
  })

  it('imports the same file twice as two independent sets with fresh ids when asked for a new set', async () => {
    const { db, documentId } = await seededDb()
    const first = stored(await importAnnotationFile(db, file('seed-set.jsonld', seedSetJson), { openDocumentId: documentId }))
    const second = stored(await importAnnotationFile(db, file('seed-set.jsonld', seedSetJson), { openDocumentId: documentId, again: 'new' }))
    expect(second.set.id).not.toBe(first.set.id)
    const a = await listClaims(db, first.set.id)
    const b = await listClaims(db, second.set.id)
    expect(b).toHaveLength(4)
    expect(b.map((c) => c.id).filter((id) => a.some((x) => x.id === id))).toEqual([])
    expect(b.map((c) => c.target)).toEqual(a.map((c) => c.target))
    expect(await storedCounts(db)).toEqual({ sets: 2, claims: 8 })
  })

  it('puts Hypothesis JSON on the open article and keeps the orphan, flagged', async () => {
    const { db, documentId } = await seededDb()
    const outcome = stored(await importAnnotationFile(db, file('hypothesis-seed.json', hypothesisJson), { openDocumentId: documentId }))
    expect(outcome.report).toMatchObject({ total: 4, anchored: 3, byQuote: 2, orphans: [{ quote: '日銀は政策金利を据え置き、円安の進行を注視する姿勢を示した' }] })
    // The file's page address travels with the set, to be exported beside the text's hash.
    expect(outcome.set.sourceUrl).toBe('https://news.example.jp/opinion/2025/08/18/alaska-summit')
    expect(outcome.report.fuzzy).toHaveLength(1)
    const claims = await listClaims(db, outcome.set.id)
    expect(claims.filter((c) => c.orphan === true).map((c) => c.target.quote.exact)).toEqual(outcome.report.orphans.map((o) => o.quote))
    expect(claims.every((c) => c.documentId === documentId && c.setId === outcome.set.id)).toBe(true)
  })

  it('refuses a file for no known article when none is open, and stores nothing', async () => {
    const { db } = await seededDb()
    const error = await refusalOf(importAnnotationFile(db, file('hypothesis-seed.json', hypothesisJson), { openDocumentId: null }))
    expect(error.code).toBe('no-article')
    expect(error.userMessage).toContain('hypothesis-seed.json')
    expect(await storedCounts(db)).toEqual({ sets: 0, claims: 0 })
  })

  it('refuses bad files with the parser’s message and stores nothing', async () => {
    const { db, documentId } = await seededDb()
    const options = { openDocumentId: documentId }
    expect((await refusalOf(importAnnotationFile(db, file('notes.json', 'not JSON at all'), options))).code).toBe('not-json')
    const hostile = seedSetJson.replace('https://example.org/transcripts/2025-08-15', 'javascript:alert(1)')
    const unsafe = await refusalOf(importAnnotationFile(db, file('hostile.jsonld', hostile), options))
    expect(unsafe.code).toBe('unsafe-url')
    expect(unsafe.userMessage).toContain('hostile.jsonld')
    const empty = await refusalOf(importAnnotationFile(db, file('empty.json', '{"total": 0, "rows": []}'), options))
    expect(empty.code).toBe('empty')
    expect(await storedCounts(db)).toEqual({ sets: 0, claims: 0 })
  })
})
