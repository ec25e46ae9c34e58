/**
 * Focusing the reader keeps the reader's place.
 *
 * Why: when a contenteditable gains focus without a click (Tab, a shortcut,
 * `focus()`), the browser puts the caret where the DOM selection last was —
 * for a reader that was scrolled by wheel or scrollbar, the top of the
 * article — and scrolls there. On a long report that throws the analyst back
 * to page one. This plugin notes where the reader's scroll container was
 * before focus arrives; if focusing moved it, it scrolls back (before the
 * frame is painted, so nothing flickers) and puts the caret at the start of
 * the text at the top of the visible part instead.
 */
import { Plugin, TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'

/** A pointer press this recent means the focus came from a click, which places the caret itself. */
const POINTER_FOCUS_MS = 500

class PlaceKeeper {
  private scrollTop: number | null = null
  private pointerAt = -Infinity

  constructor(
    private readonly view: EditorView,
    private readonly container: () => HTMLElement | null,
  ) {
    document.addEventListener('scroll', this.remember, { capture: true, passive: true })
    view.dom.addEventListener('pointerdown', this.pointer, { capture: true })
    this.remember()
  }

  remember = (): void => {
    if (this.view.dom.ownerDocument.activeElement !== this.view.dom) this.scrollTop = this.container()?.scrollTop ?? null
  }

  pointer = (): void => {
    this.pointerAt = performance.now()
  }

  /** Called on the view's focus event, after the browser's own focus scrolling. */
  focused(): void {
    const container = this.container()
    const before = this.scrollTop
    if (!container || before === null || performance.now() - this.pointerAt < POINTER_FOCUS_MS) return
    if (Math.abs(container.scrollTop - before) < 2) return
    container.scrollTop = before
    const box = container.getBoundingClientRect()
    const text = this.view.dom.getBoundingClientRect()
    const top = Math.max(box.top, text.top) + 8
    const hit = this.view.posAtCoords({ left: text.left + 8, top })
    if (!hit) return
    const $pos = this.view.state.doc.resolve(hit.pos)
    const at = $pos.parent.isTextblock ? $pos.start() : hit.pos
    this.view.dispatch(this.view.state.tr.setSelection(TextSelection.near(this.view.state.doc.resolve(at))))
    // ProseMirror writing the selection may scroll to it; it is in view, but keep the exact place.
    container.scrollTop = before
  }

  destroy(): void {
    document.removeEventListener('scroll', this.remember, { capture: true })
    this.view.dom.removeEventListener('pointerdown', this.pointer, { capture: true })
  }
}

/** The plugin, for a reader scrolled by `container` (read when needed: it may mount later). */
export function keepPlaceOnFocusPlugin(container: () => HTMLElement | null): Plugin {
  let keeper: PlaceKeeper | null = null
  return new Plugin({
    view: (view) => (keeper = new PlaceKeeper(view, container)),
    props: {
      handleDOMEvents: {
        focus: () => {
          keeper?.focused()
          return false
        },
        // Where the reader was when it lost focus is where it is until the next scroll.
        blur: () => {
          keeper?.remember()
          return false
        },
      },
    },
  })
}
