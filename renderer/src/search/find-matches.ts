/**
 * Find-in-article matching, as a reader of Japanese and English expects it:
 * full-width and half-width forms are the same letter (ＥＵ finds EU, ２０１４
 * finds 2014, ｶﾞｽ finds ガス), case is ignored, and a match is reported as a
 * range of the original text, whatever folding did to it. Pure functions; the
 * DOM side is search-highlights.ts.
 */

/** A match: UTF-16 offsets into the searched text, `end` exclusive. */
export interface TextMatch {
  start: number
  end: number
}

/** Text folded for matching, with where each folded unit came from in the source. */
export interface FoldedText {
  folded: string
  /** For each UTF-16 unit of `folded`: the source offset where its character starts. */
  from: number[]
  /** For each UTF-16 unit of `folded`: the source offset just after its character. */
  to: number[]
}

/** Most matches reported; a one-letter query in a long article stops here. */
export const MAX_MATCHES = 5000

const HALF_WIDTH_VOICING = /[\uff9e\uff9f]/

/**
 * Fold `text` for matching: each character through NFKC (full-width Latin and
 * digits to ASCII, half-width katakana to full-width, a half-width voicing mark
 * joined to its kana) and lower case. Never throws.
 */
export function foldForSearch(text: string): FoldedText {
  let folded = ''
  const from: number[] = []
  const to: number[] = []
  let i = 0
  while (i < text.length) {
    const cp = text.codePointAt(i)!
    let end = i + (cp > 0xffff ? 2 : 1)
    if (end < text.length && HALF_WIDTH_VOICING.test(text[end]!)) end++
    const piece = text.slice(i, end).normalize('NFKC').toLowerCase()
    for (let k = 0; k < piece.length; k++) {
      from.push(i)
      to.push(end)
    }
    folded += piece
    i = end
  }
  return { folded, from, to }
}

/**
 * Every place `query` occurs in `text` after folding (see {@link foldForSearch}),
 * in order and not overlapping, at most `limit`. An empty or blank query
 * matches nothing. Never throws.
 */
export function findMatches(text: string, query: string, limit = MAX_MATCHES): TextMatch[] {
  const needle = foldForSearch(query).folded
  if (needle.trim() === '') return []
  const hay = foldForSearch(text)
  const out: TextMatch[] = []
  let at = hay.folded.indexOf(needle)
  while (at >= 0 && out.length < limit) {
    out.push({ start: hay.from[at]!, end: hay.to[at + needle.length - 1]! })
    at = hay.folded.indexOf(needle, at + needle.length)
  }
  return out
}
