/**
 * The library over real IndexedDB: adding, listing, reading, renaming and
 * deleting documents, and what a failed write leaves behind (nothing).
 */
import { describe, expect, it } from 'vitest'
import { finishArticle } from '../../../shared/article/import'
import type { Article, ParsedArticle } from '../../../shared/article/model'
import { createClaim } from '../../../shared/claims/create-claim'
import type { AnnotationSet } from '../../../shared/claims/model'
import { StorageError } from '../../../shared/errors'
import { addSetWithClaims, listClaims, listSets } from './claims-repo'
import type { WorkbenchDb } from './database'
import { abortWritesLikeChromeOnFullDisk, throwOnWrites } from '../test-support/failing-writes'
import { freshDb } from '../test-support/fresh-db'
import { addDocument, deleteDocument, findDocumentBySha, getArticle, listDocuments, renameDocument, type NewDocument } from './documents-repo'

function parsed(title: string, paragraphs: string[]): ParsedArticle {
  return {
    title,
    publishedOn: '2025-08-18',
    language: 'ja',
    format: 'text',
    blocks: paragraphs.map((text) => ({ type: 'paragraph', level: 0, text, marks: [] })),
  }
}

function newDocument(id: string, importedAt: string, article: ParsedArticle): { input: NewDocument; expected: Article } {
  const expected = finishArticle(article, { id, sourceName: `${id}.txt`, sourceBytes: 1234, importedAt })
  return { input: { parsed: article, text: expected.text, sha256: expected.sha256, sourceName: expected.sourceName, sourceBytes: 1234, id, importedAt }, expected }
}

const OP_ED = parsed('米露首脳会談', ['2025年8月、アラスカで開催された米露首脳会談。', 'プーチン大統領は英語で「次はモスクワで」と述べた。𠮷'])
const NOTE = parsed('A note', ['A short English note.'])

function set(id: string, documentId: string, created: string): AnnotationSet {
  return { id, documentId, analyst: 'Hanako', label: id, created, origin: 'local' }
}

async function counts(db: WorkbenchDb) {
  return { documents: await db.documents.count(), bodies: await db.bodies.count(), sets: await db.sets.count(), claims: (await db.claimPages.toArray()).reduce((n, page) => n + page.claims.length, 0) }
}

describe('addDocument, listDocuments and getArticle', () => {
  it('stores a document with its body and reads the whole article back', async () => {
    const db = await freshDb('docs')
    const { input, expected } = newDocument('d1', '2025-08-19T09:00:00.000Z', OP_ED)
    const result = await addDocument(db, input)
    expect(result.status).toBe('added')
    const { text: _text, blocks: _blocks, ...meta } = expected
    expect(result.document).toStrictEqual(meta)
    expect(await getArticle(db, 'd1')).toStrictEqual(expected)
    expect(await findDocumentBySha(db, expected.sha256)).toStrictEqual(meta)
  })

  it('lists newest import first, without bodies', async () => {
    const db = await freshDb('docs')
    await addDocument(db, newDocument('older', '2025-08-19T09:00:00.000Z', OP_ED).input)
    await addDocument(db, newDocument('newer', '2025-08-20T09:00:00.000Z', NOTE).input)
    const listed = await listDocuments(db)
    expect(listed.map((d) => d.id)).toEqual(['newer', 'older'])
    for (const doc of listed) {
      expect(doc).not.toHaveProperty('text')
      expect(doc).not.toHaveProperty('blocks')
    }
  })

  it('returns null for an unknown id or hash', async () => {
    const db = await freshDb('docs')
    expect(await getArticle(db, 'nope')).toBeNull()
    expect(await findDocumentBySha(db, '0'.repeat(64))).toBeNull()
  })

  it('finds the stored document when the same text is added again', async () => {
    const db = await freshDb('docs')
    const first = await addDocument(db, newDocument('first', '2025-08-19T09:00:00.000Z', OP_ED).input)
    // Same text under another title, file name and id: still the same document.
    const again = await addDocument(db, newDocument('second', '2025-08-21T09:00:00.000Z', { ...OP_ED, title: 'Renamed copy' }).input)
    expect(again).toStrictEqual({ status: 'exists', document: first.document })
    expect(await counts(db)).toEqual({ documents: 1, bodies: 1, sets: 0, claims: 0 })
    expect(await getArticle(db, 'second')).toBeNull()
  })
})

