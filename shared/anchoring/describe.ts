import type { ClaimTarget } from '../claims/model'
import { assertRange, isHighSurrogate, isLowSurrogate } from './text-units'

/** Most UTF-16 code units of context kept each side of a quote (W3C practice, as in Hypothesis). */
export const QUOTE_CONTEXT_LENGTH = 32

/**
 * Describe the span `[start, end)` of `text` (UTF-16 offsets) as W3C selectors:
 * a TextPositionSelector and a TextQuoteSelector whose prefix and suffix hold up
 * to {@link QUOTE_CONTEXT_LENGTH} code units of context. A context edge that
 * would cut a surrogate pair in half is pulled in by one unit, so the context
 * is always well-formed text.
 *
 * An empty span (`start === end`) is allowed and gives an empty `exact`.
 *
 * @throws RangeError naming the bad values when the offsets are not integers,
 *   are outside `0..text.length`, or `start > end`.
 */
export function describe(text: string, start: number, end: number): ClaimTarget {
  assertRange('describe', text.length, start, end)
  let prefixStart = Math.max(0, start - QUOTE_CONTEXT_LENGTH)
  // The first unit of the prefix must not be the second half of a pair.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart)) && isHighSurrogate(text.charCodeAt(prefixStart - 1))) {
    prefixStart += 1
  }
  let suffixEnd = Math.min(text.length, end + QUOTE_CONTEXT_LENGTH)
  // The last unit of the suffix must not be the first half of a pair.
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1)) && isLowSurrogate(text.charCodeAt(suffixEnd))) {
    suffixEnd -= 1
  }
  return {
    position: { type: 'TextPositionSelector', start, end },
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
  }
}
