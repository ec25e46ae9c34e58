/**
 * The claims of the active set as the user sees them: what IndexedDB holds,
 * overlaid with this window's claim operations not yet confirmed on disk, in
 * the spirit of ProseMirror's `EditorState.apply`: the session keeps only the
 * stored claims, the queue of operations on top, and the undo history.
 *
 * Every edit is a group of operations (shared/claims/operations.ts): one user
 * action, one undo step, about one claim. Each claim's groups are written in
 * order, a batch in one transaction that applies them to the claim as stored
 * at that moment (storage/claim-operations-repo.ts), so an edit another window
 * made to the same claim meanwhile (another field, another list item)
 * survives, on disk and on this screen. A failed write keeps its groups on
 * screen, says so, and is retried with a growing delay (and at the claim's
 * next edit); the claim's later groups wait behind it, so a claim's
 * operations reach disk in the order they were made, while other claims save on.
 *
 * Why not a Dexie liveQuery: it re-read and deserialised the whole set
 * (10,000 claims: 50-100 ms of main-thread work) after each of the session's
 * own writes (docs/performance.md). The session learns what its own write
 * stored from the write itself; storage's set watch
 * (storage/set-watch.ts) says when anything else changed the set, and only
 * then is the set re-read.
 */
import type { Claim } from '../../../shared/claims/model'
import { canRedo, canUndo, createHistory, push, redo, undo, type ClaimHistory } from '../../../shared/claims/history'
import { newId } from '../../../shared/claims/ids'
import {
  applyOperations,
  createOperation,
  deleteOperation,
  operationsBetween,
  type ClaimOperation,
  type OperationSource,
} from '../../../shared/claims/operations'
import { CritiqueError, userMessageOf } from '../../../shared/errors'
import type { WorkbenchDb } from '../storage/database'
import { sameStoredClaims } from '../storage/set-changes'
import { watchSet, type ForeignChange, type SetWatch } from '../storage/set-watch'
import { displayedClaims, withStored } from './displayed-claims'
import { retryDelay, type SaveStatus } from './save-status'

export interface ClaimSessionSnapshot {
  loaded: boolean
  claims: readonly Claim[]
  status: SaveStatus
  canUndo: boolean
  canRedo: boolean
  /**
   * Why the set could not be read (the thrown value, usually a StorageError with
   * its code), or null; the UI puts it into words in the user's language
   * (i18n/error-message.ts).
   */
  loadError: unknown
}

/**
 * One claim's operation groups not yet committed, oldest first: the first
 * `writing` of them are being written; after a failure, `attempt` counts the
 * tries and `timer` holds the next. `created`: the first group creates a
 * claim this session made and nothing stored can hold yet, so its first write
 * need not read (storage/claim-operations-repo.ts `newClaims`).
 */
interface ClaimQueue {
  groups: ClaimOperation[][]
  writing: number
  attempt: number
  timer: ReturnType<typeof setTimeout> | null
  created: boolean
}

/** Note edits of one claim closer together than this are one undo step (one run of typing). */
const TYPING_GROUP_MS = 2_000

/** The longest {@link ClaimSession.afterWrites} holds work back for a slow write. */
const AFTER_WRITES_MAX_MS = 250

const source = (): OperationSource => ({ newId: () => newId(), at: new Date().toISOString() })

/**
 * One set's claims for one window: edits show at once, are written at once,
 * and say "Saved" only after their transaction committed; failed writes stay
 * on screen and are retried. Changes made elsewhere are followed until
 * {@link ClaimSession.dispose}. A failed read puts the error itself in the
 * snapshot's `loadError`; nothing throws.
 *
 * `initial`, when given, is the set's claims in document order as stored
 * right now, with the length of its journal (the app's opening read,
 * state/opening.ts): the session starts loaded with them instead of reading the set.
 */