describe('renameDocument', () => {
  it('stores the trimmed title and leaves the text alone', async () => {
    const db = await freshDb('docs')
    const { input, expected } = newDocument('d1', '2025-08-19T09:00:00.000Z', OP_ED)
    await addDocument(db, input)
    await renameDocument(db, 'd1', '  アラスカ会談  ')
    expect(await getArticle(db, 'd1')).toStrictEqual({ ...expected, title: 'アラスカ会談' })
  })

  it.each(['', '   ', '\u3000\n'])('refuses the empty title %j with a RangeError and keeps the old one', async (title) => {
    const db = await freshDb('docs')
    await addDocument(db, newDocument('d1', '2025-08-19T09:00:00.000Z', OP_ED).input)
    await expect(renameDocument(db, 'd1', title)).rejects.toThrow(RangeError)
    expect((await listDocuments(db))[0]?.title).toBe(OP_ED.title)
  })
})

describe('deleteDocument', () => {
  it('removes the document, its body, sets and claims, and nothing of other documents', async () => {
    const db = await freshDb('docs')
    const gone = newDocument('gone', '2025-08-19T09:00:00.000Z', OP_ED)
    const kept = newDocument('kept', '2025-08-20T09:00:00.000Z', NOTE)
    await addDocument(db, gone.input)
    await addDocument(db, kept.input)
    const claimOn = (s: AnnotationSet, text: string, id: string) =>
      createClaim({ set: s, text, start: 0, end: 4, stance: 'evidenced', author: 'Hanako', now: '2025-08-19T10:00:00.000Z', id })
    const goneSets = [set('g1', 'gone', '2025-08-19T10:00:00.000Z'), set('g2', 'gone', '2025-08-19T11:00:00.000Z')]
    const keptSet = set('k1', 'kept', '2025-08-20T10:00:00.000Z')
    await addSetWithClaims(db, goneSets[0]!, [claimOn(goneSets[0]!, gone.expected.text, 'c1'), claimOn(goneSets[0]!, gone.expected.text, 'c2')])
    await addSetWithClaims(db, goneSets[1]!, [claimOn(goneSets[1]!, gone.expected.text, 'c3')])
    const keptClaim = claimOn(keptSet, kept.expected.text, 'c4')
    await addSetWithClaims(db, keptSet, [keptClaim])

    await deleteDocument(db, 'gone')
    expect(await getArticle(db, 'gone')).toBeNull()
    expect(await listSets(db, 'gone')).toEqual([])
    expect(await counts(db)).toEqual({ documents: 1, bodies: 1, sets: 1, claims: 1 })
    expect(await getArticle(db, 'kept')).toStrictEqual(kept.expected)
    expect(await listClaims(db, 'k1')).toStrictEqual([keptClaim])
    // The same text can be imported again once deleted.
    expect((await addDocument(db, gone.input)).status).toBe('added')
  })

  it('is a no-op for an unknown id', async () => {
    const db = await freshDb('docs')
    await addDocument(db, newDocument('d1', '2025-08-19T09:00:00.000Z', OP_ED).input)
    await deleteDocument(db, 'nope')
    expect(await counts(db)).toEqual({ documents: 1, bodies: 1, sets: 0, claims: 0 })
  })
})

describe('a failing addDocument stores nothing', () => {
  async function expectStorageError(promise: Promise<unknown>, code: string): Promise<StorageError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(StorageError)
    expect((error as StorageError).code).toBe(code)
    return error as StorageError
  }

  it('maps QuotaExceededError thrown by the body write to storage-quota and rolls back the document', async () => {
    const db = await freshDb('docs')
    throwOnWrites('add', 'bodies', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
    const { input } = newDocument('d1', '2025-08-19T09:00:00.000Z', OP_ED)
    const error = await expectStorageError(addDocument(db, input), 'storage-quota')
    expect(error.userMessage).toMatch(/quota is full/)
    expect(await counts(db)).toEqual({ documents: 0, bodies: 0, sets: 0, claims: 0 })
  })

  it("maps Chromium's full-disk abort (AbortError wrapping QuotaExceededError) to storage-quota", async () => {
    const db = await freshDb('docs')
    abortWritesLikeChromeOnFullDisk('add', 'bodies')
    const { input } = newDocument('d1', '2025-08-19T09:00:00.000Z', OP_ED)
    const error = await expectStorageError(addDocument(db, input), 'storage-quota')
    expect(error.cause).toMatchObject({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })
    expect(await counts(db)).toEqual({ documents: 0, bodies: 0, sets: 0, claims: 0 })
  })

  it('rolls back the document when its body collides with a stray body of the same id', async () => {
    const db = await freshDb('docs')
    const stray = { id: 'd1', blocks: [], text: 'left over' }
    await db.bodies.add(stray)
    const { input } = newDocument('d1', '2025-08-19T09:00:00.000Z', OP_ED)
    const error = await expectStorageError(addDocument(db, input), 'storage-write-failed')
    expect(error.userMessage).toMatch(/^Not saved/)
    expect(await db.documents.count()).toBe(0)
    expect(await db.bodies.toArray()).toStrictEqual([stray])
  })
})
