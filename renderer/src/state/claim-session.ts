/**
 * The claims of the active set as the user sees them: what IndexedDB holds,
 * overlaid with edits not yet confirmed on disk. Every edit is an operation that
 * goes into the undo history and is written at once; a failed write stays in
 * the overlay (so the edit never vanishes from the screen) and is retried.
 *
 * Why not a Dexie liveQuery: it re-read and deserialised the whole set (10,000
 * claims: 50-100 ms of main-thread work) after each of the session's own
 * writes, and the next key press collided with it (docs/performance.md). The
 * session knows exactly what it wrote, so a committed write of its own is
 * applied to the stored list directly. Writes from elsewhere (another tab or
 * window, another Dexie instance, an import) still reach it through Dexie's
 * `storagemutated` event, which carries the mutated primary keys of every
 * committed transaction, local or from another tab (over BroadcastChannel).
 * A set is stored as pages and a journal of edits (storage/claim-journal.ts);
 * a change to this set's pages or journal that the session cannot account for
 * as its own write makes it re-read the set (state/claim-set-changes.ts);
 * other sets are not its concern. Once its journal is long, the session folds
 * it into the pages when the window is idle.
 */
import Dexie, { type ObservabilitySet } from 'dexie'
import type { Claim } from '../../../shared/claims/model'
import { compareClaimsInDocumentOrder } from '../../../shared/claims/model'
import { canRedo, canUndo, createHistory, push, redo, undo, type ClaimHistory, type ClaimOp } from '../../../shared/claims/history'
import { CritiqueError, userMessageOf } from '../../../shared/errors'
import type { WorkbenchDb } from '../storage/database'
import { JOURNAL_FOLD_THRESHOLD } from '../storage/claim-journal'
import { deleteClaim, foldClaimEdits, putClaim, readSetClaims } from '../storage/claims-repo'
import { changedElsewhere, sameStoredClaims } from './claim-set-changes'
import { retryDelay, type SaveStatus } from './save-status'

interface Pending {
  /** The claim as it should be stored, or null for a deletion. */
  claim: Claim | null
  /** The claim written, or the one deleted. */
  subject: Claim
  attempt: number
  timer: ReturnType<typeof setTimeout> | null
}

export interface ClaimSessionSnapshot {
  loaded: boolean
  claims: readonly Claim[]
  status: SaveStatus
  canUndo: boolean
  canRedo: boolean
  loadError: string | null
}

/**
 * One set's claims for one window: edits show at once, are written at once,
 * and say "Saved" only after their transaction committed; failed writes stay
 * on screen and are retried. Changes made elsewhere (other tabs, other Dexie
 * instances) are followed until {@link ClaimSession.dispose}. A failed read
 * sets `loadError` in the snapshot; nothing throws.
 *
 * `initial`, when given, is the set's claims in document order as stored
 * right now, with the length of its journal (the app's opening read,
 * state/opening.ts, which hands them over only when no claim was written since
 * it read them): the session starts loaded with them instead of reading the set.
 */
export class ClaimSession {
  private stored: Claim[] = []
  private loaded = false
  private loadError: string | null = null
  private readonly pending = new Map<string, Pending>()
  private history: ClaimHistory = createHistory()
  private status: SaveStatus = { state: 'idle' }
  private snapshot: ClaimSessionSnapshot | null = null
  /**
   * The displayed claims, recomputed only when their content changes: not on a
   * status change, nor when an own write commits (the overlay already showed it).
   */
  private mergedClaims: readonly Claim[] | null = null
  private readonly listeners = new Set<() => void>()
  private disposed = false
  /**
   * Per claim id, this session's writes started but not yet seen in a
   * `storagemutated` event. An event's key counts as our own at most once per
   * write; if another window wrote the same claim meanwhile, one of the two
   * events is taken for foreign, so the set is re-read and ends up as on disk.
   */
  private readonly unheard = new Map<string, number>()
  /** Edits in the set's journal, as far as this session knows (read, plus its own commits). */
  private journal = 0
  private foldScheduled = false
  /** True from this session's fold until the re-read its events cause: that read changes nothing shown. */
  private folded = false
  private reading = false
  private rereadWanted = false
  /** Own commits applied while a read was in flight, re-applied to its result (which may predate them). */
  private readonly appliedDuringRead: { id: string; claim: Claim | null }[] = []

