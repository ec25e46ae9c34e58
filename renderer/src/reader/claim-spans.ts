/**
 * Which blocks a claim covers, and which blocks of an article are drawn from
 * the start: the pure part of the reader's claim painting (claim-painter.ts),
 * kept apart so it runs in Node tests.
 *
 * Long articles paint lazily: a block's claims are painted once the block is
 * "realized" — near the viewport now or at some earlier moment
 * (realize-near-viewport.ts). Each painted claim is a Range in a Highlight,
 * and Chromium re-validates every range of the registry when one changes, so
 * painting only realized blocks keeps a create or a scroll to the few hundred
 * claims around the reader instead of 10,000 (docs/performance.md). Short
 * articles are realized whole at once.
 */
import { blockIndexAt, type PositionIndex } from '../../../shared/article/position-map'
import type { Claim, ClaimTarget } from '../../../shared/claims/model'

/** Anything with a claim's place in the text (a claim, the focused claim). */
export interface Spanned {
  target: Pick<ClaimTarget, 'position'>
}

/** Articles up to this many characters are painted whole from the start. */
export const LAZY_ABOVE_CHARS = 50_000
/** How much text from the top of a long article is painted before any scrolling. */
export const INITIAL_CHARS = 6_000

/**
 * {@link blockSpan}, searching forward from block `hint` when the claim starts
 * at or after that block (claims in document order: each search is a step or
 * two instead of two binary searches over thousands of blocks).
 */
export function blockSpanFrom(index: PositionIndex, claim: Spanned, hint: number): [number, number] {
  const { start, end } = claim.target.position
  const clamp = (n: number) => Math.min(Math.max(n, 0), index.textLength)
  const from = clamp(start)
  const n = index.starts.length
  if (hint < 0 || hint >= n || index.starts[hint]! > from) return blockSpan(index, claim)
  let lo = hint
  while (lo + 1 < n && index.starts[lo + 1]! <= from) lo++
  const first = from > index.starts[lo]! + index.lengths[lo]! ? lo + 1 : lo
  const to = clamp(Math.max(start, end))
  let hi = lo
  while (hi + 1 < n && index.starts[hi + 1]! <= to) hi++
  const last = Math.max(first, hi)
  return [Math.min(first, n - 1), Math.min(last, n - 1)]
}

/** Blocks `[first, last]` that the claim's span overlaps. */
export function blockSpan(index: PositionIndex, claim: Spanned): [number, number] {
  const { start, end } = claim.target.position
  const clamp = (n: number) => Math.min(Math.max(n, 0), index.textLength)
  const first = blockIndexAt(index, clamp(start), 1)
  const last = Math.max(first, blockIndexAt(index, clamp(Math.max(start, end)), -1))
  return [Math.min(first, index.starts.length - 1), Math.min(last, index.starts.length - 1)]
}

/** 1 for each block realized before any scrolling: all of a short article, the top of a long one. */
export function initiallyRealized(index: PositionIndex): Uint8Array {
  const n = index.starts.length
  const realized = new Uint8Array(n)
  if (index.textLength <= LAZY_ABOVE_CHARS) realized.fill(1)
  else for (let b = 0; b < n && index.starts[b]! <= INITIAL_CHARS; b++) realized[b] = 1
  return realized
}

/** True when every block in `[first, last]` (clamped) is realized. */
export function allRealized(realized: Uint8Array, first: number, last: number): boolean {
  for (let b = Math.max(0, first); b <= last && b < realized.length; b++) if (realized[b] !== 1) return false
  return true
}

/** Whether the claims list must repaint `now` where `old` was painted (id alike): added, removed, moved, restanced. */
export function changedSince(old: Claim | undefined, now: Claim | undefined): boolean {
  if (old === now) return false
  return !old || !now || now.modified !== old.modified || now.stance !== old.stance || now.orphan !== old.orphan
}

/** The marker letters of a block: one per claim starting in it, in the order given ("E" evidenced, "S" speculative). */
export function markerLetters(stances: readonly Claim['stance'][]): string {
  let letters = ''
  for (const s of stances) letters += s === 'evidenced' ? 'E' : 'S'
  return letters
}
