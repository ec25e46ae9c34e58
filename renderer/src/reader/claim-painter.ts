/**
 * Paints the reader's claims with the CSS Custom Highlight API
 * (claim-highlights.ts) and their margin markers as an attribute of the block
 * where each claim starts (`data-claim-marks`, drawn by reader.css): neither
 * changes the article's text DOM, so tagging a claim costs one Range added to
 * one Highlight and one attribute, with no ProseMirror transaction, redraw or
 * selection restore (docs/performance.md).
 *
 * Claims are painted where the reader is (claim-spans.ts): a claim gets its
 * Range once a block it covers is realized; realized blocks stay realized. A
 * new claims list is diffed by id, `modified`, stance and orphan flag, and
 * only the claims that changed are repainted. Orphans have no place in the
 * text and are not painted (the claims panel lists them).
 *
 * Ranges point at the view's text nodes. ProseMirror replaces a block's text
 * nodes when another layer's decorations in it change (suggestions): a
 * MutationObserver then rebuilds the ranges of that block's claims before the
 * frame is painted (its callback runs at the end of the same task).
 */
import type { EditorView } from 'prosemirror-view'
import { blockIndexAtPos, offsetToPos, type PositionIndex } from '../../../shared/article/position-map'
import type { Claim, ClaimTarget, Stance } from '../../../shared/claims/model'
import { registerClaimHighlights, FLASH_MS, type ClaimHighlights } from './claim-highlights'
import { allRealized, blockSpan, blockSpanFrom, changedSince, initiallyRealized, markerLetters } from './claim-spans'

/** The block attribute that reader.css draws as the margin markers: one letter per claim starting in the block. */
export const MARKS_ATTRIBUTE = 'data-claim-marks'

// Past this many changed claims in one list, one pass over all claims is
// cheaper than patching claim by claim.
const PATCH_AT_MOST = 200

/** The claim outlined as selected: its id and where it is. */
export interface FocusedClaim {
  id: string
  target: Pick<ClaimTarget, 'position'>
}

export class ClaimPainter {
  /** Every claim as last given (a list, then puts over it), painted or not. */
  private claims = new Map<string, Claim>()
  /** The list `claims` was last made from, while no put has changed it since. */
  private lastList: readonly Claim[] | null = null
  /** Per block, the ids of the claims that overlap it (orphans excluded). */
  private byBlock: (string[] | undefined)[]
  /** 1 for each realized block. */
  private readonly realized: Uint8Array
  private readonly painted = new Map<string, { range: Range; stance: Stance }>()
  /** Blocks whose element carries markers now. */
  private readonly marked = new Set<number>()
  private focused: FocusedClaim | null = null
  private flashTimer: ReturnType<typeof setTimeout> | null = null
  /** Blocks whose markers a put changed, written at the start of the next frame. */
  private readonly pendingMarkers = new Set<number>()
  private markerFrame = 0
  private readonly highlights: ClaimHighlights
  private readonly observer: MutationObserver

  /**
   * Paint `claims` over `view`, whose document `index` maps. Throws TypeError
   * when the browser has no Custom Highlight API.
   */
  constructor(
    private readonly view: EditorView,
    private readonly index: PositionIndex,
    claims: readonly Claim[],
  ) {
    this.highlights = registerClaimHighlights()
    this.realized = initiallyRealized(index)
    this.byBlock = new Array(index.starts.length)
    this.observer = new MutationObserver((records) => this.textReplaced(records))
    this.observer.observe(view.dom, { childList: true, subtree: true })
    this.setClaims(claims)
  }

  /** How many claims have a Range painted now (for tests and the bench). */
  get paintedCount(): number {
    return this.painted.size
  }

  /** True when no block is left to realize. */
  get fullyRealized(): boolean {
    return allRealized(this.realized, 0, this.realized.length - 1)
  }

  /** Whether any claim is known (painted or not). */
  get hasClaims(): boolean {
    return this.claims.size > 0
  }

  /** True when every block in `[first, last]` is realized. */
  isRealized(first: number, last: number): boolean {
    return allRealized(this.realized, first, last)
  }