  constructor(
    private readonly db: WorkbenchDb,
    readonly setId: string,
    initial?: { claims: readonly Claim[]; edits: number },
  ) {
    Dexie.on.storagemutated.subscribe(this.onStorageMutated)
    if (initial) {
      this.stored = [...initial.claims]
      this.loaded = true
      this.noteJournal(initial.edits)
    } else {
      void this.read()
    }
  }

  /** Hear of every change: claims, save status, undo and redo availability. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): ClaimSessionSnapshot => {
    this.snapshot ??= {
      loaded: this.loaded,
      // Kept across status-only changes ("Saving…", "Saved"), so they do not hand
      // every consumer a new list of all claims to diff (docs/performance.md).
      claims: (this.mergedClaims ??= this.merged()),
      status: this.status,
      canUndo: canUndo(this.history),
      canRedo: canRedo(this.history),
      loadError: this.loadError,
    }
    return this.snapshot
  }

  /** Add a new claim (undoable). */
  create(claim: Claim): void {
    this.perform({ kind: 'put', before: null, after: claim })
  }

  /** Replace a claim with an edited version (undoable). */
  update(before: Claim, after: Claim): void {
    this.perform({ kind: 'put', before, after })
  }

  /** Delete a claim (undoable). */
  remove(claim: Claim): void {
    this.perform({ kind: 'delete', before: claim })
  }

  undo(): boolean {
    const step = undo(this.history)
    if (!step) return false
    this.history = step.history
    this.write(step.apply)
    return true
  }

  redo(): boolean {
    const step = redo(this.history)
    if (!step) return false
    this.history = step.history
    this.write(step.apply)
    return true
  }

  /** The displayed claim with this id, or null. */
  get(id: string): Claim | null {
    return this.getSnapshot().claims.find((c) => c.id === id) ?? null
  }

  dispose(): void {
    this.disposed = true
    Dexie.on.storagemutated.unsubscribe(this.onStorageMutated)
    for (const p of this.pending.values()) if (p.timer) clearTimeout(p.timer)
    this.listeners.clear()
  }

  private perform(op: ClaimOp): void {
    this.history = push(this.history, op)
    this.write(op)
  }

  private write(op: ClaimOp): void {
    const id = op.kind === 'put' ? op.after.id : op.before.id
    const previous = this.pending.get(id)
    if (previous?.timer) clearTimeout(previous.timer)
    const entry: Pending = { claim: op.kind === 'put' ? op.after : null, subject: op.kind === 'put' ? op.after : op.before, attempt: 0, timer: null }
    this.pending.set(id, entry)
    this.mergedClaims = null
    void this.flush(id, entry)
  }

  private async flush(id: string, entry: Pending): Promise<void> {
    // The write is started before anyone hears of the change, so it is not
    // queued behind the re-render that the listeners start (docs/performance.md).
    this.unheard.set(id, (this.unheard.get(id) ?? 0) + 1)
    const written = entry.claim ? putClaim(this.db, entry.claim) : deleteClaim(this.db, entry.subject)
    this.setStatus(this.progress())
    try {
      await written
      if (this.disposed) return
      this.noteJournal(this.journal + 1)
      // Applied even when a later edit of the claim has replaced this entry: the
      // stored list says what is on disk, and the later edit still overlays it.
      this.applyOwnCommit(id, entry.claim)
      if (this.pending.get(id) !== entry) return
      // The overlay already showed this claim, so the displayed list keeps its
      // identity: "Saved" does not hand the desk 10,000 claims to diff again.
      this.pending.delete(id)
      this.setStatus(this.progress())
    } catch (error) {
      // An aborted transaction fires no event. If a foreign event already took
      // this write's turn, that change has not been read: read it now.
      if (!this.takeUnheard(id) && !this.disposed) void this.read()
      if (this.disposed || this.pending.get(id) !== entry) return
      const delay = retryDelay(entry.attempt)
      entry.attempt += 1
      entry.timer = setTimeout(() => {
        entry.timer = null
        if (this.pending.get(id) === entry) void this.flush(id, entry)
      }, delay)
      const code = error instanceof CritiqueError ? error.code : undefined
      this.setStatus({ state: 'error', message: userMessageOf(error), pending: this.uncommittedCount(), retryInMs: delay, ...(code ? { code } : {}) })
    }
  }

