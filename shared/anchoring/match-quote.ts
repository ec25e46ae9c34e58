// approx-string-match is Myers' bit-parallel approximate matcher: it finds the
// lowest-edit-distance occurrences of a pattern in O((k/w)·n) expected time
// (k = errors allowed, w = 32-bit word), which stays linear on long articles
// where a plain dynamic-programming edit distance would be O(m·n). It is small,
// maintained, and the matcher the Hypothesis client anchors with, so its
// behaviour on real annotation data is well trodden.
import search from 'approx-string-match'
import { betterMatch, FUZZY_THRESHOLD, scoreCandidate, type QuoteContext, type QuoteMatch } from './quote-score'
import { widenToWholeCharacters } from './text-units'

/**
 * Share of a quote's length that may be edits in an approximate match. 0.25
 * matches the floor of the quote term in the score (1 - errors/length >= 0.75):
 * more damage than that and the quote is no longer the words the analyst judged.
 * Quotes shorter than 4 units therefore only match exactly.
 */
export const MAX_ERROR_RATE = 0.25

/** Units searched each side of the hint before falling back to the whole text. */
export const SEARCH_WINDOW = 2048

/**
 * Quotes longer than this are located by their head and tail chunks and only
 * then compared in full (see {@link matchQuoteApproximately}).
 */
export const LONG_QUOTE_LENGTH = 256

/** Length of the head and tail chunks used for long quotes. */
const CHUNK_LENGTH = 128

/** Most candidate regions verified in full for one long quote. */
const MAX_LONG_QUOTE_REGIONS = 8

/** Most errors allowed for an approximate match of a quote of `length` units. */
export function maxErrorsFor(length: number): number {
  return Math.floor(length * MAX_ERROR_RATE)
}

/** The search window around a hint, or the whole text when there is no hint. */
function windowAround(textLength: number, quoteLength: number, hint: number | undefined): [number, number] {
  if (hint === undefined) return [0, textLength]
  return [Math.max(0, hint - SEARCH_WINDOW), Math.min(textLength, hint + quoteLength + SEARCH_WINDOW)]
}

function isWholeText(range: [number, number], textLength: number): boolean {
  return range[0] === 0 && range[1] === textLength
}

/** Best-scoring exact occurrence of `quote` starting inside `[lo, hi - quote.length]`. */
function bestExactIn(text: string, quote: string, context: QuoteContext, lo: number, hi: number): QuoteMatch | null {
  // Slicing the window (cheap in V8) bounds indexOf; on the whole text, no copy.
  const region = lo === 0 && hi === text.length ? text : text.slice(lo, hi)
  let best: QuoteMatch | null = null
  for (let at = region.indexOf(quote); at !== -1; at = region.indexOf(quote, at + 1)) {
    const candidate = { start: lo + at, end: lo + at + quote.length, errors: 0 }
    best = betterMatch(best, scoreCandidate(text, candidate, quote.length, context), context.hint)
  }
  return best
}

/**
 * Find the best exact (verbatim) occurrence of `quote` in `text`. Repeats are
 * told apart by how well the prefix and suffix match and then by closeness to
 * `context.hint`. With a hint, a window of {@link SEARCH_WINDOW} units around
 * it is searched first; an occurrence there with a perfect prefix and suffix
 * cannot be beaten by one further away, so the whole text is scanned only
 * when the window has none.
 *
 * Exact occurrences are returned whatever their score: the words are verbatim
 * in the text, and the score reports how well their surroundings agree.
 * Returns null when `quote` is empty or does not occur. Never throws.
 */
export function matchQuoteExactly(text: string, quote: string, context: QuoteContext = {}): QuoteMatch | null {
  if (quote.length === 0 || quote.length > text.length) return null
  const window = windowAround(text.length, quote.length, context.hint)
  const inWindow = bestExactIn(text, quote, context, window[0], window[1])
  if (isWholeText(window, text.length)) return inWindow
  if (inWindow !== null && inWindow.prefixScore === 1 && inWindow.suffixScore === 1) return inWindow
  return bestExactIn(text, quote, context, 0, text.length)
}

type RawMatch = { start: number; end: number; errors: number }

/** Approximate occurrences of a quote of at most {@link LONG_QUOTE_LENGTH} units in `text.slice(lo, hi)`. */
function approximateIn(text: string, quote: string, lo: number, hi: number): RawMatch[] {
  const region = text.slice(lo, hi)
  return search(region, quote, maxErrorsFor(quote.length)).map((m) => ({
    start: lo + m.start,
    end: lo + m.end,
    errors: m.errors,
  }))
}

/**
 * Approximate occurrences of a long quote in `text.slice(lo, hi)`. Myers' cost
 * grows with the errors allowed (k/32 words per character), and a long quote
 * allows many; so the head and tail chunks are located first (k <= 32, one
 * word), and the whole quote is then compared only in the few regions where a
 * chunk landed. A quote whose head and tail are both rewritten is not found
 * this way, which is also when it is least likely to be the same passage.
 */
