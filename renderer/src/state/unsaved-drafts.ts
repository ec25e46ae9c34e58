/**
 * Text on screen that is not yet handed to the claim session (a note held
 * back while the analyst decides between their text and another window's).
 * The status line reads "Unsaved" while any is held, so it never says
 * "Saved" while the screen and the disk differ; and every held draft is
 * asked to save when the page is hidden or about to go (visibilitychange,
 * pagehide), the last moments a window reliably gets before it may be killed.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react'

/** Per held draft, how to save it now, and the claim it belongs to (when it is a claim's). */
const drafts = new Map<symbol, { flush: () => void; claimId: string | undefined }>()
const listeners = new Set<() => void>()
let installed = false

function changed(): void {
  for (const l of listeners) l()
}

/** Ask every held draft to save now. Never throws (a failing flush is skipped). */
export function flushDrafts(): void {
  for (const d of [...drafts.values()]) {
    try {
      d.flush()
    } catch {
      // One draft failing to save must not keep the others from saving.
    }
  }
}

function install(): void {
  if (installed || typeof window === 'undefined') return
  installed = true
  window.addEventListener('pagehide', flushDrafts)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushDrafts()
  })
}

/** True while a draft of claim `claimId` is held (team/shared-pull.ts leaves such a claim alone). */
export function claimHasUnsavedDraft(claimId: string): boolean {
  for (const d of drafts.values()) if (d.claimId === claimId) return true
  return false
}

/** True while any draft is held. */
export function hasUnsavedDrafts(): boolean {
  return drafts.size > 0
}

/**
 * Hold a draft (of claim `claimId`, when it is a claim's) while `unsaved` is
 * true; `flush` saves it (called on visibilitychange to hidden and on
 * pagehide). Released when `unsaved` turns false or the component unmounts.
 */
export function useUnsavedDraft(unsaved: boolean, flush: () => void, claimId?: string): void {
  const key = useRef(Symbol('draft'))
  const latest = useRef(flush)
  useEffect(() => {
    latest.current = flush
  })
  useEffect(() => {
    if (!unsaved) return
    install()
    const k = key.current
    drafts.set(k, { flush: () => latest.current(), claimId })
    changed()
    return () => {
      drafts.delete(k)
      changed()
    }
  }, [unsaved, claimId])
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Whether any draft is held, live. */
export function useHasUnsavedDrafts(): boolean {
  return useSyncExternalStore(subscribe, hasUnsavedDrafts)
}
