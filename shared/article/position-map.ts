/**
 * Mapping between ProseMirror positions in an article document (as built by
 * `docFromBlocks`: a flat list of textblocks) and offsets in the canonical
 * text (UTF-16 code units, as the W3C selectors count them).
 *
 * Layout: block i starts at canonical offset C_i and its node starts at
 * position C_i too, because a block of n characters takes n + 2 positions
 * (open, text, close) and n + 2 offsets (text plus the `\n\n` separator). So
 * inside a block, `pos = offset + 1`. The only places that do not correspond
 * are the block boundaries:
 *
 * - canonical offset `end_i + 1` (between the two separator characters) has no
 *   text position; it maps to the end of block i (`assoc` -1, the default) or
 *   to the start of block i + 1 (`assoc` 1);
 * - position `C_i` for i > 0 (between two blocks), position 0 (before the first
 *   block) and the document end are not inside any text; they map to the
 *   nearest block edge in the `assoc` direction (-1: end of the block before,
 *   1: start of the block after), clamped to the document's bounds.
 *
 * The index is built once per article (O(n)); each lookup is a binary search.
 */

import type { ArticleBlock } from './model'

/** Block starts and lengths of one article, for position/offset mapping. */
export interface PositionIndex {
  /** Canonical offset (= node position) where each block starts. */
  readonly starts: readonly number[]
  /** Text length of each block in UTF-16 code units. */
  readonly lengths: readonly number[]
  /** Length of the canonical text. */
  readonly textLength: number
  /** `doc.content.size` of the matching ProseMirror doc. */
  readonly docSize: number
}

/** Which side a boundary that has no exact counterpart snaps to: -1 the block before, 1 the block after. */
export type Assoc = -1 | 1

/**
 * Build the mapping index for `blocks` (the same blocks `docFromBlocks` was
 * given). Throws RangeError for an empty block list (no document can exist).
 */
export function buildPositionIndex(blocks: readonly Pick<ArticleBlock, 'text'>[]): PositionIndex {
  if (blocks.length === 0) throw new RangeError('buildPositionIndex: an article needs at least one block')
  const starts: number[] = []
  const lengths: number[] = []
  let at = 0
  for (const block of blocks) {
    starts.push(at)
    lengths.push(block.text.length)
    at += block.text.length + 2
  }
  return { starts, lengths, textLength: at - 2, docSize: at }
}

/**
 * Index of the block whose span [start, start + length] contains `offset`,
 * preferring the later block only when `offset` is its start. Offsets in the
 * middle of a separator belong to no block: the block before (`assoc` -1) or
 * after (`assoc` 1) is returned. Throws RangeError when `offset` is not an
 * integer in [0, textLength].
 */
export function blockIndexAt(index: PositionIndex, offset: number, assoc: Assoc = -1): number {
  checkRange('offset', offset, 0, index.textLength)
  // Last block whose start <= offset.
  let lo = 0
  let hi = index.starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (index.starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  const inSeparator = offset > index.starts[lo]! + index.lengths[lo]!
  return inSeparator && assoc === 1 ? lo + 1 : lo
}

/**
 * ProseMirror position of canonical `offset` (see module comment for the
 * separator rule and `assoc`). Throws RangeError when `offset` is not an
 * integer in [0, textLength].
 */
export function offsetToPos(index: PositionIndex, offset: number, assoc: Assoc = -1): number {
  const block = blockIndexAt(index, offset, assoc)
  const start = index.starts[block]!
  const clamped = Math.min(Math.max(offset, start), start + index.lengths[block]!)
  return clamped + 1
}

/**
 * Canonical offset of ProseMirror position `pos`. Positions inside a block's
 * text map exactly (`pos - 1`); boundary positions map to the end of the block
 * before (`assoc` -1) or the start of the block after (`assoc` 1), clamped to
 * the text. Throws RangeError when `pos` is not an integer in [0, docSize].
 */
export function posToOffset(index: PositionIndex, pos: number, assoc: Assoc = -1): number {
  checkRange('pos', pos, 0, index.docSize)
  // Last block whose node starts before pos, i.e. whose content could hold pos.
  let lo = 0
  let hi = index.starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (index.starts[mid]! < pos) lo = mid
    else hi = mid - 1
  }
  const start = index.starts[lo]!
  const end = start + index.lengths[lo]!
  if (pos >= start + 1 && pos <= end + 1) return pos - 1
  // pos is a boundary: before the first block (pos 0) or after block lo's close.
  if (pos === 0) return 0
  const next = lo + 1 < index.starts.length ? index.starts[lo + 1]! : null
  return assoc === 1 && next !== null ? next : end
}

/**
 * `offset` moved off the middle of a surrogate pair: unchanged unless it sits
 * between a high and a low surrogate, then one code unit back (`'backward'`)
 * or forward (`'forward'`). Lone surrogates are left as they are. Throws
 * RangeError when `offset` is not an integer in [0, text.length].
 */
export function snapToCodePoint(text: string, offset: number, direction: 'backward' | 'forward'): number {
  checkRange('offset', offset, 0, text.length)
  if (offset === 0 || offset === text.length) return offset
  const before = text.charCodeAt(offset - 1)
  const after = text.charCodeAt(offset)
  const splitsPair = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
  if (!splitsPair) return offset
  return direction === 'backward' ? offset - 1 : offset + 1
}

function checkRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} ${value} is outside [${min}, ${max}]`)
  }
}
