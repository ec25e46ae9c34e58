import search from 'approx-string-match'
import { substringEditDistance } from './substring-distance'

/**
 * How a candidate match for a quote is scored, in 0..1. One formula serves the
 * exact and the approximate paths so their scores compare:
 *
 *   score = (0.6 * quote + 0.15 * prefix + 0.15 * suffix + 0.1 * position) / weights in use
 *
 * - quote: 1 - errors / quote length (1 for an exact occurrence);
 * - prefix / suffix: similarity of the stored context to the text beside the
 *   candidate (see {@link contextSimilarity});
 * - position: closeness to the hint, 1 - distance / text length. It only breaks
 *   ties (repeats with the same context), hence its small weight; without a hint
 *   it is left out and the other weights are renormalised.
 *
 * The quote dominates because it is what the analyst judged; the context is
 * what tells two copies of one sentence apart and what vouches for a damaged
 * quote. With these weights an approximate match needs much of its context to
 * clear {@link FUZZY_THRESHOLD}: even a quote one character off scores about
 * 0.71 when both its prefix and suffix were rewritten, and becomes an orphan
 * (fixtures/anchoring/orphans-and-edges.json). The position term cannot rescue a
 * stranger: it is worth at most 0.1.
 */
export const SCORE_WEIGHTS = { quote: 0.6, prefix: 0.15, suffix: 0.15, position: 0.1 } as const

/**
 * Lowest score at which an approximate (fuzzy) match is accepted. Below it the
 * claim is an orphan: showing a highlight on the wrong words is worse than
 * admitting we lost them.
 */
export const FUZZY_THRESHOLD = 0.75

/** What the caller knows about where a quote was. */
export interface QuoteContext {
  /** Text that preceded the quote; empty or absent when unknown or at the start. */
  prefix?: string
  /** Text that followed the quote; empty or absent when unknown or at the end. */
  suffix?: string
  /** Expected start offset (UTF-16) of the quote, e.g. its old TextPositionSelector start. */
  hint?: number
}

/** A scored candidate location of a quote. */
export interface QuoteMatch {
  start: number
  end: number
  /** Edit distance between the quote and `text.slice(start, end)`; 0 for exact. */
  errors: number
  /** Combined score in 0..1 (see {@link SCORE_WEIGHTS}). */
  score: number
  /** Similarity of prefix and suffix, kept so callers can tell a perfect context. */
  prefixScore: number
  suffixScore: number
}

// Up to this length the quadratic distance is cheaper than the library's search
// plus its per-match start finding; past it the bit-parallel search wins.
const DIRECT_DISTANCE_MAX = 128

/**
 * Similarity in 0..1 of `context` to the text on one side of a candidate: the
 * `context.length` units before `at` (side 'before') or from `at` (side 'after').
 * 1 when the context is empty (nothing to contradict) or matches exactly;
 * otherwise 1 - edit distance / context length (the fewest edits turning the
 * context into a substring of that side; {@link substringEditDistance} for
 * contexts of ordinary length, approx-string-match for very long ones).
 * Never fails.
 */
export function contextSimilarity(text: string, at: number, context: string, side: 'before' | 'after'): number {
  if (context.length === 0) return 1
  const region =
    side === 'before' ? text.slice(Math.max(0, at - context.length), at) : text.slice(at, at + context.length)
  if (region === context) return 1
  if (region.length === 0) return 0
  if (context.length <= DIRECT_DISTANCE_MAX) return Math.max(0, 1 - substringEditDistance(region, context) / context.length)
  const best = search(region, context, context.length)[0]
  return best === undefined ? 0 : Math.max(0, 1 - best.errors / context.length)
}

/** Closeness in 0..1 of `start` to `hint` relative to the text length; 1 without a hint. */
export function positionProximity(start: number, hint: number | undefined, textLength: number): number {
  if (hint === undefined || textLength === 0) return 1
  return Math.max(0, 1 - Math.abs(start - hint) / textLength)
}

/**
 * Score a candidate `[start, end)` of `text` that differs from a quote of
 * `quoteLength` units by `errors` edits. `quoteLength` must be positive.
 * Never fails.
 */
export function scoreCandidate(
  text: string,
  candidate: { start: number; end: number; errors: number },
  quoteLength: number,
  context: QuoteContext,
): QuoteMatch {
  const quoteScore = Math.max(0, 1 - candidate.errors / quoteLength)
  const prefixScore = contextSimilarity(text, candidate.start, context.prefix ?? '', 'before')
  const suffixScore = contextSimilarity(text, candidate.end, context.suffix ?? '', 'after')
  const w = SCORE_WEIGHTS
  let raw = w.quote * quoteScore + w.prefix * prefixScore + w.suffix * suffixScore
  let total = w.quote + w.prefix + w.suffix
  if (context.hint !== undefined) {
    raw += w.position * positionProximity(candidate.start, context.hint, text.length)
    total += w.position
  }
  return { start: candidate.start, end: candidate.end, errors: candidate.errors, score: raw / total, prefixScore, suffixScore }
}

/** The better of two matches: higher score, then nearer the hint, then earlier. */
export function betterMatch(a: QuoteMatch | null, b: QuoteMatch, hint: number | undefined): QuoteMatch {
  if (a === null || b.score > a.score) return b
  if (b.score < a.score) return a
  if (hint !== undefined) {
    const da = Math.abs(a.start - hint)
    const db = Math.abs(b.start - hint)
    if (db !== da) return db < da ? b : a
  }
  return b.start < a.start ? b : a
}
