/**
 * Critique reports: what an analyst's work on one article looks like when it
 * leaves the app, as Markdown, self-contained HTML (which the host prints to
 * PDF) or CSV. Pure functions of (article, set, claims, options).
 */
export { REPORT_STRINGS_EN, type ReportStrings, type ReportCsvColumns } from './strings'
export { REPORT_STRINGS_JA, reportStringsFor } from './strings-ja'
export { summariseClaims, countByStance, type ClaimSummary, type SummariseOptions } from './summary'
export { sectionsOf, paragraphNumberAt, paragraphNumberer, type ReportSection } from './sections'
export {
  buildReportModel,
  checkGeneratedAt,
  type ReportInput,
  type ReportOptions,
  type ReportModel,
  type ReportClaimEntry,
  type ReportSectionEntry,
  type ChartGroup,
} from './report-model'
export { escapeHtml, escapeMarkdown } from './escape'
export { DEFAULT_REPORT_TIME_ZONE, checkTimeZone, formatReportDay, formatReportInstant } from './report-dates'
export { renderStanceChartSvg } from './stance-chart'
export { renderReportMarkdown } from './render-markdown'
export { renderReportHtml } from './render-html'
export { renderReportCsv, neutraliseCsvFormula, CSV_COLUMNS, type CsvReportOptions } from './render-csv'
export { certaintyWithoutEvidencePredicate } from './certainty'
export {
  REPORT_FORMATS,
  REPORT_MIME_TYPES,
  buildReportFile,
  reportFileName,
  type ReportFile,
  type ReportFileOptions,
  type ReportFormat,
} from './report-file'
