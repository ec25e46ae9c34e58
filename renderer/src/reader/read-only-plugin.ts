/**
 * Keeps the reader's content immutable while leaving it a real contenteditable,
 * so the caret, Shift+arrow selection and copying behave as in any text.
 * Typing, paste, drop, cut and IME composition are refused; should the DOM
 * change anyway (IME), the refused transaction makes ProseMirror redraw the
 * original text.
 */
import { Plugin } from 'prosemirror-state'

const BLOCKED_INPUT = /^(insert|delete|history|format)/

export function readOnlyPlugin(): Plugin {
  return new Plugin({
    filterTransaction: (tr) => !tr.docChanged,
    props: {
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
      handleDOMEvents: {
        beforeinput: (_view, event) => {
          if (BLOCKED_INPUT.test((event as InputEvent).inputType)) event.preventDefault()
          return false
        },
        cut: (_view, event) => {
          // Copy what was selected, but never remove it.
          event.preventDefault()
          const text = window.getSelection()?.toString() ?? ''
          ;(event as ClipboardEvent).clipboardData?.setData('text/plain', text)
          return true
        },
        dragstart: (_view, event) => {
          // Dragging text out would be a move; the reader only lets you copy.
          event.preventDefault()
          return true
        },
      },
    },
  })
}
