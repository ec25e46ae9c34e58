/**
 * Export a critique report of the open document's active set through the
 * host: Markdown, HTML and CSV are saved as files; PDF is the HTML report
 * handed to the host's print path (Electron prints it to a file; a browser
 * opens it for printing). The report is generated "now"; everything else in it
 * comes from the set, so the CLI given the same time prints the same bytes.
 */
import type { Article } from '../../../shared/article/model'
import type { HostBridge, SaveResult } from '../../../shared/bridge/contract'
import type { AnnotationSet, Claim } from '../../../shared/claims/model'
import { buildReportFile, type ReportFormat, type ReportStrings } from '../../../shared/report'
import { REPORT_FORMAT_LABELS } from './format-labels'

/** A message lookup: i18next's `t`, or shared/i18n `translate` bound to a locale. */
export type Translate = (key: string, values?: Record<string, string | number>) => string

/** What a report is made of: the open article, its active set and that set's claims as on screen. */
export interface ReportContext {
  article: Article
  set: AnnotationSet
  claims: readonly Claim[]
}

/** Options of {@link exportReport}. */
export interface ExportReportOptions {
  /** CSV only: start the file with a byte-order mark for Excel. */
  bom?: boolean
  /** The report's generated time; the clock by default. */
  now?: Date
  /** The words the report prints (e.g. `reportStringsFor(uiLanguage)`); English by default. */
  strings?: ReportStrings
}

export { REPORT_FORMAT_LABELS }

/**
 * Render the report of `context` in `format` and hand it to `host`. Resolves
 * with what the host did (saved under a name, or cancelled by the user).
 * Rejects with what the host rejects with (e.g. a failed write); throws
 * RangeError for a claim the renderer cannot place (a corrupt record).
 */
export async function exportReport(host: HostBridge, context: ReportContext, format: ReportFormat, options: ExportReportOptions = {}): Promise<SaveResult> {
  const generatedAt = (options.now ?? new Date()).toISOString()
  const file = buildReportFile(context, format, { generatedAt, bom: options.bom === true, strings: options.strings })
  if (format === 'pdf') return host.printToPdf({ html: file.data, suggestedName: file.suggestedName })
  return host.saveFile({ suggestedName: file.suggestedName, mimeType: file.mimeType, data: file.data })
}

/**
 * The notice to show after an export, in the language of `t`: null when the
 * user cancelled. A browser host "saves" a PDF by opening the report for
 * printing, so it says where to go next.
 */
export function exportedMessage(result: SaveResult, format: ReportFormat, host: Pick<HostBridge, 'info'>, t: Translate): string | null {
  if (result.status === 'cancelled') return null
  if (format === 'pdf' && host.info.kind === 'browser') return t('reportUi.openedForPrinting', { name: result.name })
  return t('reportUi.saved', { format: REPORT_FORMAT_LABELS[format], name: result.name })
}
