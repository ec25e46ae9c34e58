/**
 * Mapping between ProseMirror positions in an article document (as built by
 * `docFromBlocks`: textblocks in groups, block-groups.ts) and offsets in the
 * canonical text (UTF-16 code units, as the W3C selectors count them).
 *
 * Layout: block i starts at canonical offset C_i. A block of n characters
 * takes n + 2 positions (open, text, close) and n + 2 offsets (text plus the
 * `\n\n` separator), and each group adds two positions (its open and close
 * tokens), so block i of group g starts at position C_i + 2g + 1 and inside a
 * block `pos = offset + 2g + 2`. The only places that do not correspond are
 * the block boundaries:
 *
 * - canonical offset `end_i + 1` (between the two separator characters) has no
 *   text position; it maps to the end of block i (`assoc` -1, the default) or
 *   to the start of block i + 1 (`assoc` 1);
 * - positions between blocks or groups, before the first block and at the
 *   document's end are not inside any text; they map to the nearest block edge in the `assoc` direction (-1: end of the block before,
 *   1: start of the block after), clamped to the document's bounds.
 *
 * The index is built once per article (O(n)); each lookup is a binary search.
 */

import { groupStarts } from './block-groups'
import type { ArticleBlock } from './model'

/** Block starts and lengths of one article, for position/offset mapping. */
export interface PositionIndex {
  /** Canonical offset where each block's text starts. */
  readonly starts: readonly number[]
  /** Document position just before each block's node. */
  readonly nodeStarts: readonly number[]
  /** Index of the first block of each group (block-groups.ts), ascending from 0. */
  readonly groupFirst: readonly number[]
  /** Document position just before each group's node. */
  readonly groupStarts: readonly number[]
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
  const lengths = blocks.map((block) => block.text.length)
  const groupFirst = groupStarts(lengths)
  const starts: number[] = []
  const nodeStarts: number[] = []
  const groupPositions: number[] = []
  let at = 0
  let pos = 0
  let group = 0
  for (let b = 0; b < lengths.length; b++) {
    if (groupFirst[group] === b) {
      // Close the group before (unless this is the first) and open this one.
      if (group > 0) pos++
      groupPositions.push(pos)
      pos++
      group++
    }
    starts.push(at)
    nodeStarts.push(pos)
    at += lengths[b]! + 2
    pos += lengths[b]! + 2
  }
  return { starts, lengths, nodeStarts, groupFirst, groupStarts: groupPositions, textLength: at - 2, docSize: pos + 1 }
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
  return index.nodeStarts[block]! + 1 + (clamped - start)
}

/**
 * Canonical offset of ProseMirror position `pos`. Positions inside a block's
 * text map exactly (`pos - 1`); boundary positions map to the end of the block
 * before (`assoc` -1) or the start of the block after (`assoc` 1), clamped to
 * the text. Throws RangeError when `pos` is not an integer in [0, docSize].
 */
export function posToOffset(index: PositionIndex, pos: number, assoc: Assoc = -1): number {
  checkRange('pos', pos, 0, index.docSize)
  const lo = blockIndexBeforePos(index, pos)
  const node = index.nodeStarts[lo]!
  const start = index.starts[lo]!
  const end = start + index.lengths[lo]!
  if (pos >= node + 1 && pos <= node + 1 + index.lengths[lo]!) return start + (pos - node - 1)
  // pos is a boundary: before the first block's text, or after block lo's.
  if (pos <= node) return 0
  const next = lo + 1 < index.starts.length ? index.starts[lo + 1]! : null
  return assoc === 1 && next !== null ? next : end
}

/**
 * Index of the block whose text holds position `pos`, or for a boundary
 * position the block before it (`assoc` -1) or after it (`assoc` 1), clamped
 * to the first and last block. Throws RangeError when `pos` is not an integer
 * in [0, docSize].
 */
export function blockIndexAtPos(index: PositionIndex, pos: number, assoc: Assoc = -1): number {
  checkRange('pos', pos, 0, index.docSize)
  const lo = blockIndexBeforePos(index, pos)
  const node = index.nodeStarts[lo]!
  if (pos <= node) return lo
  const after = pos > node + 1 + index.lengths[lo]!
  return after && assoc === 1 && lo + 1 < index.starts.length ? lo + 1 : lo
}

/**
 * Index of the group (block-groups.ts) that holds block `block`. Throws
 * RangeError when `block` is not a block index of this article.
 */
export function groupOfBlock(index: PositionIndex, block: number): number {
  checkRange('block', block, 0, index.starts.length - 1)
  let lo = 0
  let hi = index.groupFirst.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (index.groupFirst[mid]! <= block) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * Group `group`'s blocks `[first, end)` and its node's span `[from, to]` in
 * the ProseMirror doc. Throws RangeError when `group` is not a group of this article.
 */
export function groupExtent(index: PositionIndex, group: number): { first: number; end: number; from: number; to: number } {
  checkRange('group', group, 0, index.groupFirst.length - 1)
  const last = group + 1 === index.groupFirst.length
  return {
    first: index.groupFirst[group]!,
    end: last ? index.starts.length : index.groupFirst[group + 1]!,
    from: index.groupStarts[group]!,
    to: last ? index.docSize : index.groupStarts[group + 1]!,
  }
}

/** Last block whose node starts before `pos` (whose content could hold it), or 0. */
function blockIndexBeforePos(index: PositionIndex, pos: number): number {
  let lo = 0
  let hi = index.nodeStarts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (index.nodeStarts[mid]! < pos) lo = mid
    else hi = mid - 1
  }
  return lo
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
