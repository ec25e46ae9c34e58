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
import { buildReportFile, escapeHtml, type ReportFormat, type ReportStrings } from '../../../shared/report'
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
  /** The time zone the report's times are shown in; this machine's by default. */
  timeZone?: string
  /**
   * PDF in a browser host only: the line shown above the report in the tab the
   * browser prints from, saying to choose "Save as PDF" (hidden on paper).
   */
  printInstructions?: string
}

/**
 * `html` with `instructions` as a note at the top of its body, shown on screen
 * and hidden when printed (the report's stylesheet has the rule). Returns
 * `html` unchanged when it has no `<body>`.
 */
export function withPrintInstructions(html: string, instructions: string): string {
  return html.replace('<body>', `<body>\n<p class="print-instructions" role="note">${escapeHtml(instructions)}</p>`)
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
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  const file = buildReportFile(context, format, { generatedAt, bom: options.bom === true, strings: options.strings, timeZone })
  if (format === 'pdf') {
    const html = host.info.kind === 'browser' && options.printInstructions ? withPrintInstructions(file.data, options.printInstructions) : file.data
    return host.printToPdf({ html, suggestedName: file.suggestedName })
  }
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
