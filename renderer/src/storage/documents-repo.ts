/**
 * The library: documents and their immutable bodies. A document is identified by
 * the SHA-256 of its canonical text, so importing the same text twice finds the
 * stored one instead of adding a copy.
 */
import type { Article, ParsedArticle } from '../../../shared/article/model'
import type { WorkbenchDb } from './database'
import type { DocumentRecord } from './records'
import { forgetDocumentPrefs, prefTables } from './prefs-repo'
import { writeFailure } from './write-errors'

export type AddDocumentResult = { status: 'added'; document: DocumentRecord } | { status: 'exists'; document: DocumentRecord }

export interface NewDocument {
  parsed: ParsedArticle
  text: string
  sha256: string
  sourceName: string
  sourceBytes: number
  id: string
  importedAt: string
}

/** All documents, newest import first. Never loads bodies. */
export async function listDocuments(db: WorkbenchDb): Promise<DocumentRecord[]> {
  return db.documents.orderBy('importedAt').reverse().toArray()
}

/** The whole article, or null when no document has that id. */
export async function getArticle(db: WorkbenchDb, id: string): Promise<Article | null> {
  return db.transaction('r', db.documents, db.bodies, async () => {
    const [meta, body] = await Promise.all([db.documents.get(id), db.bodies.get(id)])
    if (!meta || !body) return null
    return { ...meta, blocks: body.blocks, text: body.text }
  })
}

/**
 * True when the document and its body are stored: what getArticle would find,
 * without reading the body (megabytes on a long article) just to check.
 * Rejects only when IndexedDB itself fails.
 */
export async function hasArticle(db: WorkbenchDb, id: string): Promise<boolean> {
  return db.transaction('r', db.documents, db.bodies, async () => {
    const [meta, bodies] = await Promise.all([db.documents.get(id), db.bodies.where(':id').equals(id).count()])
    return meta !== undefined && bodies > 0
  })
}

/** The stored document with this text hash, or null. */
export async function findDocumentBySha(db: WorkbenchDb, sha256: string): Promise<DocumentRecord | null> {
  return (await db.documents.where('sha256').equals(sha256).first()) ?? null
}

/**
 * Store a new document and its body in one transaction, or return the existing
 * one with the same text. Rejects with a StorageError; on rejection nothing is
 * stored. An aborted `signal` (checked inside the transaction, before and
 * after the writes) rolls the transaction back and rejects with its reason.
 */
export async function addDocument(db: WorkbenchDb, doc: NewDocument, signal?: AbortSignal): Promise<AddDocumentResult> {
  try {
    return await db.transaction('rw', db.documents, db.bodies, async () => {
      signal?.throwIfAborted()
      const existing = await db.documents.where('sha256').equals(doc.sha256).first()
      if (existing) return { status: 'exists', document: existing } as const
      const { blocks, ...parsedMeta } = doc.parsed
      const record: DocumentRecord = {
        ...parsedMeta,
        id: doc.id,
        sha256: doc.sha256,
        sourceName: doc.sourceName,
        sourceBytes: doc.sourceBytes,
        importedAt: doc.importedAt,
      }
      await db.documents.add(record)
      await db.bodies.add({ id: doc.id, blocks, text: doc.text })
      // A cancel that arrived while the writes ran still stores nothing: throwing here rolls them back.
      signal?.throwIfAborted()
      return { status: 'added', document: record } as const
    })
  } catch (error) {
    // Dexie wraps what the callback threw; whatever failed, a cancelled store stored nothing.
    if (signal?.aborted) throw signal.reason
    throw writeFailure(error)
  }
}

/** Rename a document; the text itself never changes. Throws RangeError on an empty title. */
export async function renameDocument(db: WorkbenchDb, id: string, title: string): Promise<void> {
  const clean = title.trim()
  if (!clean) throw new RangeError(`A document title cannot be empty (got ${JSON.stringify(title)})`)
  try {
    await db.documents.update(id, { title: clean })
  } catch (error) {
    throw writeFailure(error)
  }
}

/** Delete a document with its body, sets, claims and what the preferences say of them, all or nothing. */
export async function deleteDocument(db: WorkbenchDb, id: string): Promise<void> {
  try {
    await db.transaction('rw', [db.documents, db.bodies, db.sets, db.claimPages, db.claimEdits, db.claimOps, ...prefTables(db)], async () => {
      const setIds = (await db.sets.where('documentId').equals(id).primaryKeys()) as string[]
      await forgetDocumentPrefs(db, id, setIds)
      await db.claimOps.where('setId').anyOf(setIds).delete()
      await db.claimPages.where('documentId').equals(id).delete()
      await db.claimEdits.where('documentId').equals(id).delete()
      await db.sets.where('documentId').equals(id).delete()
      await db.bodies.delete(id)
      await db.documents.delete(id)
    })
  } catch (error) {
    throw writeFailure(error)
  }
}
