/** Anchoring: describe spans as W3C selectors and find them again in changed text. */
export { describe, QUOTE_CONTEXT_LENGTH } from './describe'
export { anchor, type AnchorMethod, type AnchorOptions, type AnchorResult, type AnchorSelectors } from './anchor'
export {
  LONG_QUOTE_LENGTH,
  MAX_ERROR_RATE,
  SEARCH_WINDOW,
  matchQuoteApproximately,
  matchQuoteExactly,
  maxErrorsFor,
} from './match-quote'
export { FUZZY_THRESHOLD, SCORE_WEIGHTS, type QuoteContext, type QuoteMatch } from './quote-score'
export { reanchorAll, summarizeAnchoring, type AnchorSummary } from './reanchor'
export { splitsSurrogatePair, widenToWholeCharacters } from './text-units'
export { CodePointIndex, countCodePoints } from './code-points'
export { snapToQuoteEdges } from './match-quote'
