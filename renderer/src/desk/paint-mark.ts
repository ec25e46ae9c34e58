/**
 * A User Timing mark for "the document is open with all its highlights
 * painted", which `npm run bench` reads (docs/performance.md). Its startTime
 * is milliseconds since navigation start (the page's time origin), so the
 * mark alone gives open-to-painted time.
 */
import { useEffect, useRef } from 'react'

/** Name of the mark; its `detail` is `{ count }`, the number of claims drawn. */
export const CLAIMS_PAINTED_MARK = 'cw:claims-painted'

/**
 * Mark {@link CLAIMS_PAINTED_MARK} once per mounted reader, after the first
 * frame that shows the set's claims. Call it from the component that renders
 * the reader, with `ready` true once the article and the active set's claims
 * (possibly none) are rendered. The reader dispatches claims in its own
 * effect, and a child's effects run before its parent's, so by the time this
 * effect runs the decorations are in the DOM. The first requestAnimationFrame
 * callback runs before that frame's style, layout and paint; the second runs
 * at the start of the next frame, i.e. after the first was produced, and that
 * is when the mark is taken. Never throws (marking is skipped where the User
 * Timing API is missing).
 */
export function useClaimsPaintedMark(ready: boolean, count: number): void {
  const marked = useRef(false)
  const latestCount = useRef(count)
  latestCount.current = count
  useEffect(() => {
    if (!ready || marked.current || typeof performance?.mark !== 'function') return
    marked.current = true
    const drawn = latestCount.current
    // Not cancelled on re-render: the first paint happens once, whatever renders after it.
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark(CLAIMS_PAINTED_MARK, { detail: { count: drawn } })))
  }, [ready])
}
