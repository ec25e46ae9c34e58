/**
 * Matches of a find-in-article query as DOM ranges over the reader's text,
 * painted with the CSS Custom Highlight API (`::highlight(search-match)` and
 * `::highlight(search-current)`): nothing is added to the document, so claim
 * marks, decorations and ProseMirror's view are untouched. Text inside widgets
 * (claim markers, suggestion glyphs: contenteditable=false) is not article text
 * and is never searched. Matches stay within one block, as a reader reads.
 */
import { findMatches, MAX_MATCHES } from './find-matches'

/** The highlight names the stylesheet paints (search.css). */
export const MATCH_HIGHLIGHT = 'search-match'
export const CURRENT_HIGHLIGHT = 'search-current'

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre'

/** The text nodes of `block` that are article text, with the block's text they make up. */
function blockText(block: Element): { text: string; nodes: Text[]; starts: number[] } {
  const nodes: Text[] = []
  const starts: number[] = []
  let text = ''
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('[contenteditable="false"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  })
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text)
    starts.push(text.length)
    text += (n as Text).data
  }
  return { text, nodes, starts }
}

/** The node and offset of block-text position `at`; a start at a node boundary belongs to the next node. */
function locate(nodes: Text[], starts: number[], at: number, isEnd: boolean): [Text, number] {
  for (let i = nodes.length - 1; i >= 0; i--) {
    if (isEnd ? starts[i]! < at : starts[i]! <= at) return [nodes[i]!, at - starts[i]!]
  }
  return [nodes[0]!, 0]
}

/**
 * Every match of `query` in the article text under `root`, in document order,
 * as ranges (at most MAX_MATCHES). An empty query gives none. Never throws.
 */
export function findRanges(root: Element, query: string): Range[] {
  const ranges: Range[] = []
  if (query.trim() === '') return ranges
  for (const block of root.querySelectorAll(BLOCKS)) {
    // A blockquote holding paragraphs is searched through them.
    if (block.querySelector(BLOCKS)) continue
    const { text, nodes, starts } = blockText(block)
    if (nodes.length === 0) continue
    for (const match of findMatches(text, query, MAX_MATCHES - ranges.length)) {
      const range = root.ownerDocument.createRange()
      range.setStart(...locate(nodes, starts, match.start, false))
      range.setEnd(...locate(nodes, starts, match.end, true))
      ranges.push(range)
    }
    if (ranges.length >= MAX_MATCHES) break
  }
  return ranges
}

/** Whether this browser paints custom highlights (Chromium 105+, Electron alike). */
export function canHighlight(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined'
}

/** Paint `ranges`, the one at `current` (or none, -1) as the current match. Without the API, paints nothing. */
export function paintMatches(ranges: readonly Range[], current: number): void {
  if (!canHighlight()) return
  CSS.highlights.set(MATCH_HIGHLIGHT, new Highlight(...ranges.filter((_, i) => i !== current)))
  const now = ranges[current]
  if (now) CSS.highlights.set(CURRENT_HIGHLIGHT, new Highlight(now))
  else CSS.highlights.delete(CURRENT_HIGHLIGHT)
}

/** Remove the search's highlights. */
export function clearMatches(): void {
  if (!canHighlight()) return
  CSS.highlights.delete(MATCH_HIGHLIGHT)
  CSS.highlights.delete(CURRENT_HIGHLIGHT)
}

/**
 * Scroll `scroller` so that `range` sits in its upper third, unless it is in
 * view already. Its block is brought near first: a block group off screen
 * skips layout (content-visibility) and has no geometry yet.
 */
export function revealRange(range: Range, scroller: HTMLElement): void {
  const view = scroller.getBoundingClientRect()
  let box = range.getBoundingClientRect()
  if (box.height === 0 && box.width === 0) {
    range.startContainer.parentElement?.closest(BLOCKS)?.scrollIntoView({ block: 'center' })
    box = range.getBoundingClientRect()
  }
  if (box.top >= view.top + 8 && box.bottom <= view.bottom - 8) return
  scroller.scrollTop += box.top - view.top - scroller.clientHeight / 3
}
