/**
 * What the analyst is told after an import: where the file's claims landed
 * (at their stated position, by exact quote, by a fuzzy match and how good,
 * or nowhere), and anything that makes the result doubtful.
 */
import type { Article } from '../../../shared/article/model'
import type { AnnotationSet } from '../../../shared/claims/model'
import type { ImportAnchoring, ParsedAnnotations, PositionUnit } from '../../../shared/w3c'

/** One claim placed by an approximate match of its quote. */
export interface FuzzyPlacement {
  /** The quote as the file gives it. */
  quote: string
  /** The text it was placed on. */
  found: string
  /** Match quality in 0..1 (see shared/anchoring FUZZY_THRESHOLD). */
  score: number
}

/** One claim that could not be placed. */
export interface OrphanLine {
  /** Its quote as the file gives it ('' when the file gave only offsets). */
  quote: string
  /** The offsets as the file gives them, in the report's `positionUnit`, or null. */
  position: { start: number; end: number } | null
}

/** The outcome of one import, for the "Import result" dialog. */
export interface ImportReport {
  fileName: string
  format: ParsedAnnotations['format']
  analyst: string
  setLabel: string
  documentTitle: string
  total: number
  anchored: number
  byPosition: number
  byQuote: number
  /** Fuzzy placements in file order; `fuzzy.length` is the count. */
  fuzzy: FuzzyPlacement[]
  /** The claims that could not be placed, in file order. */
  orphans: OrphanLine[]
  /** The unit the file's offsets were taken to count (the producer's convention). */
  positionUnit: PositionUnit
  /** Placed by offsets with no quote to confirm them (only when the file names this very text). */
  positionsAssumed: number
  /** Placed by offsets that their quotes confirmed in the other unit. */
  otherUnit: number
  /** Offsets without a quote that were not placed: the file does not name this very text. */
  uncheckedPositions: number
  /** More than half of the quotes were not found: the file is likely for another article. */
  probablyWrongArticle: boolean
  /** The file names another text (a different hash) than the article it was put on. */
  otherText: boolean
  /** The parser's notes (items skipped or changed), one sentence each. */
  warnings: string[]
  /** True when the file updated a set it had made before, rather than making a new one. */
  updated?: boolean
}

/** Everything {@link importReport} reads. */
export interface ImportReportInput {
  fileName: string
  parsed: ParsedAnnotations
  set: Pick<AnnotationSet, 'analyst' | 'label'>
  article: Pick<Article, 'title' | 'text'>
  anchoring: ImportAnchoring
  otherText: boolean
}

/**
 * Summarise an anchoring for the analyst. Counts come from the anchoring's
 * summary; the fuzzy list pairs each fuzzy placement with the file's quote
 * and the text it landed on.
 *
 * @throws RangeError when `anchoring.placements` and `parsed.items` differ in length.
 */
export function importReport(input: ImportReportInput): ImportReport {
  const { fileName, parsed, set, article, anchoring, otherText } = input
  if (anchoring.placements.length !== parsed.items.length) {
    throw new RangeError(`importReport: ${parsed.items.length} items but ${anchoring.placements.length} placements`)
  }
  const fuzzy: FuzzyPlacement[] = []
  anchoring.placements.forEach((placement, i) => {
    if (placement?.method !== 'fuzzy') return
    fuzzy.push({
      quote: parsed.items[i]!.selectors.quote?.exact ?? '',
      found: article.text.slice(placement.start, placement.end),
      score: placement.score,
    })
  })
  const { summary } = anchoring
  return {
    fileName,
    format: parsed.format,
    analyst: set.analyst,
    setLabel: set.label,
    documentTitle: article.title,
    total: summary.total,
    anchored: summary.anchored,
    byPosition: summary.byPosition,
    byQuote: summary.byQuote,
    fuzzy,
    orphans: summary.orphans.map((o) => ({ quote: o.quote, position: o.position })),
    positionUnit: summary.positionUnit,
    positionsAssumed: summary.positionsAssumed,
    otherUnit: summary.otherUnit,
    uncheckedPositions: summary.uncheckedPositions,
    probablyWrongArticle: anchoring.probablyWrongArticle,
    otherText,
    warnings: [...parsed.warnings],
  }
}

/**
 * A match score as a whole percentage in `locale` (Intl; English by default),
 * e.g. 0.874 -> "87%". Scores outside 0..1 are clamped.
 */
export function formatScore(score: number, locale = 'en'): string {
  const share = Math.round(Math.min(1, Math.max(0, score)) * 100) / 100
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share)
}
