/**
 * A critique report as a file to hand to the host: its name, MIME type and
 * contents, for each export format. The app's File ▸ Export ▸ Critique Report
 * goes through here, so every entry point names and renders reports alike.
 */
import { certaintyWithoutEvidencePredicate } from './certainty'
import type { ReportInput } from './report-model'
import { renderReportCsv } from './render-csv'
import { renderReportHtml } from './render-html'
import { renderReportMarkdown } from './render-markdown'
import { REPORT_STRINGS_EN, type ReportStrings } from './strings'

/** The formats a report is exported in. */
export const REPORT_FORMATS = ['md', 'html', 'pdf', 'csv'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** MIME type of each format's file (text in UTF-8). */
export const REPORT_MIME_TYPES: Readonly<Record<ReportFormat, string>> = {
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv;charset=utf-8',
}

/** What to save: `data` is the file's text, except for PDF, where it is the HTML the host prints. */
export interface ReportFile {
  format: ReportFormat
  suggestedName: string
  mimeType: string
  data: string
}

/** Options of {@link buildReportFile}. */
export interface ReportFileOptions {
  /** The report's "generated" time (ISO 8601); CSV prints none. */
  generatedAt: string
  /** CSV only: start with a byte-order mark so Excel reads UTF-8. Default false. */
  bom?: boolean
  strings?: ReportStrings
  /** IANA time zone the "generated" time is shown in (the analyst's); UTC by default. */
  timeZone?: string
}

// Characters no common file system takes in a name, control characters, and
// the bidi controls that could make a name display as something else.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAME = /[<>:"/\\|?*\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i
const MAX_STEM = 120

function cleanPart(text: string): string {
  return text.replace(UNSAFE_IN_NAME, ' ').replace(/\s+/g, ' ').trim()
}

/**
 * The file name of a report: `<article title> – <set label>.<extension>`,
 * with characters file systems refuse replaced by spaces, the stem cut to 120
 * characters (on a code-point boundary), trailing dots and spaces removed, and
 * a Windows device name prefixed with `_`. Falls back to "Critique report"
 * when both parts are empty. Never throws.
 */
export function reportFileName(articleTitle: string, setLabel: string, extension: string): string {
  const parts = [cleanPart(articleTitle), cleanPart(setLabel)].filter((part) => part !== '')
  let stem = Array.from(parts.join(' – ')).slice(0, MAX_STEM).join('')
  stem = stem.replace(/[. ]+$/, '').replace(/^[. ]+/, '')
  if (stem === '') stem = 'Critique report'
  if (WINDOWS_RESERVED.test(stem)) stem = `_${stem}`
  return `${stem}.${extension}`
}

/**
 * Render the report of `input` in `format` (PDF: the HTML report, for the
 * host to print) with the shared certainty predicate, so the app's report of
 * a set is the CLI's. Deterministic for the same input and options. Throws
 * RangeError for an unknown format or a malformed `generatedAt`.
 */
export function buildReportFile(input: ReportInput, format: ReportFormat, options: ReportFileOptions): ReportFile {
  if (!REPORT_FORMATS.includes(format)) throw new RangeError(`buildReportFile: unknown format ${JSON.stringify(format)}`)
  const strings = options.strings ?? REPORT_STRINGS_EN
  const title = input.article.title.trim() === '' ? strings.untitledArticle : input.article.title
  const suggestedName = reportFileName(title, input.set.label, format)
  const mimeType = REPORT_MIME_TYPES[format]
  if (format === 'csv') {
    return { format, suggestedName, mimeType, data: renderReportCsv(input, { bom: options.bom === true, strings }) }
  }
  const reportOptions = { generatedAt: options.generatedAt, strings, timeZone: options.timeZone, isCertaintyWithoutEvidence: certaintyWithoutEvidencePredicate(input.article) }
  const data = format === 'md' ? renderReportMarkdown(input, reportOptions) : renderReportHtml(input, reportOptions)
  return { format, suggestedName, mimeType, data }
}
