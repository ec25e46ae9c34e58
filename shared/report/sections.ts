/**
 * Where a claim sits in an article, as a reader of the report finds it: the
 * section (the article's own headings) and the paragraph number the reader
 * shows in the margin.
 */
import { blockOffsets, type Article } from '../article/model'
import { compareClaimsInDocumentOrder, type Claim } from '../claims/model'

/** One section of an article with the claims that start in it, in document order. */
export interface ReportSection {
  /**
   * The heading's text, or null for the front section: everything before the
   * article's first heading (the whole article when it has no headings).
   */
  title: string | null
  /** Index in `article.blocks` of the heading; null for the front section. */
  headingBlockIndex: number | null
  /** Offset in the canonical text where the section starts. */
  start: number
  claims: Claim[]
}

/** Index of the last of the first `count` elements of ascending `starts` that is <= `offset`, or -1 when none is. */
function lastAtOrBefore(starts: readonly number[], offset: number, count = starts.length): number {
  let lo = 0
  let hi = count - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (starts[mid]! <= offset) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

function checkOffset(offset: number): void {
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`offset must be a non-negative integer, got ${offset}`)
}

/**
 * Index of the block that holds canonical-text `offset`: the last block that
 * starts at or before it, so an offset in the separator after a block counts
 * as that block's. Returns null for an article with no blocks.
 * Throws RangeError for a negative or non-integer offset.
 */
export function blockHoldingOffset(article: Pick<Article, 'blocks'>, offset: number): number | null {
  checkOffset(offset)
  const found = lastAtOrBefore(blockOffsets(article.blocks), offset, article.blocks.length)
  return found < 0 ? null : found
}

/**
 * A function answering {@link paragraphNumberAt} for one article, with the
 * block offsets and paragraph numbers worked out once, so that numbering
 * thousands of claims costs a binary search each instead of a walk over all
 * blocks. The returned function throws RangeError for a negative or
 * non-integer offset.
 */
export function paragraphNumberer(article: Pick<Article, 'blocks'>): (offset: number) => number | null {
  const starts = blockOffsets(article.blocks)
  const numbers: (number | null)[] = []
  let number = 0
  for (const block of article.blocks) numbers.push(block.type === 'heading' ? null : ++number)
  return (offset) => {
    checkOffset(offset)
    const index = lastAtOrBefore(starts, offset, numbers.length)
    return index < 0 ? null : (numbers[index] ?? null)
  }
}

/**
 * The 1-based paragraph number of the block holding `offset`: the count of
 * non-heading blocks up to and including it, as the reader numbers them in
 * the margin. Null when the offset is in a heading or the article is empty.
 * Throws RangeError for a negative or non-integer offset. For many offsets in
 * one article use {@link paragraphNumberer}.
 */
export function paragraphNumberAt(article: Pick<Article, 'blocks'>, offset: number): number | null {
  return paragraphNumberer(article)(offset)
}

/**
 * Split an article into sections at its headings and place each claim in the
 * section of the last heading that starts at or before the claim's start.
 *
 * The front section (title null) is included when the article has text before
 * its first heading, has no headings at all, or has claims before the first
 * heading. Orphaned claims (`orphan === true`) have no trustworthy position
 * and are left out; the report lists them in an appendix. Claims within a
 * section are in document order ({@link compareClaimsInDocumentOrder}).
 * Never throws for well-formed claims; a claim with a negative start throws
 * RangeError.
 */
export function sectionsOf(article: Pick<Article, 'blocks'>, claims: readonly Claim[]): ReportSection[] {
  const starts = blockOffsets(article.blocks)
  const headings: ReportSection[] = []
  article.blocks.forEach((block, index) => {
    if (block.type === 'heading') {
      headings.push({ title: block.text, headingBlockIndex: index, start: starts[index]!, claims: [] })
    }
  })
  const front: ReportSection = { title: null, headingBlockIndex: null, start: 0, claims: [] }
  const firstHeadingIndex = headings[0]?.headingBlockIndex ?? null
  const headingStarts = headings.map((section) => section.start)

  const placed = claims.filter((claim) => claim.orphan !== true).sort(compareClaimsInDocumentOrder)
  for (const claim of placed) {
    const start = claim.target.position.start
    if (!Number.isInteger(start) || start < 0) throw new RangeError(`claim ${claim.id} has an invalid start ${start}`)
    const at = lastAtOrBefore(headingStarts, start)
    const home = at < 0 ? front : headings[at]!
    home.claims.push(claim)
  }

  const hasFrontText = firstHeadingIndex === null || firstHeadingIndex > 0
  return hasFrontText || front.claims.length > 0 ? [front, ...headings] : headings
}
