/**
 * The reader: a ProseMirror EditorView over the article, read-only for content,
 * with the claims painted as CSS Custom Highlights beside it (claim-painter.ts).
 * React owns the surrounding layout; the view and its painter are created once
 * per article and fed claims and focus, never re-created on re-render.
 */
import { EditorState, TextSelection } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef } from 'react'
import type { Article } from '../../../shared/article/model'
import { docFromBlocks, articleSchema } from '../../../shared/article/schema'
import { buildPositionIndex, offsetToPos, posToOffset, type PositionIndex } from '../../../shared/article/position-map'
import type { Claim } from '../../../shared/claims/model'
import { ClaimPainter } from './claim-painter'
import { RealizeNearViewport } from './realize-near-viewport'
import { keepPlaceOnFocusPlugin } from './keep-place-on-focus'
import { readOnlyPlugin } from './read-only-plugin'
import { articleNodeViews } from './block-group-view'
import { readOnlyArticleAttributes } from './reader-attributes'
import { scrollIntoViewSettled } from './scroll-settled'
import { setSuggestionLayer, suggestionLayerPlugin, type SuggestionLayer } from '../suggestions/suggestion-decorations'

/** The reader's selection in canonical-text offsets, with where to float the toolbar. */
export interface ReaderSelection {
  start: number
  end: number
  /** Toolbar anchor, relative to the reader's scroll container content. */
  top: number
  left: number
}

export interface ReaderHandle {
  /** Scroll a claim into view and optionally flash it. */
  revealClaim(claim: Claim, flash: boolean): void
  /** Scroll the block containing `offset` to the top and put the caret there. */
  revealOffset(offset: number): void
  /** Select a range of the text (canonical offsets). */
  selectRange(start: number, end: number): void
  /** The current selection as offsets, or null when it is empty. */
  selection(): { start: number; end: number } | null
  /**
   * Collapse the selection to its end (after tagging it). With `only`, only
   * while the selection is still that range: the desk collapses once the claim
   * is saved, and by then the reader may have selected something else.
   */
  collapseSelection(only?: { start: number; end: number }): void
  /**
   * Draw a new or edited claim now, and outline it as the selected one, before
   * the claims list and selection catch up (tagging paints in the next frame).
   */
  drawClaim(claim: Claim): void
  focus(): void
}

interface ReaderProps {
  article: Article
  claims: readonly Claim[]
  selectedClaim: Claim | null
  /** The claim finder's suggestions to draw (renderer/src/suggestions); absent or null suggestions: none. */
  suggestions?: SuggestionLayer
  /** Element that scrolls the reader; toolbar coordinates are relative to it. */
  scrollContainer: () => HTMLElement | null
  onSelectionChange(selection: ReaderSelection | null): void
  /** The user clicked on text at `offset` (without selecting). */
  onClickOffset(offset: number, event: MouseEvent): void
}

/**
 * The DOM selection inside the view as document positions. Keys can arrive
 * before ProseMirror has read the latest selectionchange (Shift+arrows typed
 * fast), so the DOM is the truth when the key is handled.
 */
function domSelectionRange(view: EditorView): { from: number; to: number } | null {
  const sel = view.dom.ownerDocument.getSelection()
  if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) return null
  if (!view.dom.contains(sel.anchorNode) || !view.dom.contains(sel.focusNode)) return null
  try {
    const a = view.posAtDOM(sel.anchorNode, sel.anchorOffset)
    const b = view.posAtDOM(sel.focusNode, sel.focusOffset)
    return { from: Math.min(a, b), to: Math.max(a, b) }
  } catch {
    return null
  }
}

/**
 * Make ProseMirror take the DOM selection as it is now for the last one it
 * saw. It reads a new DOM selection only when it differs from that one, and
 * it does not look while the focus is elsewhere (the analyst's name prompt
 * during a first tag): collapsing there left it remembering the tagged text,
 * so selecting that very text again (in another set) was not seen and no
 * toolbar came. Tagging used to replace the text's nodes, which hid this.
 * `domObserver.setCurSelection` is not public API: without it, nothing is
 * done (workbench.spec's accessibility flow selects the text again).
 */
function rememberDomSelection(view: EditorView): void {
  const observer = (view as unknown as { domObserver?: { setCurSelection?: () => void } }).domObserver
  observer?.setCurSelection?.()
}

function selectionOf(view: EditorView, index: PositionIndex, container: HTMLElement | null): ReaderSelection | null {
  const { from, to, empty } = view.state.selection
  if (empty) return null
  const start = posToOffset(index, from)
  const end = posToOffset(index, to)
  if (end <= start) return null
  let top = 0
  let left = 0
  if (container) {
    const box = container.getBoundingClientRect()
    const head = view.coordsAtPos(from)
    const tail = view.coordsAtPos(to)
    top = head.top - box.top + container.scrollTop
    left = Math.max(8, Math.min((head.left + tail.left) / 2, box.right - 24) - box.left)
  }
  return { start, end, top, left }
}