export class ClaimSession {
  private stored: Claim[] = []
  private loaded = false
  private loadError: unknown = null
  /** Per claim id, its operation groups not yet committed (see {@link ClaimQueue}). */
  private readonly queues = new Map<string, ClaimQueue>()
  /** The failure shown until every failed write got through. */
  private failure: Extract<SaveStatus, { state: 'error' }> | null = null
  private history: ClaimHistory = createHistory()
  private lastTypingAt = 0
  private status: SaveStatus = { state: 'idle' }
  private snapshot: ClaimSessionSnapshot | null = null
  /** The displayed claims, recomputed only when their content may have changed (not on a status change). */
  private mergedClaims: readonly Claim[] | null = null
  private readonly listeners = new Set<() => void>()
  private disposed = false
  private readonly watch: SetWatch
  private reading = false
  private rereadWanted = false
  /** True when the wanted re-read may be only after this window's own fold. */
  private rereadMayBeFold = true
  /** Own commits applied while a read was in flight, re-applied to its result (which may predate them). */
  private readonly appliedDuringRead: { id: string; claim: Claim | null }[] = []
  /** Work held back by {@link afterWrites}, with its latest-start timer. */
  private readonly afterWriting = new Map<() => void, ReturnType<typeof setTimeout>>()

  constructor(
    db: WorkbenchDb,
    readonly setId: string,
    initial?: { claims: readonly Claim[]; edits: number },
  ) {
    this.watch = watchSet(db, setId, this.onForeignChange, initial?.edits ?? 0)
    if (initial) {
      this.stored = [...initial.claims]
      this.loaded = true
    } else {
      void this.read(false)
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

  /**
   * Add a new claim (undoable). Its id must be new (shared/claims/ids.ts
   * `newId`): the first write stores it without reading what is stored under
   * that id, which for a new id is nothing. An id this session holds already
   * (stored or queued) is written the ordinary way, keeping what is stored.
   */
  create(claim: Claim): void {
    const created = !this.queues.has(claim.id) && this.storedClaim(claim.id) === null
    this.perform([createOperation(claim, source())], created)
  }

  /**
   * Record the edit that turned `before` (the claim as displayed) into `after`
   * as its operations (one per field or item changed; undoable as one step).
   * Nothing happens when nothing changed.
   */
  update(before: Claim, after: Claim): void {
    // The edit's own time (claim-edits.ts sets `modified`) becomes the operations' time.
    this.perform(operationsBetween(before, after, { newId: () => newId(), at: after.modified }))
  }

  /** Delete a claim (undoable). */
  remove(claim: Claim): void {
    this.perform([deleteOperation(claim, source())])
  }

  /** Undo this window's latest edit: only its operations are inverted. False when there is none. */
  undo(): boolean {
    const step = undo(this.history, source())
    if (!step) return false
    this.history = step.history
    this.lastTypingAt = 0
    this.enqueue(step.apply)
    return true
  }

  redo(): boolean {
    const step = redo(this.history, source())
    if (!step) return false
    this.history = step.history
    this.lastTypingAt = 0
    this.enqueue(step.apply)
    return true
  }

  /** The save status alone: the same object until it changes, without building the displayed list. */
  getStatus(): SaveStatus {
    return this.status
  }

  /** The displayed claim with this id, or null. */
  get(id: string): Claim | null {
    // A claim with nothing queued is displayed as stored (the very object the list
    // would hold): no need to merge 10,000 claims in the key press that queued another.
    if (!this.queues.has(id) && this.mergedClaims === null) return this.storedClaim(id)
    return this.getSnapshot().claims.find((c) => c.id === id) ?? null
  }

  /** Whether claim `id` has an edit of this window not yet committed (queued, being written or waiting to retry). */
  hasUnsavedEdit(id: string): boolean {
    return this.queues.has(id)
  }

  /** The claim with this id as last read from or written to disk (without this window's unsaved edits), or null. */
  storedClaim(id: string): Claim | null {
    return this.stored.find((c) => c.id === id) ?? null
  }

  /**
   * Run `run` once none of this session's writes is in flight — at once when
   * none is, else right after the last one settles (committed or failed), and
   * after {@link AFTER_WRITES_MAX_MS} at the latest. For follow-up rendering
   * (the desk's new list) that would otherwise hold the main thread while
   * each of the write's IndexedDB events waits for it, delaying "Saved"
   * (docs/performance.md). Never runs after {@link dispose}.
   */
  afterWrites(run: () => void): void {
    if (this.disposed) return
    if (!this.writeInFlight()) {
      run()
      return
    }
    const once = () => {
      clearTimeout(this.afterWriting.get(once))
      this.afterWriting.delete(once)
      run()
    }
    this.afterWriting.set(once, setTimeout(once, AFTER_WRITES_MAX_MS))
  }

  dispose(): void {
    this.disposed = true
    this.watch.dispose()
    for (const q of this.queues.values()) if (q.timer) clearTimeout(q.timer)
    for (const timer of this.afterWriting.values()) clearTimeout(timer)
    this.afterWriting.clear()
    this.listeners.clear()
  }

  private writeInFlight(): boolean {
    for (const q of this.queues.values()) if (q.writing > 0) return true
    return false
  }

  /**
   * Run the work {@link afterWrites} held back, once no write is in flight:
   * after the next frame, in a task of its own. A new claim's write can now
   * commit before the frame that shows its highlight; run at once, the desk's
   * render would hold that frame back. The status line's "Saved" (rendered in
   * this task's microtasks) waits for neither.
   */
  private releaseAfterWrites(): void {
    if (this.afterWriting.size === 0 || this.writeInFlight()) return
    const held = [...this.afterWriting.keys()]
    const release = () =>
      setTimeout(() => {
        if (!this.disposed) for (const once of held) if (this.afterWriting.has(once)) once()
      }, 0)
    // A hidden page draws no frames: the latest-start timers of afterWrites still run the work.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(release)
    else release()
  }

  private perform(group: ClaimOperation[], created = false): void {
    if (group.length === 0) return
    const typing = group.length === 1 && group[0]!.kind === 'setNote'
    const now = Date.now()
    this.history = push(this.history, group, { mergeTyping: typing && now - this.lastTypingAt < TYPING_GROUP_MS })
    this.lastTypingAt = typing ? now : 0
    this.enqueue(group, created)
  }

  private enqueue(group: ClaimOperation[], created = false): void {
    const id = group[0]!.claimId
    let queue = this.queues.get(id)
    if (!queue) this.queues.set(id, (queue = { groups: [], writing: 0, attempt: 0, timer: null, created }))
    queue.groups.push(group)
    this.mergedClaims = null
    this.flush(id)
  }

  /** Write the claim's queued groups not yet being written, in one transaction, unless one of its writes is under way. */
  private flush(id: string): void {
    const queue = this.queues.get(id)
    if (!queue || queue.writing > 0 || this.disposed || queue.groups.length === 0) return
    if (queue.timer) clearTimeout(queue.timer)
    queue.timer = null
    const batch = queue.groups.length
    queue.writing = batch
    // Only the first try of the creating group alone: a retry may follow a write
    // whose outcome is unknown, and later groups edit what is stored.
    const newClaims = queue.created && queue.attempt === 0 && batch === 1
    queue.created = false
    // The write is started before anyone hears of the change, so it is not
    // queued behind the re-render that the listeners start (docs/performance.md).
    const written = this.watch.apply(queue.groups.slice(0, batch).flat(), { newClaims })
    this.setStatus(this.progress())
    written.then(
      (after) => this.committed(id, queue, batch, after),
      (error: unknown) => this.failed(id, queue, error),
    )
  }

  private committed(id: string, queue: ClaimQueue, batch: number, after: Map<string, Claim | null>): void {
    if (this.disposed) return
    const shownBefore = this.displayed(id)
    queue.groups.splice(0, batch)
    queue.writing = 0
    queue.attempt = 0
    if (queue.groups.length === 0) this.queues.delete(id)
    for (const [claimId, claim] of after) this.applyOwnCommit(claimId, claim)
    // Unless another window changed the same claim meanwhile, the overlay already showed
    // what is now stored: the displayed list keeps its identity, so "Saved" does not hand
    // the desk 10,000 claims to diff again.
    if (JSON.stringify(shownBefore) !== JSON.stringify(this.displayed(id))) this.mergedClaims = null
    if (![...this.queues.values()].some((q) => q.attempt > 0)) this.failure = null
    this.setStatus(this.progress())
    this.flush(id)
    this.releaseAfterWrites()
  }

  private failed(id: string, queue: ClaimQueue, error: unknown): void {
    if (this.disposed) return
    queue.writing = 0
    const delay = retryDelay(Math.min(queue.attempt, 30))
    queue.attempt += 1
    queue.timer = setTimeout(() => {
      queue.timer = null
      this.flush(id)
    }, delay)
    const code = error instanceof CritiqueError ? error.code : undefined
    this.failure = { state: 'error', message: userMessageOf(error), pending: 0, retryInMs: delay, ...(code ? { code } : {}) }
    this.setStatus(this.progress())
    this.releaseAfterWrites()
  }

  /** Groups not yet committed, of every claim. */
  private pendingCount(): number {
    let n = 0
    for (const q of this.queues.values()) n += q.groups.length
    return n
  }

  // A failure keeps its message until every failed write got through.
  private progress(): SaveStatus {
    const pending = this.pendingCount()
    if (this.failure) return { ...this.failure, pending }
    return pending === 0 ? { state: 'saved', at: Date.now() } : { state: 'saving', pending }
  }

  private applyOwnCommit(id: string, claim: Claim | null): void {
    this.stored = withStored(this.stored, id, claim)
    if (this.reading) this.appliedDuringRead.push({ id, claim })
  }

  private readonly onForeignChange = (change: ForeignChange): void => {
    if (!this.disposed) void this.read(change.mayBeOwnFold)
  }

  /**
   * Read the whole set (at start and after a change from elsewhere). Reads run
   * one at a time; a change arriving during a read makes it run again, since
   * its result may predate that change.
   */
  private async read(mayBeOwnFold: boolean): Promise<void> {
    if (this.reading) {
      this.rereadWanted = true
      this.rereadMayBeFold &&= mayBeOwnFold
      return
    }
    this.reading = true
    let onlyFold = mayBeOwnFold
    try {
      do {
        this.rereadWanted = false
        this.rereadMayBeFold = true
        this.appliedDuringRead.length = 0
        let claims: Claim[]
        try {
          claims = await this.watch.read()
        } catch (error) {
          if (this.disposed) return
          this.loadError = error ?? new Error('unknown read failure')
          this.changed()
          return
        }
        if (this.disposed) return
        if (this.rereadWanted) {
          onlyFold = this.rereadMayBeFold && onlyFold
          continue
        }
        for (const { id, claim } of this.appliedDuringRead) claims = withStored(claims, id, claim)
        // After this window's own fold the set is the same, only stored differently:
        // the desk keeps its list instead of re-rendering 10,000 claims.
        const unchanged = onlyFold && this.loaded && this.loadError === null && sameStoredClaims(this.stored, claims)
        onlyFold = true
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

  /** The claim `id` as displayed: stored, with the queued operations on it applied. */
  private displayed(id: string): Claim | null {
    return applyOperations(this.storedClaim(id), this.queues.get(id)?.groups.flat() ?? [])
  }

  private merged(): readonly Claim[] {
    const queued = new Map<string, ClaimOperation[]>()
    for (const [id, queue] of this.queues) queued.set(id, queue.groups.flat())
    return displayedClaims(this.stored, queued)
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
