/**
 * The reading desk's claim session for its active set: one ClaimSession per
 * active set, disposed when the set changes or the desk unmounts.
 *
 * When the app's opening read (state/opening.ts) hands over the active set's
 * claims, the session is made during the desk's first render, so that render
 * already shows the claims: made in the effect, it came one render and one
 * frame later, and the desk with its 10,000-claim panel and the reader's
 * decorations was rendered twice on the way to the first highlights
 * (docs/performance.md). Every later session is made in the effect.
 */
import { useEffect, useRef, useState } from 'react'
import type { WorkbenchDb } from '../storage/database'
import { ClaimSession } from './claim-session'
import type { ReaderOpening } from './opening'

/**
 * The session of set `activeId` (null without one). `opening` is read at
 * mount only. Never throws; a failed read shows in the session's snapshot.
 */
export function useClaimSession(db: WorkbenchDb, activeId: string | null, opening: ReaderOpening | null): ClaimSession | null {
  const [first] = useState(() => {
    const active = opening?.document.active
    const stored = active && opening ? opening.takeClaims(active.setId) : null
    return active && stored ? new ClaimSession(db, active.setId, stored) : null
  })
  // Adopted by the first run of the effect below, which owns (and disposes) it from then on.
  const unadopted = useRef(first)
  const [session, setSession] = useState(first)

  useEffect(() => {
    const made = unadopted.current
    unadopted.current = null
    if (!activeId) {
      made?.dispose()
      setSession(null)
      return
    }
    const s = made?.setId === activeId ? made : new ClaimSession(db, activeId, opening?.takeClaims(activeId) ?? undefined)
    if (made && made !== s) made.dispose()
    setSession(s)
    return () => s.dispose()
  }, [db, activeId, opening])

  return session
}
