/**
 * Comparing annotation sets: alignment, agreement figures, adjudication into
 * a consensus set, and comparison reports. Pure: no DOM, no I/O.
 */
export { compareSets, setLabel } from './compare-sets'
export {
  DEFAULT_MIN_OVERLAP,
  STANCE_OR_NONE,
  type CompareOptions,
  type ComparedSet,
  type Comparison,
  type ComparisonFigures,
  type ComparisonItem,
  type ConfusionMatrix,
  type ItemKind,
  type SetFigures,
  type SetWithClaims,
  type SpanScore,
  type StanceOrNone,
} from './model'
export { CompareInputError, type CompareInputCode } from './errors'
export { alignSpans, alignSpansAt, forEachOverlap, jaccardIndex, type AlignSpan, type AlignedUnit } from './alignment'
export { cohensKappa, krippendorffAlphaNominal, spanScore, type KappaResult, type NominalValue } from './statistics'
export { characterTable, CHARACTER_CATEGORIES, type CharacterCategory } from './char-agreement'
export { FIGURE_DEFINITIONS, FIGURE_LABELS, type FigureName } from './definitions'
export { toCliJson, CLI_JSON_DECIMALS, type CliComparisonJson } from './cli-json'
export {
  buildConsensus,
  type AdjudicationDecision,
  type Consensus,
  type ConsensusDecisionRecord,
  type ConsensusMeta,
  type Keep,
} from './consensus'
export { formatRatio, REPORT_QUOTE_LIMIT, type ComparisonReportOptions } from './report-content'
export { COMPARISON_REPORT_STRINGS_EN, type ComparisonReportStrings } from './report-strings'
export { COMPARISON_REPORT_STRINGS_JA, comparisonReportStringsFor } from './report-strings-ja'
export { renderComparisonMarkdown, escapeMarkdownInline } from './report-md'
export { renderComparisonHtml, escapeHtml } from './report-html'
