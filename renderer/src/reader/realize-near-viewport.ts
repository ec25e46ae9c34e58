/**
 * Realizes the reader's blocks near the viewport as the reader scrolls, so
 * their claims are painted (claim-painter.ts). It listens to scrolling
 * synchronously: the frame that shows a block already shows its highlights.
 */
import type { EditorView } from 'prosemirror-view'
import { blockIndexAt, blockIndexAtPos, groupExtent, groupOfBlock, type PositionIndex } from '../../../shared/article/position-map'
import type { ClaimPainter } from './claim-painter'

/** Text beyond the visible part, before and after, whose claims are painted too. */
export const REALIZE_MARGIN_CHARS = 4_000

/**
 * The blocks `[first, last]` drawn at window point (x, y), or null when no
 * block is there. A group the browser has not laid out yet (skipped by
 * `content-visibility`) is hit as a whole: its blocks are all it can be.
 */
function blocksAtPoint(view: EditorView, index: PositionIndex, x: number, y: number): [number, number] | null {
  // Blocks are the children of the document's groups (block-groups.ts).
  let element = view.dom.ownerDocument.elementFromPoint(x, y)
  while (element && element.parentElement !== view.dom && element.parentElement?.parentElement !== view.dom) element = element.parentElement
  if (!element) return null
  if (element.parentElement === view.dom) {
    const { first, end } = groupExtent(index, groupOfBlock(index, blockIndexAtPos(index, view.posAtDOM(element, 0), 1)))
    return [first, end - 1]
  }
  const b = blockIndexAtPos(index, view.posAtDOM(element, 0), 1)
  return [b, b]
}

/**
 * Blocks within {@link REALIZE_MARGIN_CHARS} of the part of the text visible
 * in the window, or null when the reader is not on screen. Hit-testing two
 * points (the top and bottom of what is visible) is cheap once layout is
 * clean, which it is while scrolling.
 */
export function blocksNearViewport(view: EditorView, index: PositionIndex): [number, number] | null {
  const box = view.dom.getBoundingClientRect()
  const top = Math.max(box.top, 0)
  const bottom = Math.min(box.bottom, window.innerHeight)
  if (box.height === 0 || bottom <= top) return null
  const x = box.left + box.width / 2
  // Between two blocks there is only margin: step inwards until a block is hit.
  let first: number | null = null
  let last: number | null = null
  for (let dy = 1; first === null && dy < bottom - top; dy += 24) first = blocksAtPoint(view, index, x, top + dy)?.[0] ?? null
  for (let dy = 1; last === null && dy < bottom - top; dy += 24) last = blocksAtPoint(view, index, x, bottom - dy)?.[1] ?? null
  if (first === null || last === null) return null
  const clamp = (n: number) => Math.min(Math.max(n, 0), index.textLength)
  const start = index.starts[first]! - REALIZE_MARGIN_CHARS
  const end = index.starts[last]! + index.lengths[last]! + REALIZE_MARGIN_CHARS
  return [blockIndexAt(index, clamp(start), 1), blockIndexAt(index, clamp(end), -1)]
}

/**
 * Realizes the blocks near the viewport whenever anything scrolls or the
 * window resizes, and once after the first frame (the blocks at the top are
 * realized from the start, so that frame needs nothing).
 */
export class RealizeNearViewport {
  private timer: ReturnType<typeof setTimeout> | null = null
  private frame = 0

  constructor(
    private readonly view: EditorView,
    private readonly index: PositionIndex,
    private readonly painter: ClaimPainter,
  ) {
    // Capture: scroll events do not bubble, and the scrolling element is the reader's container.
    document.addEventListener('scroll', this.check, { capture: true, passive: true })
    window.addEventListener('resize', this.check)
    this.later()
  }

  /** Look again after the next frame (claims arrived, or the layout may have moved). */
  later(): void {
    if (this.frame || this.timer) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.timer = setTimeout(() => this.check(), 0)
    })
  }

  check = (event?: Event): void => {
    this.frame = 0
    this.timer = null
    if (!this.painter.hasClaims || this.painter.fullyRealized) return
    // Scrolling elsewhere (the claims panel, the outline) cannot bring new text into view.
    if (event?.type === 'scroll' && event.target instanceof Element && !event.target.contains(this.view.dom)) return
    const range = blocksNearViewport(this.view, this.index)
    if (!range || this.painter.isRealized(range[0], range[1])) return
    this.painter.realize(range[0], range[1])
    // Blocks laid out for the first time take their real height, which can move other
    // text into view without a scroll event: look again once that frame is done.
    this.later()
  }

  destroy(): void {
    document.removeEventListener('scroll', this.check, { capture: true })
    window.removeEventListener('resize', this.check)
    if (this.frame) cancelAnimationFrame(this.frame)
    if (this.timer) clearTimeout(this.timer)
  }
}
