/**
 * Where keys belong to what the user is typing. Single-letter shortcuts (E, S,
 * J, K, N, ?) stand aside in text fields, selects and dialogs, so typing "s"
 * in a note never tags a claim; Ctrl/Cmd+Z stands aside only in a text field,
 * which has its own undo. A radio, checkbox or button is not a text field:
 * after a click on the Stance buttons, Ctrl+Z undoes the stance.
 */

/** Input types whose value the user types (and the browser can undo). */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', ''])

/** Whether `target` is a field the user types text into, with the browser's own undo. */
export function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || typeof el.tagName !== 'string') return false
  if (el.tagName === 'TEXTAREA') return true
  if (el.tagName === 'INPUT') return TEXT_INPUT_TYPES.has(((el as HTMLInputElement).getAttribute('type') ?? '').toLowerCase())
  // The article views are read-only contenteditables (reader/reader-attributes.ts): no typing, no undo of their own.
  return el.isContentEditable === true && !el.closest?.('[aria-readonly="true"]')
}

/** Whether a key event's target is somewhere the user types: a text field, a select, or anything inside a dialog. */
export function isTypingTarget(target: EventTarget | null, { includeDialogs = true } = {}): boolean {
  const el = target as HTMLElement | null
  if (!el || typeof el.tagName !== 'string') return false
  if (isTextField(el) || el.tagName === 'SELECT') return true
  return includeDialogs && !!el.closest?.('dialog')
}
