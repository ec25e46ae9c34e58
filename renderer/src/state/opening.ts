/**
 * The app's first read and its hand-over to the reader: the article, the
 * sets and the active set's claims arrive together, so the reader's first
 * render has all of them and its claim session starts without reading the
 * set again (docs/performance.md). The read is the renderer entry's
 * (storage/early-opening.ts), done while the app was still loading, or, when
 * the entry could not do it (no database yet, an upgrade was due), one made
 * on Dexie's connection as soon as the database is open.
 *
 * The claims are only as fresh as the read. A write to any stored claim after
 * the read began (this window, through Dexie's `storagemutated` event, which
 * is listened to from before anything in this window can write; another
 * window, also through the entry's listener on Dexie's cross-tab channel)
 * makes {@link ReaderOpening.takeClaims} decline them, and the session reads
 * the set itself as it always did.
 */
import Dexie, { type ObservabilitySet } from 'dexie'
import type { Claim } from '../../../shared/claims/model'
import type { WorkbenchDb } from '../storage/database'
import { touchesClaims, type EarlyOpening } from '../storage/early-opening'
import { readOpening, type OpeningDocument, type OpeningRead } from '../storage/opening-read'

/** What the reader takes from the opening read of its document. */
export interface ReaderOpening {
  document: OpeningDocument
  /**
   * The claims of set `setId` as read (with the length of its journal), when
   * that is the set read and no claim was written since; else null. Hands
   * them out once: a second call returns null.
   */
  takeClaims(setId: string): { claims: Claim[]; edits: number } | null
}

/** The first read of the app (see the module comment). */
export interface Opening {
  /** Resolves with the read; rejects when IndexedDB fails (with its error). */
  read: Promise<OpeningRead>
  /** The read once `read` has resolved, else null. */
  current(): OpeningRead | null
  /** The reader's part of the read of `documentId`, or null when it read no such document. Call after `read` resolved. */
  forReader(documentId: string): ReaderOpening | null
  /** Stop following changes (also done by the first takeClaims). */
  dispose(): void
}

/** Take over the entry's read (`early`), or start one on `db`. Never throws; failures reject `read`. */
export function startOpening(db: WorkbenchDb, early?: EarlyOpening): Opening {
  let changed = false
  let listening = true
  const onMutated = (parts: ObservabilitySet) => {
    if (touchesClaims(parts, db.name)) changed = true
  }
  const dispose = () => {
    if (!listening) return
    listening = false
    Dexie.on.storagemutated.unsubscribe(onMutated)
    early?.dispose()
  }
  // Subscribed before this window can write, and before a read of its own starts.
  Dexie.on.storagemutated.subscribe(onMutated)
  let result: OpeningRead | null = null
  const read = (early?.read ?? Promise.resolve(null))
    .then((earlyRead) => earlyRead ?? readOpening(db.backendDB()))
    .then(
      (r) => {
        // No claims to hand over: nothing to follow.
        if (!r.document?.active) dispose()
        return (result = r)
      },
      (error: unknown) => {
        dispose()
        throw error
      },
    )
  return {
    read,
    dispose,
    current: () => result,
    forReader(documentId) {
      const document = result?.document
      if (!document || document.article.id !== documentId) return null
      let taken = false
      return {
        document,
        takeClaims(setId) {
          const fresh = !taken && listening && !changed && !early?.claimsChanged() && document.active?.setId === setId
          taken = true
          dispose()
          return fresh ? { claims: document.active!.claims, edits: document.active!.edits } : null
        },
      }
    },
  }
}
