import { matchQuoteApproximately, matchQuoteExactly } from './match-quote'
import { FUZZY_THRESHOLD, type QuoteContext } from './quote-score'
import { widenToWholeCharacters } from './text-units'

/**
 * The selectors anchoring works from: a subset of a claim's W3C selectors.
 * A {@link ClaimTarget} fits as is.
 */
export interface AnchorSelectors {
  position?: { start: number; end: number }
  quote?: { exact: string; prefix?: string; suffix?: string }
}

/** How a span was found again. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy'

/** Where a claim's span lies in the current text, and how sure we are. */
export interface AnchorResult {
  start: number
  end: number
  /**
   * 'position': the stored offsets still hold the quote (or there is no quote).
   * 'quote': the quote occurs verbatim elsewhere (the text around it changed).
   * 'fuzzy': a damaged copy of the quote was found (see {@link FUZZY_THRESHOLD}).
   */
  method: AnchorMethod
  /** Confidence in 0..1: 1 for 'position'; the quote-match score otherwise. */
  score: number
}

/** Tuning for one anchoring. */
export interface AnchorOptions {
  /**
   * Where to look first for a quote, overriding the stored position's start.
   * Batch re-anchoring passes the old start plus the shift seen on the
   * previous claim, so spans after an insertion are found in the first window searched.
   */
  hint?: number
}

function isValidPosition(text: string, position: { start: number; end: number }): boolean {
  const { start, end } = position
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length
}

function clampHint(text: string, hint: number | undefined): number | undefined {
  if (hint === undefined || !Number.isFinite(hint)) return undefined
  return Math.min(text.length, Math.max(0, Math.round(hint)))
}

/**
 * Find a claim's span in `text`, in order of cost and certainty:
 *
 * 1. position: the stored offsets, accepted when the text there equals the
 *    quote's `exact` (or when there is no quote to check against);
 * 2. quote: verbatim occurrences of `exact`, repeats told apart by prefix,
 *    suffix and closeness to the old position (see `matchQuoteExactly`);
 * 3. fuzzy: approximate matches scored by quote similarity, context and
 *    position, accepted only at or above {@link FUZZY_THRESHOLD}.
 *
 * Returns null when none applies: the claim is an orphan. A weak approximate
 * match is never returned as a guess. A span never starts or ends inside a
 * surrogate pair: an edge that would (a stale offset, a quote that begins
 * with half a pair) is widened to the whole character. Malformed offsets (negative, reversed,
 * past the end, non-integer) are treated as a stale position, not an error,
 * since stored and imported selectors may be anything. Never throws.
 */
export function anchor(text: string, selectors: AnchorSelectors, options: AnchorOptions = {}): AnchorResult | null {
  const { position, quote } = selectors
  if (position !== undefined && isValidPosition(text, position)) {
    const { start, end } = position
    if (quote === undefined || (end - start === quote.exact.length && text.startsWith(quote.exact, start))) {
      return { ...widenToWholeCharacters(text, start, end), method: 'position', score: 1 }
    }
  }
  if (quote === undefined || quote.exact.length === 0) return null

  const context: QuoteContext = {
    prefix: quote.prefix ?? '',
    suffix: quote.suffix ?? '',
  }
  const hint = clampHint(text, options.hint ?? position?.start)
  if (hint !== undefined) context.hint = hint

  const exact = matchQuoteExactly(text, quote.exact, context)
  if (exact !== null) return { ...widenToWholeCharacters(text, exact.start, exact.end), method: 'quote', score: exact.score }
  const fuzzy = matchQuoteApproximately(text, quote.exact, context, FUZZY_THRESHOLD)
  if (fuzzy !== null) return { start: fuzzy.start, end: fuzzy.end, method: 'fuzzy', score: fuzzy.score }
  return null
}