  /**
   * Paint `claims` (all of them; painted where realized), repainting only
   * those added, removed or edited since the last list and puts. Never throws
   * for claims whose offsets are inside the text.
   */
  setClaims(claims: readonly Claim[]): void {
    // The reader hands the same list again right after mounting (its effect runs
    // after the constructor): diffing 10,000 claims against themselves delayed
    // the open by ≈ 15 ms on a loaded machine.
    if (claims === this.lastList) return
    this.lastList = claims
    const next = new Map(claims.map((c) => [c.id, c]))
    const changed: string[] = []
    for (const [id, old] of this.claims) if (changedSince(old, next.get(id))) changed.push(id)
    for (const id of next.keys()) if (!this.claims.has(id)) changed.push(id)
    if (changed.length === 0) {
      this.claims = next
      return
    }
    if (this.claims.size === 0 || changed.length > PATCH_AT_MOST) {
      this.claims = next
      this.repaintAll()
      return
    }
    const dirty = new Set<number>()
    for (const id of changed) this.unpaint(id, dirty)
    this.claims = next
    for (const id of changed) this.paint(id, dirty)
    this.refreshMarkers(dirty)
  }

  /**
   * Paint one new or edited claim now, ahead of the next list (which then
   * finds it painted): one Range and one marker, nothing else redrawn.
   */
  put(claim: Claim): void {
    if (!changedSince(this.claims.get(claim.id), claim)) return
    const dirty = new Set<number>()
    this.unpaint(claim.id, dirty)
    this.claims.set(claim.id, claim)
    this.lastList = null
    this.paint(claim.id, dirty)
    // Tagged where the reader is: its blocks are realized now, whatever scrolling has reported so far.
    if (!claim.orphan) this.realize(...blockSpan(this.index, claim))
    // The marker is written in the next frame's animation callbacks, before its style
    // and layout: written now, it would leave layout dirty for the rest of the key's
    // task, and collapsing the selection there would lay the page out first.
    for (const b of dirty) this.pendingMarkers.add(b)
    if (!this.markerFrame) this.markerFrame = requestAnimationFrame(() => this.flushMarkers())
  }

  /** Write the markers a put left pending (at once; also done by the next frame). */
  flushMarkers(): void {
    if (this.markerFrame) cancelAnimationFrame(this.markerFrame)
    this.markerFrame = 0
    const blocks = [...this.pendingMarkers]
    this.pendingMarkers.clear()
    this.refreshMarkers(blocks)
  }

  /** Realize blocks `[first, last]` (clamped) and paint their claims. */
  realize(first: number, last: number): void {
    const lo = Math.max(0, first)
    const hi = Math.min(this.realized.length - 1, last)
    const dirty = new Set<number>()
    for (let b = lo; b <= hi; b++) {
      if (this.realized[b] === 1) continue
      this.realized[b] = 1
      for (const id of this.byBlock[b] ?? []) if (!this.painted.has(id)) this.draw(id, dirty)
    }
    this.refreshMarkers(dirty)
  }

  /**
   * Outline `selected` as the selected claim (null: none); `flash` also paints
   * the arrival flash for {@link FLASH_MS}. The same steady focus again changes nothing.
   */
  focus(selected: FocusedClaim | null, flash = false): void {
    const was = this.focused
    if (!flash && was && selected && was.id === selected.id && samePosition(was, selected)) return
    this.focused = selected
    this.highlights.focus.clear()
    if (flash || !selected) this.endFlash()
    if (!selected) return
    const range = this.rangeOf(selected.target.position.start, selected.target.position.end)
    if (!range) return
    this.highlights.focus.add(range)
    if (flash) {
      this.highlights.flash.add(range.cloneRange())
      this.flashTimer = setTimeout(() => this.endFlash(), FLASH_MS)
    }
  }

  /** Unregister the highlights and stop watching the view. */
  destroy(): void {
    if (this.markerFrame) cancelAnimationFrame(this.markerFrame)
    this.observer.disconnect()
    this.endFlash()
    this.highlights.release()
  }

  private endFlash(): void {
    if (this.flashTimer) clearTimeout(this.flashTimer)
    this.flashTimer = null
    this.highlights.flash.clear()
  }

  /** Rebuild every index and Range from `claims` (the first list, or a large change). */
  private repaintAll(): void {
    this.highlights.stance.evidenced.clear()
    this.highlights.stance.speculative.clear()
    this.painted.clear()
    const dirty = new Set<number>(this.marked)
    const byBlock: string[][] = new Array(this.index.starts.length)
    let hint = 0
    for (const claim of this.claims.values()) {
      if (claim.orphan) continue
      const [first, last] = blockSpanFrom(this.index, claim, hint)
      hint = first
      for (let b = first; b <= last; b++) (byBlock[b] ??= []).push(claim.id)
    }
    this.byBlock = byBlock
    for (let b = 0; b < byBlock.length; b++) {
      if (this.realized[b] !== 1) continue
      for (const id of byBlock[b] ?? []) if (!this.painted.has(id)) this.draw(id, dirty)
    }
    this.refreshMarkers(dirty)
  }

