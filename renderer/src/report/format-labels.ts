/**
 * Names of the report formats as people say them, apart from the report
 * renderers: the export menu shows them at open, while export-report.ts (and
 * the renderers behind it) is loaded only when a report is exported.
 */
import type { ReportFormat } from '../../../shared/report/report-file'

/** Names of the formats as people say them. */
export const REPORT_FORMAT_LABELS: Readonly<Record<ReportFormat, string>> = {
  md: 'Markdown',
  html: 'HTML',
  pdf: 'PDF',
  csv: 'CSV',
}
