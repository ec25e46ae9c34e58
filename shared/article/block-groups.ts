/**
 * How an article's blocks are grouped in the ProseMirror node tree.
 *
 * Why groups exist: the reader lets the browser skip off-screen text
 * (`content-visibility: auto`), and Chromium tracks every such element with
 * an intersection observation that it recomputes in every frame after a
 * layout change. With one element per block, a 2 MB article's 8,610 blocks
 * cost 24-54 ms per frame: more than a frame's budget for every key press and
 * scroll (docs/performance.md). Groups of consecutive blocks are what the
 * browser tracks instead; a few hundred of them cost next to nothing.
 *
 * A group closes after {@link GROUP_MAX_BLOCKS} blocks or once its text
 * reaches {@link GROUP_MAX_CHARS} code units, so a group of long paragraphs
 * and a group of short lines hold comparable amounts of text (what the browser
 * lays out when a group scrolls into view). The rule depends only on the
 * blocks' lengths, so `docFromBlocks` (schema.ts) and `buildPositionIndex`
 * (position-map.ts) derive the same groups independently.
 */

/** A group holds at most this many blocks. */
export const GROUP_MAX_BLOCKS = 32

/** A group closes once its blocks hold at least this many UTF-16 code units of text. */
export const GROUP_MAX_CHARS = 3_000

/**
 * Index of the first block of each group for blocks of the given text
 * `lengths`, ascending and starting with 0; empty for no blocks. Throws
 * RangeError for a length that is not a non-negative integer.
 */
export function groupStarts(lengths: readonly number[]): number[] {
  const starts: number[] = []
  let count = 0
  let chars = 0
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i]!
    if (!Number.isInteger(length) || length < 0) throw new RangeError(`groupStarts: block ${i} has length ${length}`)
    if (i === 0 || count >= GROUP_MAX_BLOCKS || chars >= GROUP_MAX_CHARS) {
      starts.push(i)
      count = 0
      chars = 0
    }
    count++
    chars += length
  }
  return starts
}

/**
 * The `[first, end)` block ranges of the groups whose first blocks are
 * `starts` (as from {@link groupStarts}) among `blockCount` blocks.
 */
export function groupRanges(starts: readonly number[], blockCount: number): Array<[number, number]> {
  return starts.map((first, g) => [first, g + 1 < starts.length ? starts[g + 1]! : blockCount])
}