  /** Take claim `id` (as currently known) out of the index and the highlights. */
  private unpaint(id: string, dirty: Set<number>): void {
    const old = this.claims.get(id)
    if (!old || old.orphan) return
    const [first, last] = blockSpan(this.index, old)
    for (let b = first; b <= last; b++) {
      const ids = this.byBlock[b]
      if (ids) this.byBlock[b] = ids.filter((x) => x !== id)
    }
    const painted = this.painted.get(id)
    if (painted) {
      this.highlights.stance[painted.stance].delete(painted.range)
      this.painted.delete(id)
      dirty.add(first)
    }
  }

  /** Put claim `id` (as currently known) into the index, and paint it if a block it covers is realized. */
  private paint(id: string, dirty: Set<number>): void {
    const claim = this.claims.get(id)
    if (!claim || claim.orphan) return
    const [first, last] = blockSpan(this.index, claim)
    let seen = false
    for (let b = first; b <= last; b++) {
      ;(this.byBlock[b] ??= []).push(id)
      seen ||= this.realized[b] === 1
    }
    if (seen) this.draw(id, dirty)
  }

  /** Make claim `id`'s Range and add it to its stance's highlight. */
  private draw(id: string, dirty: Set<number>): void {
    const claim = this.claims.get(id)
    if (!claim) return
    const { start, end } = claim.target.position
    const range = this.rangeOf(start, end)
    if (!range) return
    this.highlights.stance[claim.stance].add(range)
    this.painted.set(id, { range, stance: claim.stance })
    dirty.add(blockSpan(this.index, claim)[0])
  }

  /** The DOM range of canonical offsets `[start, end)`, or null when it is empty. */
  private rangeOf(start: number, end: number): Range | null {
    const from = offsetToPos(this.index, start)
    const to = offsetToPos(this.index, end)
    if (to <= from) return null
    const head = this.view.domAtPos(from, 1)
    const tail = this.view.domAtPos(to, -1)
    const range = this.view.dom.ownerDocument.createRange()
    range.setStart(head.node, head.offset)
    range.setEnd(tail.node, tail.offset)
    return range
  }

  /** Set each block's marker letters from the painted claims that start in it. */
  private refreshMarkers(blocks: Iterable<number>): void {
    for (const b of blocks) {
      this.pendingMarkers.delete(b)
      const starting: Claim[] = []
      for (const id of this.byBlock[b] ?? []) {
        const claim = this.claims.get(id)
        if (claim && this.painted.has(id) && blockSpan(this.index, claim)[0] === b) starting.push(claim)
      }
      starting.sort((x, y) => x.target.position.start - y.target.position.start)
      const element = this.view.nodeDOM(this.index.nodeStarts[b]!)
      if (!(element instanceof HTMLElement)) continue
      const letters = markerLetters(starting.map((c) => c.stance))
      if (letters) {
        element.setAttribute(MARKS_ATTRIBUTE, letters)
        this.marked.add(b)
      } else {
        element.removeAttribute(MARKS_ATTRIBUTE)
        this.marked.delete(b)
      }
    }
  }

  /** ProseMirror redrew some blocks' text: rebuild the ranges that pointed into them. */
  private textReplaced(records: MutationRecord[]): void {
    const blocks = new Set<number>()
    for (const record of records) {
      const target = record.target instanceof Element ? record.target : record.target.parentElement
      const block = target?.closest('.block-group > *')
      if (!block || !this.view.dom.contains(block)) {
        // A group or the whole document redrawn (never for a read-only article): rebuild everything.
        this.repaintAll()
        this.refocus()
        return
      }
      blocks.add(blockIndexAtPos(this.index, this.view.posAtDOM(block, 0), 1))
    }
    const dirty = new Set<number>()
    for (const b of blocks) {
      for (const id of this.byBlock[b] ?? []) {
        const painted = this.painted.get(id)
        if (!painted) continue
        this.highlights.stance[painted.stance].delete(painted.range)
        this.painted.delete(id)
        this.draw(id, dirty)
      }
    }
    const f = this.focused
    if (f) {
      const span = blockSpan(this.index, f)
      for (const b of blocks) if (b >= span[0] && b <= span[1]) return this.refocus()
    }
  }

  private refocus(): void {
    const f = this.focused
    const flashing = this.highlights.flash.size > 0
    this.focused = null
    this.focus(f, false)
    if (flashing && f) {
      const range = this.rangeOf(f.target.position.start, f.target.position.end)
      this.highlights.flash.clear()
      if (range) this.highlights.flash.add(range)
    }
  }
}

function samePosition(a: FocusedClaim, b: FocusedClaim): boolean {
  return a.target.position.start === b.target.position.start && a.target.position.end === b.target.position.end
}
