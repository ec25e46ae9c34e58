/**
 * What the claim session needs from storage to follow one set, without
 * knowing how a set is laid out: read the set, write claim operations to it,
 * and hear when it changed other than by this window's own writes (another
 * tab or window, another Dexie instance, an import). The watch knows its own
 * writes: each journal key it puts is counted, inside the transaction, and
 * the `storagemutated` event that Dexie fires for every committed
 * transaction (from other tabs too, over BroadcastChannel) is matched
 * against those counts (set-changes.ts). It also keeps the set's journal
 * short, folding it into the pages when the window is idle.
 */
import Dexie, { type ObservabilitySet } from 'dexie'
import type { Claim } from '../../../shared/claims/model'
import type { ClaimOperation } from '../../../shared/claims/operations'
import { JOURNAL_FOLD_THRESHOLD } from './claim-journal'
import { applyClaimOperations, type ApplyOptions } from './claim-operations-repo'
import { foldClaimEdits, readSetClaims } from './claims-repo'
import type { WorkbenchDb } from './database'
import { changedElsewhere } from './set-changes'

/** A change to the watched set that was not this watch's write. */
export interface ForeignChange {
  /**
   * True when the change may be only this watch's own folding of the journal,
   * which moves claims between records without changing one: a re-read that
   * finds the same claims need not show anything new.
   */
  mayBeOwnFold: boolean
}

export interface SetWatch {
  readonly setId: string
  /** The set's claims in document order. Rejects with what IndexedDB threw. */
  read(): Promise<Claim[]>
  /**
   * Apply operations to the stored claims (claim-operations-repo.ts) as this
   * window's own write: its change event does not count as foreign.
   * Resolves with each touched claim as stored afterwards; rejects with a StorageError.
   * `options.newClaims`: see claim-operations-repo.ts.
   */
  apply(ops: readonly ClaimOperation[], options?: ApplyOptions): Promise<Map<string, Claim | null>>
  /** Stop listening; later events and folds are ignored. */
  dispose(): void
}

/**
 * Follow set `setId`: `onForeignChange` is called (synchronously, from
 * Dexie's event) whenever the set changed other than by this watch's writes;
 * the caller re-reads. `journal` is the length of the set's journal if the
 * caller read it already (state/opening.ts). Never throws.
 */
export function watchSet(db: WorkbenchDb, setId: string, onForeignChange: (change: ForeignChange) => void, journal = 0): SetWatch {
  /** Per claim id, own journal writes not yet seen in an event. */
  const unheard = new Map<string, number>()
  let disposed = false
  let foldScheduled = false
  /** True from this watch's fold until the event it causes. */
  let folded = false

  const takeOwn = (id: string): boolean => {
    const n = unheard.get(id) ?? 0
    if (n === 0) return false
    if (n === 1) unheard.delete(id)
    else unheard.set(id, n - 1)
    return true
  }

  const onStorageMutated = (parts: ObservabilitySet): void => {
    if (disposed) return
    if (!changedElsewhere(parts, { databaseName: db.name, setId, takeOwn })) return
    const mayBeOwnFold = folded
    folded = false
    onForeignChange({ mayBeOwnFold })
  }
  Dexie.on.storagemutated.subscribe(onStorageMutated)

  const noteJournal = (edits: number): void => {
    journal = edits
    if (edits < JOURNAL_FOLD_THRESHOLD || foldScheduled || disposed) return
    foldScheduled = true
    const fold = () => {
      if (disposed) return
      folded = true
      foldClaimEdits(db, setId).then(
        () => {
          foldScheduled = false
          journal = 0
        },
        // Folding is housekeeping: a failure leaves the journal as it was, still read correctly.
        () => {
          foldScheduled = false
          folded = false
        },
      )
    }
    if (typeof requestIdleCallback === 'function') requestIdleCallback(fold, { timeout: 10_000 })
    else setTimeout(fold, 2_000)
  }
  noteJournal(journal)

  return {
    setId,
    async read() {
      const { claims, edits } = await readSetClaims(db, setId)
      if (!disposed) noteJournal(edits)
      return claims
    },
    async apply(ops, options) {
      const written: string[] = []
      try {
        const after = await applyClaimOperations(db, ops, (claim) => {
          // Counted inside the transaction: its event comes when it commits, before this promise settles.
          if (claim.setId !== setId) return
          written.push(claim.id)
          unheard.set(claim.id, (unheard.get(claim.id) ?? 0) + 1)
        }, options)
        if (!disposed) noteJournal(journal + written.length)
        return after
      } catch (error) {
        // An aborted transaction fires no event. If a foreign event already took
        // one of these writes' turns, that change has not been read: say so.
        const missed = written.filter((id) => !takeOwn(id))
        if (missed.length > 0 && !disposed) onForeignChange({ mayBeOwnFold: false })
        throw error
      }
    },
    dispose() {
      disposed = true
      Dexie.on.storagemutated.unsubscribe(onStorageMutated)
    },
  }
}
