/**
 * Whether a key event's target is somewhere the user types (a form field or
 * anything inside a dialog). Single-letter shortcuts (E, S, J, K, N, ?) and the
 * claim history's undo/redo stand aside there, so typing "s" in a note never
 * tags a claim and Ctrl+Z in a field undoes the typing.
 */
export function isTypingTarget(target: EventTarget | null, { includeDialogs = true } = {}): boolean {
  const el = target as HTMLElement | null
  if (!el || typeof el.tagName !== 'string') return false
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true
  return includeDialogs && !!el.closest?.('dialog')
}
