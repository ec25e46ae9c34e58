/**
 * The files the Compare view saves: the comparison report in Markdown, HTML
 * and (through the host's print path) PDF, all written by shared/compare's
 * renderers so they say what the CLI's reports say. Pure: tested in Node.
 */
import type { SaveRequest } from '../../../shared/bridge/contract'
import {
  COMPARISON_REPORT_STRINGS_EN,
  renderComparisonHtml,
  renderComparisonMarkdown,
  type Comparison,
  type ComparisonReportStrings,
  type Consensus,
} from '../../../shared/compare'

/** What a comparison report is made of, besides the comparison. */
export interface ReportInput {
  articleTitle: string
  /**
   * The words the report prints, in the UI's language
   * (`comparisonReportStringsFor(i18n.language)`); also the HTML's lang.
   */
  strings: ComparisonReportStrings
  /** Decisions to list under "Adjudication"; null for none yet. */
  consensus: Consensus | null
}

/** The three ways to save a report. */
export interface ReportFiles {
  markdown: SaveRequest
  html: SaveRequest
  /** Input for `host.printToPdf`. */
  pdf: { html: string; suggestedName: string }
}

/** Longest file-name stem, in code points: long titles would make unwieldy names. */
const STEM_LIMIT = 60

/** "Title: A vs B (and C…)" in the words of `strings` (English by default), the heading of the report. */
export function reportTitle(
  articleTitle: string,
  comparison: Pick<Comparison, 'figures'>,
  strings: ComparisonReportStrings = COMPARISON_REPORT_STRINGS_EN,
): string {
  return strings.versusTitle(
    articleTitle,
    comparison.figures.sets.map((s) => s.label),
  )
}

/**
 * A file-name stem for the report: "comparison-" plus the article title with
 * characters that file systems refuse replaced by "-", cut to a sensible
 * length on a code-point boundary. Letters of any script are kept.
 */
export function reportFileStem(articleTitle: string): string {
  const cleaned = articleTitle
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f\\/:*?"<>|\s.]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
  const stem = Array.from(cleaned).slice(0, STEM_LIMIT).join('').replace(/-$/, '')
  return stem ? `comparison-${stem}` : 'comparison'
}

/** Markdown, HTML and PDF input of the report of `comparison`. Never throws. */
export function comparisonReportFiles(comparison: Comparison, input: ReportInput): ReportFiles {
  const options = {
    title: reportTitle(input.articleTitle, comparison, input.strings),
    consensus: input.consensus,
    strings: input.strings,
  }
  const stem = reportFileStem(input.articleTitle)
  const html = renderComparisonHtml(comparison, options)
  return {
    markdown: { suggestedName: `${stem}.md`, mimeType: 'text/markdown', data: renderComparisonMarkdown(comparison, options) },
    html: { suggestedName: `${stem}.html`, mimeType: 'text/html', data: html },
    pdf: { html, suggestedName: `${stem}.pdf` },
  }
}
