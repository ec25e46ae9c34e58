/**
 * Character-level agreement: every character of the text gets one category
 * per set — none, evidenced or speculative — and the two sets' categories are
 * cross-tabulated for Cohen's κ. Unlike the claim-level figures this needs no
 * alignment, so it also rewards agreeing on what is *not* a claim.
 *
 * Where one set has overlapping claims of different stance on a character,
 * speculative wins: flagging speculation is the critical judgement this tool
 * exists for, and an analyst who marked a phrase speculative inside a longer
 * evidenced claim meant that phrase to read as speculative.
 *
 * "Character" means Unicode code point, everywhere the app reports a
 * character figure (character κ, span overlap in alignment): an emoji or 𠮷
 * is one character, as the reader sees it, not two UTF-16 code units. Code
 * points rather than grapheme clusters because they are what the W3C model
 * counts (TextPositionSelector, §4.2.4), so figures and exported offsets use
 * one unit; for CJK news text the two differ only on combining marks and
 * emoji sequences, which NFC-normalised articles rarely hold. Callers
 * convert offsets with `CodePointIndex` (shared/anchoring/code-points.ts).
 */
import type { Stance } from '../claims/model'

/** A span with a stance, offsets in code points (end exclusive). */
export interface StancedSpan {
  start: number
  end: number
  stance: Stance
}

/** Order of rows and columns of {@link characterTable}. */
export const CHARACTER_CATEGORIES = ['none', 'evidenced', 'speculative'] as const
export type CharacterCategory = (typeof CHARACTER_CATEGORIES)[number]

const EVIDENCED = 0
const SPECULATIVE = 1

/**
 * 3×3 table over the characters (code points) of a text of `textLength` code points:
 * `table[i][j]` = characters A puts in category i and B in category j
 * (categories in {@link CHARACTER_CATEGORIES} order). Sums to `textLength`.
 * Spans must lie within the text, in code points (the caller converts and
 * checks); orphans must already be left out. Runs in O(c log c) for c spans,
 * independent of text length.
 */
export function characterTable(textLength: number, a: readonly StancedSpan[], b: readonly StancedSpan[]): number[][] {
  // One event per claim end as position·8 + code, code = slot·2 + (1 at an
  // end), slot = set·2 + stance: a typed array then sorts natively, and
  // segments between consecutive positions have constant coverage, so each
  // adds its length to one cell. Order within a position does not matter.
  const events = new Float64Array(2 * (a.length + b.length))
  let e = 0
  const addEvents = (spans: readonly StancedSpan[], set: number): void => {
    for (const span of spans) {
      const { start, end } = span
      if (end <= start) continue
      const slot = set * 2 + (span.stance === 'speculative' ? SPECULATIVE : EVIDENCED)
      events[e++] = start * 8 + slot * 2
      events[e++] = end * 8 + slot * 2 + 1
    }
  }
  addEvents(a, 0)
  addEvents(b, 1)
  const sorted = events.subarray(0, e).sort()

  const table = CHARACTER_CATEGORIES.map(() => CHARACTER_CATEGORIES.map(() => 0))
  // cover[slot] = claims of that set and stance covering the current segment.
  const cover = [0, 0, 0, 0]
  const category = (set: number): number =>
    cover[set * 2 + SPECULATIVE]! > 0 ? 2 : cover[set * 2 + EVIDENCED]! > 0 ? 1 : 0
  let at = 0
  for (const event of sorted) {
    const next = Math.floor(event / 8)
    if (next > at) {
      table[category(0)]![category(1)]! += next - at
      at = next
    }
    const code = event % 8
    cover[code >> 1]! += code & 1 ? -1 : 1
  }
  if (textLength > at) table[0]![0]! += textLength - at
  return table
}