  // A failure keeps its message until its retry gets through (or a later edit of
  // the same claim replaces it), even while other edits are written meanwhile.
  private progress(): SaveStatus {
    const pending = this.uncommittedCount()
    if (this.status.state === 'error' && this.hasFailures()) return { ...this.status, pending }
    return pending === 0 ? { state: 'saved', at: Date.now() } : { state: 'saving', pending }
  }

  /** Pending edits are exactly the writes not yet committed. */
  private uncommittedCount(): number {
    return this.pending.size
  }

  private hasFailures(): boolean {
    for (const p of this.pending.values()) if (p.attempt > 0) return true
    return false
  }

  private applyOwnCommit(id: string, claim: Claim | null): void {
    this.stored = withStored(this.stored, id, claim)
    if (this.reading) this.appliedDuringRead.push({ id, claim })
  }

  /** Count one of this session's writes of claim `id` as heard; false when none was waiting. */
  private takeUnheard = (id: string): boolean => {
    const n = this.unheard.get(id) ?? 0
    if (n === 0) return false
    if (n === 1) this.unheard.delete(id)
    else this.unheard.set(id, n - 1)
    return true
  }

  private readonly onStorageMutated = (parts: ObservabilitySet): void => {
    if (this.disposed) return
    if (changedElsewhere(parts, { databaseName: this.db.name, setId: this.setId, takeOwn: this.takeUnheard })) void this.read()
  }

  /** Record the journal's length; a long journal is folded into the pages when the window is next idle. */
  private noteJournal(edits: number): void {
    this.journal = edits
    if (edits < JOURNAL_FOLD_THRESHOLD || this.foldScheduled || this.disposed) return
    this.foldScheduled = true
    const fold = () => {
      if (this.disposed) return
      this.folded = true
      foldClaimEdits(this.db, this.setId).then(
        () => {
          this.foldScheduled = false
          this.journal = 0
        },
        // Folding is housekeeping: a failure leaves the journal as it was, still read correctly.
        () => {
          this.foldScheduled = false
          this.folded = false
        },
      )
    }
    if (typeof requestIdleCallback === 'function') requestIdleCallback(fold, { timeout: 10_000 })
    else setTimeout(fold, 2_000)
  }

  /**
   * Read the whole set (at start and after a change from elsewhere). Reads run
   * one at a time; a change arriving during a read makes it run again, since
   * its result may predate that change.
   */
  private async read(): Promise<void> {
    if (this.reading) {
      this.rereadWanted = true
      return
    }
    this.reading = true
    try {
      do {
        this.rereadWanted = false
        this.appliedDuringRead.length = 0
        let claims: Claim[]
        let edits: number
        try {
          ;({ claims, edits } = await readSetClaims(this.db, this.setId))
        } catch (error) {
          if (this.disposed) return
          this.loadError = userMessageOf(error)
          this.changed()
          return
        }
        if (this.disposed) return
        if (this.rereadWanted) continue
        for (const { id, claim } of this.appliedDuringRead) claims = withStored(claims, id, claim)
        this.journal = edits
        // After this session's own fold the set is the same, only stored differently:
        // the desk keeps its list instead of re-rendering 10,000 claims.
        const unchanged = this.folded && this.loaded && this.loadError === null && sameStoredClaims(this.stored, claims)
        this.folded = false
        if (unchanged) continue
        this.stored = claims
        this.mergedClaims = null
        this.loaded = true
        this.loadError = null
        this.changed()
      } while (this.rereadWanted)
    } finally {
      this.reading = false
    }
  }

  private merged(): Claim[] {
    if (this.pending.size === 0) return this.stored
    const out: Claim[] = []
    for (const claim of this.stored) if (!this.pending.has(claim.id)) out.push(claim)
    for (const p of this.pending.values()) if (p.claim) out.push(p.claim)
    return out.sort(compareClaimsInDocumentOrder)
  }

  private setStatus(status: SaveStatus): void {
    this.status = status
    this.changed()
  }

  private changed(): void {
    this.snapshot = null
    for (const l of this.listeners) l()
  }

}

/** `claims` (in document order) with the claim `id` replaced by `claim`, or removed when it is null. */
function withStored(claims: readonly Claim[], id: string, claim: Claim | null): Claim[] {
  const out = claims.filter((c) => c.id !== id)
  if (!claim) return out
  let lo = 0
  let hi = out.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compareClaimsInDocumentOrder(out[mid]!, claim) < 0) lo = mid + 1
    else hi = mid
  }
  out.splice(lo, 0, claim)
  return out
}