function approximateLongIn(text: string, quote: string, lo: number, hi: number): RawMatch[] {
  const length = quote.length
  const slack = maxErrorsFor(length)
  const head = approximateIn(text, quote.slice(0, CHUNK_LENGTH), lo, hi)
  const tail = approximateIn(text, quote.slice(-CHUNK_LENGTH), lo, hi)
  const regions = [
    ...head.map((m) => ({ from: m.start - slack, to: m.start + length + slack, errors: m.errors })),
    ...tail.map((m) => ({ from: m.end - length - slack, to: m.end + slack, errors: m.errors })),
  ]
    .map((r) => ({ from: Math.max(lo, r.from), to: Math.min(hi, r.to), errors: r.errors }))
    .sort((a, b) => a.from - b.from)
  // Merge overlapping regions so one passage is verified once.
  const merged: { from: number; to: number; errors: number }[] = []
  for (const r of regions) {
    const last = merged[merged.length - 1]
    if (last !== undefined && r.from <= last.to) {
      last.to = Math.max(last.to, r.to)
      last.errors = Math.min(last.errors, r.errors)
    } else merged.push({ ...r })
  }
  merged.sort((a, b) => a.errors - b.errors || a.from - b.from)
  return merged.slice(0, MAX_LONG_QUOTE_REGIONS).flatMap((r) => approximateIn(text, quote, r.from, r.to))
}

/** Most units a fuzzy match's edge is moved to reach the quote's own first or last character. */
const MAX_EDGE_REACH = 8

/** The first and last characters (whole code points) of a non-empty string. */
function edgeCharacters(quote: string): { first: string; last: string } {
  const first = String.fromCodePoint(quote.codePointAt(0)!)
  const tail = quote.charCodeAt(quote.length - 1)
  const last = quote.length >= 2 && tail >= 0xdc00 && tail <= 0xdfff ? quote.slice(-2) : quote.slice(-1)
  return { first, last }
}

/**
 * Move the edges of an approximate match onto the quote's own first and last
 * characters when they lie within `reach` units: an edit next to an edge costs
 * the same whether the matcher keeps or drops the edge character, and it
 * breaks ties towards the shorter span, so a claim could lose its final "."
 * or gain a stray "、". Each edge moves to the nearest occurrence, extending
 * before trimming at equal distance; an edge already on the character, or
 * with none in reach (the character was really deleted), stays. Never throws.
 */
export function snapToQuoteEdges(text: string, start: number, end: number, quote: string, reach: number): { start: number; end: number } {
  if (quote.length === 0 || end <= start) return { start, end }
  const { first, last } = edgeCharacters(quote)
  let s = start
  if (!text.startsWith(first, start)) {
    for (let d = 1; d <= reach; d++) {
      if (start - d >= 0 && text.startsWith(first, start - d)) {
        s = start - d
        break
      }
      if (start + d + first.length <= end && text.startsWith(first, start + d)) {
        s = start + d
        break
      }
    }
  }
  let e = end
  if (!text.startsWith(last, end - last.length)) {
    for (let d = 1; d <= reach; d++) {
      if (end + d <= text.length && text.startsWith(last, end + d - last.length)) {
        e = end + d
        break
      }
      if (end - d - last.length >= s && text.startsWith(last, end - d - last.length)) {
        e = end - d
        break
      }
    }
  }
  return e > s ? { start: s, end: e } : { start, end }
}

/** Best-scoring approximate match in `[lo, hi)`, or null when none is within the error budget. */
function bestApproximateIn(
  text: string,
  quote: string,
  context: QuoteContext,
  lo: number,
  hi: number,
): QuoteMatch | null {
  const raw = quote.length > LONG_QUOTE_LENGTH ? approximateLongIn(text, quote, lo, hi) : approximateIn(text, quote, lo, hi)
  let best: QuoteMatch | null = null
  const seen = new Set<string>()
  const reach = Math.min(MAX_EDGE_REACH, maxErrorsFor(quote.length))
  for (const m of raw) {
    const snapped = snapToQuoteEdges(text, m.start, m.end, quote, reach)
    // A match edge may fall inside a surrogate pair; highlight whole characters.
    const { start, end } = widenToWholeCharacters(text, snapped.start, snapped.end)
    const key = `${start}:${end}`
    if (seen.has(key)) continue
    seen.add(key)
    best = betterMatch(best, scoreCandidate(text, { start, end, errors: m.errors }, quote.length, context), context.hint)
  }
  return best
}

/**
 * Find the best approximate match of `quote` in `text` scoring at least
 * `minScore` (default {@link FUZZY_THRESHOLD}), allowing up to
 * {@link maxErrorsFor}(quote length) edits. The window around `context.hint`
 * is tried first and the whole text only when it yields nothing acceptable,
 * so a damaged quote near its old place costs a few kilobytes of search, not
 * the whole article. Below `minScore` there is no match: returns null rather
 * than a guess. Returns null for quotes too short to allow any error. Never throws.
 */
export function matchQuoteApproximately(
  text: string,
  quote: string,
  context: QuoteContext = {},
  minScore: number = FUZZY_THRESHOLD,
): QuoteMatch | null {
  if (maxErrorsFor(quote.length) === 0 || text.length === 0) return null
  const window = windowAround(text.length, quote.length, context.hint)
  const inWindow = bestApproximateIn(text, quote, context, window[0], window[1])
  if (inWindow !== null && inWindow.score >= minScore) return inWindow
  if (isWholeText(window, text.length)) return null
  const anywhere = bestApproximateIn(text, quote, context, 0, text.length)
  return anywhere !== null && anywhere.score >= minScore ? anywhere : null
}
