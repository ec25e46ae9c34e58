/**
 * How the reading desk follows a ClaimSession without making the user wait
 * for it (docs/performance.md). A changed list of claims re-renders the whole
 * desk (claims panel, suggestions, outline of orphans), which on a set of
 * thousands of claims takes tens of milliseconds; done synchronously inside
 * the key press that tagged a claim, it held back both the frame showing the
 * new highlight (drawn directly in the reader, see Reader.drawClaim) and the
 * IndexedDB write's completion. So:
 *
 * - {@link useSessionSnapshot}: the desk's copy of the snapshot, updated in a
 *   React transition (interruptible, after the frame, and after the write
 *   the change started: ClaimSession.afterWrites) once it has loaded, and
 *   not at all when only the save status changed;
 * - {@link useSessionStatus}: the save status alone, updated at once, for the
 *   small status line.
 */
import { startTransition, useEffect, useState, useSyncExternalStore } from 'react'
import type { Claim } from '../../../shared/claims/model'
import type { ClaimSession, ClaimSessionSnapshot } from './claim-session'
import type { SaveStatus } from './save-status'

const IDLE: SaveStatus = { state: 'idle' }
const noSubscription = () => () => undefined

function sameButStatus(a: ClaimSessionSnapshot, b: ClaimSessionSnapshot): boolean {
  return a.loaded === b.loaded && a.claims === b.claims && a.canUndo === b.canUndo && a.canRedo === b.canRedo && a.loadError === b.loadError
}

/**
 * The session's snapshot as the desk renders it, or null without a session.
 * The first loaded snapshot arrives as an ordinary update (opening is not
 * delayed); later ones as transitions. Its `status` may lag: read the status
 * with {@link useSessionStatus}. Never throws.
 */
export function useSessionSnapshot(session: ClaimSession | null): ClaimSessionSnapshot | null {
  // A session there at mount (the opening read's, state/use-claim-session.ts) is held from the
  // first render, so the effect below has nothing to change: no second render of the desk.
  const [held, setHeld] = useState<{ session: ClaimSession; snapshot: ClaimSessionSnapshot } | null>(() =>
    session ? { session, snapshot: session.getSnapshot() } : null,
  )
  useEffect(() => {
    if (!session) return
    let current = session.getSnapshot()
    let live = true
    let checking = false
    setHeld((prev) => (prev?.session === session && prev.snapshot === current ? prev : { session, snapshot: current }))
    const check = () => {
      checking = false
      if (!live) return
      const next = session.getSnapshot()
      if (sameButStatus(current, next)) return
      const urgent = !current.loaded
      current = next
      if (urgent) setHeld({ session, snapshot: next })
      else startTransition(() => setHeld({ session, snapshot: next }))
    }
    // Looked at once the write the change started has settled (at once when none
    // is under way): building the new list (a merge of 10,000 claims) and rendering
    // the desk during the write held the main thread that its events, and the key
    // press that started it, wait for.
    const unsubscribe = session.subscribe(() => {
      if (checking) return
      checking = true
      session.afterWrites(check)
    })
    return () => {
      live = false
      unsubscribe()
    }
  }, [session])
  // A snapshot of an earlier session is never shown for the current one.
  if (!session) return null
  return held?.session === session ? held.snapshot : session.getSnapshot()
}

/** The session's save status, updated synchronously; idle without a session. Never throws. */
export function useSessionStatus(session: ClaimSession | null): SaveStatus {
  return useSyncExternalStore(session?.subscribe ?? noSubscription, () => session?.getStatus() ?? IDLE)
}

/**
 * One claim as the session holds it right now, not deferred like the desk's
 * snapshot: the claim detail's form controls (stance radios, lists) must show
 * an edit in the same frame, or a controlled input snaps back until the
 * transition lands. Null when there is no such claim.
 */
export function useLiveClaim(session: ClaimSession | null, id: string | null): Claim | null {
  // A status change hands back the very same claim object, so React sees no change.
  return useSyncExternalStore(session?.subscribe ?? noSubscription, () => (session && id ? session.get(id) : null))
}
