/**
 * Annotation sets and their claims. Every write is one transaction with strict
 * durability (set on the database), so a resolved promise means the claim is on
 * disk: the status line says "Saved" only then.
 */
import { compareClaimsInDocumentOrder, type AnnotationSet, type Claim } from '../../../shared/claims/model'
import type { WorkbenchDb } from './database'
import { fromClaimRecord, toClaimRecord } from './records'
import { writeFailure } from './write-errors'

/** Sets on a document, oldest first. */
export async function listSets(db: WorkbenchDb, documentId: string): Promise<AnnotationSet[]> {
  const sets = await db.sets.where('documentId').equals(documentId).toArray()
  return sets.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id))
}

export async function addSet(db: WorkbenchDb, set: AnnotationSet): Promise<void> {
  try {
    await db.sets.add(set)
  } catch (error) {
    throw writeFailure(error)
  }
}

/** A set's claims in document order ({@link compareClaimsInDocumentOrder}), read in one indexed query. */
export async function listClaims(db: WorkbenchDb, setId: string): Promise<Claim[]> {
  const records = await db.claims.where('[setId+start]').between([setId, -Infinity], [setId, Infinity]).toArray()
  // The index orders claims starting at the same offset by id, not longer-first:
  // a stable sort of the nearly sorted list settles those ties.
  return records.map(fromClaimRecord).sort(compareClaimsInDocumentOrder)
}

/** Insert or replace a claim. Rejects with a StorageError. */
export async function putClaim(db: WorkbenchDb, claim: Claim): Promise<void> {
  try {
    await db.transaction('rw', db.claims, () => db.claims.put(toClaimRecord(claim)))
  } catch (error) {
    throw writeFailure(error)
  }
}

/** Insert many claims and a set atomically: all land or none do. */
export async function addSetWithClaims(db: WorkbenchDb, set: AnnotationSet, claims: readonly Claim[]): Promise<void> {
  try {
    await db.transaction('rw', db.sets, db.claims, async () => {
      await db.sets.add(set)
      await db.claims.bulkAdd(claims.map(toClaimRecord))
    })
  } catch (error) {
    throw writeFailure(error)
  }
}

export async function deleteClaim(db: WorkbenchDb, id: string): Promise<void> {
  try {
    await db.transaction('rw', db.claims, () => db.claims.delete(id))
  } catch (error) {
    throw writeFailure(error)
  }
}

/** Delete a set and its claims together. */
export async function deleteSet(db: WorkbenchDb, setId: string): Promise<void> {
  try {
    await db.transaction('rw', db.sets, db.claims, async () => {
      await db.claims.where('setId').equals(setId).delete()
      await db.sets.delete(setId)
    })
  } catch (error) {
    throw writeFailure(error)
  }
}
