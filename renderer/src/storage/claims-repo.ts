/**
 * Annotation sets and their claims. A set's claims are stored in pages
 * (claim-pages.ts: 64 per set) overlaid with a journal of edits
 * (claim-journal.ts), so a set is read in a few dozen records and saving a
 * claim is a single small write. Every write is one transaction with strict
 * durability (set on the database), so a resolved promise means the claim is
 * on disk: the status line says "Saved" only then. A claim's set never
 * changes (an id may be reused by another set only through import, which
 * refuses ids already stored).
 */
import { compareSetsOldestFirst, type AnnotationSet, type Claim, type SharedTo } from '../../../shared/claims/model'
import { claimsWithEdits, editOf, foldEdits, tombstoneOf } from './claim-journal'
import { claimBucket, claimPageKey, pageKeyOf, toClaimPages } from './claim-pages'
import type { WorkbenchDb } from './database'
import { forgetSetPrefs, prefTables } from './prefs-repo'
import { readFailure, writeFailure } from './write-errors'

/** Sets on a document, oldest first. */
export async function listSets(db: WorkbenchDb, documentId: string): Promise<AnnotationSet[]> {
  const sets = await db.sets.where('documentId').equals(documentId).toArray()
  return sets.sort(compareSetsOldestFirst)
}

export async function addSet(db: WorkbenchDb, set: AnnotationSet): Promise<void> {
  try {
    await db.sets.add(set)
  } catch (error) {
    throw writeFailure(error)
  }
}

/** A set's claims in document order, and how many journal edits they include (see {@link foldClaimEdits}). Rejects with a StorageError ('storage-read-failed'). */
export async function readSetClaims(db: WorkbenchDb, setId: string): Promise<{ claims: Claim[]; edits: number }> {
  try {
    return await db.transaction('r', db.claimPages, db.claimEdits, async () => {
      const [pages, edits] = await Promise.all([db.claimPages.where('setId').equals(setId).toArray(), db.claimEdits.where('setId').equals(setId).toArray()])
      return { claims: claimsWithEdits(pages, edits), edits: edits.length }
    })
  } catch (error) {
    throw readFailure(error)
  }
}

/** A set's claims in document order (compareClaimsInDocumentOrder), read in one transaction. */
export async function listClaims(db: WorkbenchDb, setId: string): Promise<Claim[]> {
  return (await readSetClaims(db, setId)).claims
}

/** Insert or replace a claim: one journal record, written without reading anything. Rejects with a StorageError. */
export async function putClaim(db: WorkbenchDb, claim: Claim): Promise<void> {
  try {
    await db.transaction('rw', db.claimEdits, () => db.claimEdits.put(editOf(claim)))
  } catch (error) {
    throw writeFailure(error)
  }
}

/**
 * Replace claim `ref.id` of set `ref.setId` by `next` (null: delete it) only
 * if it is stored unchanged since it was read — its `modified` is still
 * `expectedModified` (null: still not stored) — and `stillFree()`, asked
 * inside the transaction just before the write, says no unsaved edit of this
 * window waits for it: for taking in another device's version
 * (team/shared-pull.ts) without overwriting an edit made meanwhile. Resolves
 * true when written, false when left alone. Rejects with a StorageError.
 */
export async function replaceClaimIfUnchanged(
  db: WorkbenchDb,
  ref: Pick<Claim, 'id' | 'setId' | 'documentId'>,
  next: Claim | null,
  expectedModified: string | null,
  stillFree: () => boolean,
): Promise<boolean> {
  try {
    return await db.transaction('rw', db.claimEdits, db.claimPages, async () => {
      const [edit, page] = await Promise.all([db.claimEdits.get([ref.setId, ref.id]), db.claimPages.get(pageKeyOf(ref))])
      const stored = edit !== undefined ? edit.claim : (page?.claims.find((c) => c.id === ref.id) ?? null)
      if ((stored?.modified ?? null) !== expectedModified || !stillFree()) return false
      await db.claimEdits.put(next === null ? tombstoneOf(ref) : editOf(next))
      return true
    })
  } catch (error) {
    throw writeFailure(error)
  }
}

/**
 * Delete a claim (a tombstone in its set's journal, written without reading
 * anything); a claim that is not stored stays absent. Rejects with a StorageError.
 */
export async function deleteClaim(db: WorkbenchDb, claim: Pick<Claim, 'id' | 'setId' | 'documentId'>): Promise<void> {
  try {
    await db.transaction('rw', db.claimEdits, () => db.claimEdits.put(tombstoneOf(claim)))
  } catch (error) {
    throw writeFailure(error)
  }
}

/** Which of `ids` are stored as claims, in any set. */
export async function storedClaimIds(db: WorkbenchDb, ids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids)]
  return db.transaction('r', db.claimPages, db.claimEdits, async () => {
    const [pages, edits] = await Promise.all([db.claimPages.where('claimIds').anyOf(wanted).toArray(), db.claimEdits.where('id').anyOf(wanted).toArray()])
    const gone = new Set(edits.filter((e) => e.claim === null).map((e) => `${e.setId}\u0000${e.id}`))
    const stored = new Set<string>()
    const asked = new Set(wanted)
    for (const page of pages) for (const id of page.claimIds) if (asked.has(id) && !gone.has(`${page.setId}\u0000${id}`)) stored.add(id)
    for (const edit of edits) if (edit.claim) stored.add(edit.id)
    return stored
  })
}

/**
 * Insert many claims and a set atomically: all land or none do. Rejects with a
 * StorageError when the set exists, two claims share an id, or a claim's id
 * is already stored.
 */
