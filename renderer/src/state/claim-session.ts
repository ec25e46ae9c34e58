/**
 * The claims of the active set as the user sees them: what IndexedDB holds,
 * overlaid with edits not yet confirmed on disk. Every edit is an operation that
 * goes into the undo history and is written at once; a failed write stays in
 * the overlay (so the edit never vanishes from the screen) and is retried.
 */
import { liveQuery, type Subscription } from 'dexie'
import type { Claim } from '../../../shared/claims/model'
import { compareClaimsInDocumentOrder } from '../../../shared/claims/model'
import { canRedo, canUndo, createHistory, push, redo, undo, type ClaimHistory, type ClaimOp } from '../../../shared/claims/history'
import { CritiqueError, userMessageOf } from '../../../shared/errors'
import type { WorkbenchDb } from '../storage/database'
import { deleteClaim, listClaims, putClaim } from '../storage/claims-repo'
import { retryDelay, type SaveStatus } from './save-status'

interface Pending {
  /** The claim as it should be stored, or null for a deletion. */
  claim: Claim | null
  /** True once the write resolved; dropped when the live query shows it. */
  committed: boolean
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

export class ClaimSession {
  private stored: Claim[] = []
  private loaded = false
  private loadError: string | null = null
  private readonly pending = new Map<string, Pending>()
  private history: ClaimHistory = createHistory()
  private status: SaveStatus = { state: 'idle' }
  private snapshot: ClaimSessionSnapshot | null = null
  /** The displayed claims, recomputed only when stored claims or pending edits change. */
  private mergedClaims: readonly Claim[] | null = null
  private readonly listeners = new Set<() => void>()
  private readonly subscription: Subscription
  private disposed = false

  constructor(
    private readonly db: WorkbenchDb,
    readonly setId: string,
  ) {
    this.subscription = liveQuery(() => listClaims(db, setId)).subscribe({
      next: (claims) => {
        this.stored = claims
        this.mergedClaims = null
        this.loaded = true
        this.loadError = null
        this.settleCommitted()
        this.changed()
      },
      error: (error) => {
        this.loadError = userMessageOf(error)
        this.changed()
      },
    })
  }

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
    this.subscription.unsubscribe()
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
    const entry: Pending = { claim: op.kind === 'put' ? op.after : null, committed: false, attempt: 0, timer: null }
    this.pending.set(id, entry)
    this.mergedClaims = null
    void this.flush(id, entry)
  }

  private async flush(id: string, entry: Pending): Promise<void> {
    // The write is started before anyone hears of the change, so it is not
    // queued behind the re-render that the listeners start (docs/performance.md).
    const written = entry.claim ? putClaim(this.db, entry.claim) : deleteClaim(this.db, id)
    this.setStatus(this.progress())
    try {
      await written
      if (this.disposed || this.pending.get(id) !== entry) return
      entry.committed = true
      this.settleCommitted()
      this.setStatus(this.progress())
    } catch (error) {
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

  private uncommittedCount(): number {
    let n = 0
    for (const p of this.pending.values()) if (!p.committed) n++
    return n
  }

  private hasFailures(): boolean {
    for (const p of this.pending.values()) if (!p.committed && p.attempt > 0) return true
    return false
  }

  // A committed edit leaves the overlay once the stored list reflects it, so the
  // screen never flickers back to the old value between write and live query.
  private settleCommitted(): void {
    if (!this.loaded) return
    const byId = new Map(this.stored.map((c) => [c.id, c]))
    for (const [id, p] of this.pending) {
      if (!p.committed) continue
      const stored = byId.get(id)
      const reflected = p.claim === null ? stored === undefined : stored !== undefined && stored.modified === p.claim.modified
      if (reflected) {
        this.pending.delete(id)
        this.mergedClaims = null
      }
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