export const Reader = forwardRef<ReaderHandle, ReaderProps>(function Reader(props, ref) {
  const mount = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const index = useRef<PositionIndex | null>(null)
  const painter = useRef<ClaimPainter | null>(null)
  const realizer = useRef<RealizeNearViewport | null>(null)
  // Callbacks change every render; the view keeps reading the latest through this ref.
  const latest = useRef(props)
  latest.current = props

  // A layout effect: the article is in the DOM before the browser first lays out and
  // paints the desk, so opening costs one layout of the page, not two.
  useLayoutEffect(() => {
    const blocks = props.article.blocks
    const positionIndex = buildPositionIndex(blocks)
    index.current = positionIndex
    const state = EditorState.create({
      schema: articleSchema,
      doc: docFromBlocks(blocks),
      plugins: [readOnlyPlugin(), keepPlaceOnFocusPlugin(() => latest.current.scrollContainer()), suggestionLayerPlugin(positionIndex)],
    })
    const editor = new EditorView(mount.current!, {
      state,
      attributes: readOnlyArticleAttributes(props.article, props.article.title, 'reader-text'),
      nodeViews: articleNodeViews,
      dispatchTransaction(tr) {
        const next = editor.state.apply(tr)
        editor.updateState(next)
        if (tr.selectionSet) latest.current.onSelectionChange(selectionOf(editor, positionIndex, latest.current.scrollContainer()))
      },
      handleClick(_v, pos, event) {
        // ProseMirror calls this only for a click without a drag.
        latest.current.onClickOffset(posToOffset(positionIndex, pos), event)
        return false
      },
    })
    view.current = editor
    const claimPainter = new ClaimPainter(editor, positionIndex, latest.current.claims)
    painter.current = claimPainter
    realizer.current = new RealizeNearViewport(editor, positionIndex, claimPainter)
    return () => {
      realizer.current?.destroy()
      claimPainter.destroy()
      editor.destroy()
      view.current = null
      painter.current = null
      realizer.current = null
    }
    // The view belongs to one article; claims and focus arrive by transaction.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.article.id])

  useEffect(() => {
    painter.current?.setClaims(props.claims)
    // Claims that arrived after the view may need blocks near the viewport painted.
    realizer.current?.later()
  }, [props.claims])

  useEffect(() => {
    const v = view.current
    if (v && props.suggestions) v.dispatch(setSuggestionLayer(v.state.tr, props.suggestions))
  }, [props.suggestions, props.article.id])

  useEffect(() => {
    const c = props.selectedClaim
    painter.current?.focus(c ? { id: c.id, target: c.target } : null)
  }, [props.selectedClaim])

  useImperativeHandle(ref, () => ({
    revealClaim(claim, flash) {
      const v = view.current
      const idx = index.current
      if (!v || !idx) return
      const from = offsetToPos(idx, claim.target.position.start)
      painter.current?.focus({ id: claim.id, target: claim.target }, flash)
      const dom = v.domAtPos(from)
      const el = dom.node.nodeType === 1 ? (dom.node as HTMLElement) : dom.node.parentElement
      if (el) scrollIntoViewSettled(el, { block: 'center', behavior: 'auto' }, el.closest('.block-group > *'))
    },
    revealOffset(offset) {
      const v = view.current
      const idx = index.current
      if (!v || !idx) return
      const pos = offsetToPos(idx, offset)
      const dom = v.domAtPos(pos)
      const el = dom.node.nodeType === 1 ? (dom.node as HTMLElement) : dom.node.parentElement
      const block = el?.closest('h1,h2,h3,h4,h5,h6,p,blockquote,li,pre')
      if (block) scrollIntoViewSettled(block, { block: 'start' })
    },
    selectRange(start, end) {
      const v = view.current
      const idx = index.current
      if (!v || !idx) return
      v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, offsetToPos(idx, start), offsetToPos(idx, end))))
      v.focus()
    },
    selection() {
      const v = view.current
      const idx = index.current
      if (!v || !idx) return null
      const range = domSelectionRange(v) ?? (v.state.selection.empty ? null : v.state.selection)
      if (!range || range.from === range.to) return null
      return { start: posToOffset(idx, range.from), end: posToOffset(idx, range.to) }
    },
    collapseSelection(only) {
      const v = view.current
      const idx = index.current
      if (!v || !idx) return
      if (only) {
        const now = domSelectionRange(v) ?? v.state.selection
        if (posToOffset(idx, now.from) !== only.start || posToOffset(idx, now.to) !== only.end) return
      }
      // Nothing may be selected (a claim made from a suggestion): collapsing then would throw.
      const domSelection = window.getSelection()
      // collapse() to the range's end, not collapseToEnd(): Chromium computes a
      // visible selection for collapseToEnd, which lays out whatever the key's task
      // left dirty (the status line) before the frame would.
      if (domSelection && domSelection.rangeCount > 0) {
        const range = domSelection.getRangeAt(0)
        domSelection.collapse(range.endContainer, range.endOffset)
      }
      v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, v.state.selection.to)))
      rememberDomSelection(v)
    },
    drawClaim(claim) {
      // One Range, and a marker attribute next frame: no transaction, so ProseMirror neither
      // redraws the paragraph nor puts the selection back (docs/performance.md).
      painter.current?.put(claim)
      painter.current?.focus({ id: claim.id, target: claim.target })
    },
    focus() {
      view.current?.focus()
    },
  }))

  return <div ref={mount} className="reader-mount" />
})
