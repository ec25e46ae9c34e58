/**
 * Which pending suggestion has the focus (its card open), how to move it
 * (N / P, a click on the text), and keeping it in view as it moves.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { resolveFocus, stepSuggestion, suggestionAt, type PendingSuggestion } from './pending'

export interface SuggestionFocus {
  focused: PendingSuggestion | null
  focus(suggestion: PendingSuggestion | null): void
  step(direction: 1 | -1): void
  /** Focus the pending suggestion containing `offset`; unfocus when there is none. Returns whether one was hit. */
  focusAt(offset: number): boolean
}

/** Scroll the suggestion `key` to the middle of `container` unless it is already fully in view. */
function bringIntoView(container: HTMLElement | null, key: string): void {
  const spans = container?.querySelectorAll<HTMLElement>(`[data-suggestion="${key}"]`)
  if (!container || !spans?.length) return
  const box = container.getBoundingClientRect()
  const first = spans[0]!.getBoundingClientRect()
  const last = spans[spans.length - 1]!.getBoundingClientRect()
  // Room below for the card that opens under the sentence.
  if (first.top < box.top + 8 || last.bottom > box.bottom - 200) spans[0]!.scrollIntoView({ block: 'center' })
}

/**
 * The focus among `pending` while suggestions are `visible` (none while they
 * are off). The focus follows its suggestion as the list changes and moves to
 * the next one when its own is accepted or dismissed (pending.ts resolveFocus).
 */
export function useSuggestionFocus(pending: readonly PendingSuggestion[], visible: boolean, scrollContainer: () => HTMLElement | null): SuggestionFocus {
  const [anchor, setAnchor] = useState<{ key: string; start: number } | null>(null)
  useEffect(() => {
    if (!visible) setAnchor(null)
  }, [visible])
  const focused = useMemo(() => (visible ? resolveFocus(pending, anchor) : null), [visible, pending, anchor])

  const focusedKey = focused?.key ?? null
  const scroller = useRef(scrollContainer)
  scroller.current = scrollContainer
  useEffect(() => {
    if (!focusedKey) return
    const frame = requestAnimationFrame(() => bringIntoView(scroller.current(), focusedKey))
    return () => cancelAnimationFrame(frame)
  }, [focusedKey])

  const focus = useCallback((s: PendingSuggestion | null) => setAnchor(s ? { key: s.key, start: s.start } : null), [])
  const step = useCallback(
    (direction: 1 | -1) => {
      const next = stepSuggestion(pending, focused?.start ?? null, direction)
      if (next) focus(next)
    },
    [pending, focused, focus],
  )
  const focusAt = useCallback(
    (offset: number) => {
      if (!visible) return false
      const hit = suggestionAt(pending, offset)
      focus(hit)
      return hit !== null
    },
    [visible, pending, focus],
  )
  return { focused, focus, step, focusAt }
}