export async function addSetWithClaims(db: WorkbenchDb, set: AnnotationSet, claims: readonly Claim[]): Promise<void> {
  try {
    const pages = toClaimPages(claims)
    await db.transaction('rw', [db.sets, db.claimPages, db.claimEdits], async () => {
      const taken = await storedClaimIds(db, claims.map((c) => c.id))
      if (taken.size > 0) throw new DOMException(`A claim with the id ${JSON.stringify([...taken][0])} is already stored.`, 'ConstraintError')
      await db.sets.add(set)
      await db.claimPages.bulkAdd(pages)
    })
  } catch (error) {
    throw writeFailure(error)
  }
}

/**
 * Replace a stored set and all its claims by `set` (same id) and `claims`, in
 * one transaction: the old claims, their journal and operations go, the new
 * ones land, or nothing changes. Used to update a set from a file imported
 * again. Rejects with a StorageError when the set is not stored, two claims
 * share an id, or a claim's id is stored in another set.
 */
export async function replaceSetWithClaims(db: WorkbenchDb, set: AnnotationSet, claims: readonly Claim[]): Promise<void> {
  try {
    const pages = toClaimPages(claims)
    await db.transaction('rw', [db.sets, db.claimPages, db.claimEdits, db.claimOps], async () => {
      if ((await db.sets.get(set.id)) === undefined) throw new DOMException(`The set ${JSON.stringify(set.id)} is not stored.`, 'NotFoundError')
      await db.claimPages.where('setId').equals(set.id).delete()
      await db.claimEdits.where('setId').equals(set.id).delete()
      await db.claimOps.where('setId').equals(set.id).delete()
      const taken = await storedClaimIds(db, claims.map((c) => c.id))
      if (taken.size > 0) throw new DOMException(`A claim with the id ${JSON.stringify([...taken][0])} is already stored.`, 'ConstraintError')
      await db.sets.put(set)
      await db.claimPages.bulkAdd(pages)
    })
  } catch (error) {
    throw writeFailure(error)
  }
}

/**
 * Record what the team server holds of set `setId` (docs/team.md), read and
 * written in one transaction: `change` gets the current record (undefined
 * before the first share) and returns the next. Resolves false when the set
 * is gone. Rejects with a StorageError.
 */
export async function updateSetShared(db: WorkbenchDb, setId: string, change: (shared: SharedTo | undefined) => SharedTo): Promise<boolean> {
  try {
    return await db.transaction('rw', db.sets, async () => {
      const set = await db.sets.get(setId)
      if (set === undefined) return false
      await db.sets.put({ ...set, shared: change(set.shared) })
      return true
    })
  } catch (error) {
    throw writeFailure(error)
  }
}

/** The longest set label, as the team server allows it (server/http/containers.ts). */
export const MAX_SET_LABEL = 500

/**
 * Give set `setId` the label `label` (trimmed). A shared set's new label is
 * then pending: shared-sync.ts sends it to the team server with its next
 * push. Resolves with the set as stored, or null when there is no such set
 * or it is a colleague's followed set (read-only: only its owner relabels
 * it). Throws RangeError (with the label) for an empty label or one longer
 * than {@link MAX_SET_LABEL}; rejects with a StorageError when IndexedDB fails.
 */
export async function relabelSet(db: WorkbenchDb, setId: string, label: string): Promise<AnnotationSet | null> {
  const clean = label.trim()
  if (clean === '' || clean.length > MAX_SET_LABEL) throw new RangeError(`A set label must be 1 to ${MAX_SET_LABEL} characters; got ${JSON.stringify(label.slice(0, 80))}.`)
  try {
    return await db.transaction('rw', db.sets, async () => {
      const set = await db.sets.get(setId)
      if (set === undefined || set.followed !== undefined) return null
      const next = { ...set, label: clean }
      await db.sets.put(next)
      return next
    })
  } catch (error) {
    throw writeFailure(error)
  }
}

/** Delete a set, its claims and what the preferences say of it, together. */
export async function deleteSet(db: WorkbenchDb, setId: string): Promise<void> {
  try {
    await db.transaction('rw', [db.sets, db.claimPages, db.claimEdits, db.claimOps, ...prefTables(db)], async () => {
      await forgetSetPrefs(db, [setId])
      await db.claimPages.where('setId').equals(setId).delete()
      await db.claimEdits.where('setId').equals(setId).delete()
      await db.claimOps.where('setId').equals(setId).delete()
      await db.sets.delete(setId)
    })
  } catch (error) {
    throw writeFailure(error)
  }
}

/**
 * Fold a set's journal into its pages (claim-journal.ts), in one transaction:
 * what the set holds does not change, only how it is stored. Resolves with the
 * number of edits folded. Rejects with a StorageError.
 */
export async function foldClaimEdits(db: WorkbenchDb, setId: string): Promise<number> {
  try {
    return await db.transaction('rw', db.claimPages, db.claimEdits, async () => {
      const edits = await db.claimEdits.where('setId').equals(setId).toArray()
      if (edits.length === 0) return 0
      // Only the pages the edits touch.
      const keys = [...new Set(edits.map((e) => claimPageKey(e.setId, claimBucket(e.id))))]
      const pages = (await db.claimPages.bulkGet(keys)).filter((p) => p !== undefined)
      const folded = foldEdits(new Map(pages.map((p) => [p.key, p])), edits)
      await db.claimPages.bulkPut(folded.put)
      await db.claimPages.bulkDelete(folded.remove)
      await db.claimEdits.bulkDelete(edits.map((e): [string, string] => [e.setId, e.id]))
      return edits.length
    })
  } catch (error) {
    throw writeFailure(error)
  }
}
