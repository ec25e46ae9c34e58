/**
 * Writing claim operations (shared/claims/operations.ts): each is applied to
 * the claim as it is stored at that moment, inside one read-write
 * transaction, so what another window wrote to the same claim since this
 * window read it is kept (its own field, its own list item). The claim is
 * read from the set's journal, else from its page (claim-journal.ts,
 * claim-pages.ts), and written back as one journal record; each operation's
 * id is recorded in `claimOps` in the same transaction and an id already
 * there is skipped, so a retried or re-sent operation is applied once.
 */
import Dexie from 'dexie'
import { applyOperation, type ClaimOperation } from '../../../shared/claims/operations'
import type { Claim } from '../../../shared/claims/model'
import { editOf, tombstoneOf } from './claim-journal'
import { pageKeyOf } from './claim-pages'
import type { WorkbenchDb } from './database'
import { writeFailure } from './write-errors'

const claimKey = (setId: string, claimId: string) => `${setId}\u0000${claimId}`
const splitKey = (key: string): [setId: string, claimId: string] => {
  const at = key.indexOf('\u0000')
  return [key.slice(0, at), key.slice(at + 1)]
}

/** The claim `claimId` of set `setId` as stored now (journal over page), or null. Call inside a transaction over both tables. */
async function storedClaim(db: WorkbenchDb, setId: string, claimId: string): Promise<Claim | null> {
  // Both at once (one wait for the main thread, not two); the page is only used without a journal record.
  const [edit, page] = await Promise.all([db.claimEdits.get([setId, claimId]), db.claimPages.get(pageKeyOf({ id: claimId, setId }))])
  if (edit) return edit.claim
  return page?.claims.find((c) => c.id === claimId) ?? null
}

/**
 * Rounds of microtasks after which a write refused at once (IndexedDB throws
 * synchronously: an uncloneable record, a bad key) has reached its promise
 * through Dexie's layers; a handful are needed, this leaves a wide margin.
 * No request's result can arrive meanwhile: that takes a task.
 */
const REFUSAL_ROUNDS = 64

/**
 * Wait for `writes`, just issued in the current Dexie transaction, having
 * asked IndexedDB to commit once they are done instead of when the page has
 * taken their results — unless one was refused at once: after `commit()` a
 * transaction can no longer be aborted, so a refused write must be seen
 * first, or the others would be stored without it. Browsers without
 * `IDBTransaction.commit` auto-commit as before. Rejects with the
 * transaction's own error when it was aborted (a full disk's
 * QuotaExceededError, which every request then fails with an AbortError
 * for), else with the first write's rejection.
 */
async function commitWrites(writes: readonly Promise<unknown>[]): Promise<void> {
  const idb = Dexie.currentTransaction?.idbtrans
  if (writes.length > 0 && idb && typeof idb.commit === 'function') {
    let refused = false
    for (const write of writes) write.catch(() => (refused = true))
    for (let round = 0; round < REFUSAL_ROUNDS && !refused; round++) await null
    try {
      if (!refused) idb.commit()
    } catch {
      // Already committing or finished (aborted from elsewhere): IndexedDB settles it as before.
    }
  }
  try {
    await Promise.all(writes)
  } catch (error) {
    throw idb?.error ?? error
  }
}

export interface ApplyOptions {
  /**
   * The operations create claims under ids just made (newId) that were never
   * written, so nothing stored can be read for them: they are written without
   * reading first, one wait for the main thread less (docs/performance.md).
   * An operation id already stored still aborts the write (its record is
   * added, not put), storing nothing. Every operation must be a createClaim
   * (else RangeError).
   */
  newClaims?: boolean
}

/**
 * Apply `ops` in order, in one transaction: all are applied or none. Resolves
 * with each touched claim as stored afterwards (null: not stored), by claim
 * id; rejects with a StorageError (a full disk, a closed database), storing
 * nothing. Operations of several sets may be mixed.
 */
export async function applyClaimOperations(
  db: WorkbenchDb,
  ops: readonly ClaimOperation[],
  /** Called inside the transaction for each journal record written (set-watch.ts counts its own writes with it). */
  onWrite?: (claim: Pick<Claim, 'id' | 'setId'>) => void,
  { newClaims = false }: ApplyOptions = {},
): Promise<Map<string, Claim | null>> {
  const notCreate = newClaims ? ops.find((op) => op.kind !== 'createClaim') : undefined
  if (notCreate) throw new RangeError(`applyClaimOperations: newClaims given with a ${notCreate.kind} operation (${notCreate.id})`)
  const keys = [...new Set(ops.map((op) => claimKey(op.setId, op.claimId)))]
  try {
    return await db.transaction('rw', [db.claimEdits, db.claimPages, db.claimOps], async () => {
      // Every read is issued at once. IndexedDB runs a transaction's requests
      // in order anyway; awaiting each in turn made each wait for the main
      // thread between requests, behind whatever rendering was under way
      // (three such hops for a tagged claim, most of the time between the key
      // press and "Saved" in the bench's traces).
      const [seen, stored] = newClaims
        ? [ops.map(() => undefined), keys.map(() => null)]
        : await Promise.all([db.claimOps.bulkGet(ops.map((op) => op.id)), Promise.all(keys.map((key) => storedClaim(db, ...splitKey(key))))])
      const current = new Map<string, { setId: string; before: Claim | null; claim: Claim | null }>()
      keys.forEach((key, k) => current.set(key, { setId: splitKey(key)[0], before: stored[k]!, claim: stored[k]! }))
      for (const [i, op] of ops.entries()) {
        const entry = current.get(claimKey(op.setId, op.claimId))!
        if (seen[i] === undefined) entry.claim = applyOperation(entry.claim, op)
      }
      const fresh = ops.filter((_, i) => seen[i] === undefined)
      const writes: Promise<unknown>[] = []
      if (fresh.length > 0) writes.push(db.claimOps.bulkAdd(fresh.map((op) => ({ id: op.id, setId: op.setId }))))
      const after = new Map<string, Claim | null>()
      for (const [key, { setId, before, claim }] of current) {
        const claimId = splitKey(key)[1]
        after.set(claimId, claim)
        // Unchanged, or never stored and still absent: nothing to write.
        if (claim === before || (claim === null && before === null)) continue
        // One put per claim: each is its own key in the storagemutated event, which is how a window tells its own writes (set-watch.ts).
        onWrite?.({ id: claimId, setId })
        writes.push(db.claimEdits.put(claim ? editOf(claim) : tombstoneOf({ id: claimId, setId, documentId: before!.documentId })))
      }
      // The writes are issued together and the transaction told to commit now:
      // awaiting each made each wait for the main thread, and an auto-commit
      // waits until the page has taken every write's result, one more wait
      // behind whatever rendering is under way (docs/performance.md).
      await commitWrites(writes)
      return after
    })
  } catch (error) {
    throw writeFailure(error)
  }
}
