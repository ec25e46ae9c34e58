/**
 * What every report format prints, decided once: the order and numbering of
 * claims, their sections and paragraph numbers, the summary and the chart's
 * numbers. Renderers only lay this out, so Markdown, HTML and CSV always agree.
 */
import type { Article } from '../article/model'
import { compareClaimsInDocumentOrder, type AnnotationSet, type Claim, type Stance } from '../claims/model'
import { paragraphNumberer, sectionsOf, type ReportSection } from './sections'
import { REPORT_STRINGS_EN, type ReportStrings } from './strings'
import { countByStance, summariseClaims, type ClaimSummary, type SummariseOptions } from './summary'
import { checkTimeZone, DEFAULT_REPORT_TIME_ZONE, formatReportDay, formatReportInstant } from './report-dates'

/** What a report is made from: one article, one analyst's set on it, and that set's claims. */
export interface ReportInput {
  article: Article
  set: AnnotationSet
  claims: readonly Claim[]
}

/** Options shared by the Markdown and HTML renderers. */
export interface ReportOptions extends SummariseOptions {
  /**
   * The time printed on the report's one "generated" line, as an ISO 8601
   * date or date-time. Passed in rather than read from the clock so that the
   * same input always gives the same bytes and reports diff cleanly.
   */
  generatedAt: string
  /** The words of the report; English ({@link REPORT_STRINGS_EN}) by default. */
  strings?: ReportStrings
  /**
   * The IANA time zone the "generated" time is shown in (the analyst's own);
   * UTC by default, so the same options give the same bytes on any machine.
   */
  timeZone?: string
}

/** One claim as the report shows it. */
export interface ReportClaimEntry {
  /** 1-based position in the report: document order, then orphans. */
  number: number
  claim: Claim
  /** Paragraph number (see {@link paragraphNumberAt}); null for orphans and claims in headings. */
  paragraph: number | null
  /** Label of the claim's section; null for orphans. */
  sectionLabel: string | null
}

/** One section of the report body. */
export interface ReportSectionEntry {
  label: string
  section: ReportSection
  entries: ReportClaimEntry[]
  counts: Record<Stance, number>
}

/** One group of bars in the stance chart. */
export interface ChartGroup {
  label: string
  counts: Record<Stance, number>
}

/** Everything a renderer needs, in print order. */
export interface ReportModel {
  strings: ReportStrings
  input: ReportInput
  /** The article's title, or the strings' "untitled" label. */
  title: string
  /** Validated ISO time, or null when the format prints none (CSV). */
  generatedAt: string | null
  /** {@link generatedAt} as people read it, in the strings' language and the report's time zone; null with it. */
  generatedText: string | null
  /** The article's publication day as people read it, or the strings' "not dated". */
  publishedText: string
  /** Labels of the sections without claims, in document order (the report lists only the others). */
  emptySections: string[]
  summary: ClaimSummary
  sections: ReportSectionEntry[]
  orphans: ReportClaimEntry[]
  /** "All claims" (orphans included) first, then one group per section. */
  chart: ChartGroup[]
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * Check that `value` is an ISO 8601 date or date-time and return it.
 * Throws RangeError naming the bad value otherwise.
 */
export function checkGeneratedAt(value: unknown): string {
  if (typeof value !== 'string' || !ISO_TIME.test(value)) {
    throw new RangeError(`generatedAt must be an ISO 8601 date-time, got ${JSON.stringify(value)}`)
  }
  return value
}

/** The label a section is shown under: its heading, or the front-section label. */
export function sectionLabel(section: ReportSection, sectionCount: number, strings: ReportStrings): string {
  if (section.title !== null) return section.title
  return sectionCount === 1 ? strings.wholeArticle : strings.frontSection
}

/**
 * Arrange `input` for rendering. Claims are numbered in document order
 * ({@link compareClaimsInDocumentOrder}), then orphans in the same order.
 * Throws RangeError for a malformed `generatedAt` (when given), an unknown
 * `timeZone`, or a claim with an invalid start offset.
 */
export function buildReportModel(
  input: ReportInput,
  options: SummariseOptions & { generatedAt?: string | null; strings?: ReportStrings; timeZone?: string } = {},
): ReportModel {
  const strings = options.strings ?? REPORT_STRINGS_EN
  const generatedAt = options.generatedAt == null ? null : checkGeneratedAt(options.generatedAt)
  const timeZone = checkTimeZone(options.timeZone ?? DEFAULT_REPORT_TIME_ZONE)
  const { article } = input
  const sections = sectionsOf(article, input.claims)
  const paragraphAt = paragraphNumberer(article)
  let number = 0

  const sectionEntries = sections.map((section): ReportSectionEntry => {
    const label = sectionLabel(section, sections.length, strings)
    return {
      label,
      section,
      counts: countByStance(section.claims),
      entries: section.claims.map((claim) => ({
        number: ++number,
        claim,
        paragraph: paragraphAt(claim.target.position.start),
        sectionLabel: label,
      })),
    }
  })

  const orphans = input.claims
    .filter((claim) => claim.orphan === true)
    .sort(compareClaimsInDocumentOrder)
    .map((claim): ReportClaimEntry => ({ number: ++number, claim, paragraph: null, sectionLabel: null }))

  const summary = summariseClaims(input.claims, options)
  return {
    strings,
    input,
    title: article.title.trim() === '' ? strings.untitledArticle : article.title,
    generatedAt,
    generatedText: generatedAt === null ? null : formatReportInstant(generatedAt, strings.lang, timeZone),
    publishedText: article.publishedOn ? formatReportDay(article.publishedOn, strings.lang) : strings.notDated,
    emptySections: sectionEntries.filter((entry) => entry.entries.length === 0).map((entry) => entry.label),
    summary,
    sections: sectionEntries,
    orphans,
    chart: [
      { label: strings.chartAllClaims, counts: summary.byStance },
      ...sectionEntries.map((entry) => ({ label: entry.label, counts: entry.counts })),
    ],
  }
}

/** All claim entries in report order: sections, then orphans. */
export function entriesInOrder(model: ReportModel): ReportClaimEntry[] {
  return [...model.sections.flatMap((section) => section.entries), ...model.orphans]
}

/**
 * The summary table's rows (label, value) in the order every format prints
 * them; the certainty-without-evidence row only when the claim finder judged it.
 */
export function summaryRows(model: Pick<ReportModel, 'strings' | 'summary'>): [string, string][] {
  const { strings, summary } = model
  const rows: [string, string][] = [
    [strings.totalClaims, String(summary.total)],
    [strings.stance.evidenced, String(summary.byStance.evidenced)],
    [strings.stance.speculative, String(summary.byStance.speculative)],
    [strings.shareSpeculative, strings.percent(summary.speculativePercent ?? 0)],
    [strings.withEvidence, String(summary.withEvidence)],
    [strings.withCounterpoints, String(summary.withCounterpoints)],
    [strings.withBoth, String(summary.withBoth)],
    [strings.withNeither, String(summary.withNeither)],
  ]
  if (summary.certaintyWithoutEvidence !== null) rows.push([strings.certaintyWithoutEvidence, String(summary.certaintyWithoutEvidence)])
  return rows
}
