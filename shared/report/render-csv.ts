/**
 * The critique report as CSV for spreadsheets: a header row, then one row per
 * claim in report order (document order, then orphans). RFC 4180: fields that
 * hold a comma, a double quote, CR or LF are quoted with quotes doubled; rows
 * end in CRLF (the last one too). UTF-8, optionally with a byte-order mark so
 * Excel detects the encoding.
 *
 * Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-`
 * or `@` (and some also treat a leading tab or CR as such) as a formula, so
 * such cells get a leading single quote (`'=HYPERLINK(...)` shows as text).
 * The quote is visible in the cell and is part of the value; a reader that
 * wants the original strips one leading `'` when the next character is one of
 * those. (A note that itself starts with `'=` can therefore not be told apart;
 * we accept that.)
 *
 * Evidence and counterpoints are one item per line within their cell; line
 * breaks inside an item's own text become spaces so the lines stay items.
 */
// Not a CSV library: RFC 4180 quoting is a few lines; the formula guard and the item-per-line cells are ours to define either way.
import type { Counterpoint, EvidenceItem } from '../claims/model'
import { buildReportModel, entriesInOrder, type ReportClaimEntry, type ReportInput } from './report-model'
import type { ReportCsvColumns, ReportStrings } from './strings'

/** Options of {@link renderReportCsv}. */
export interface CsvReportOptions {
  /** Start the output with U+FEFF so Excel reads it as UTF-8. Default false. */
  bom?: boolean
  /** The words of the header row and cell values; English by default. */
  strings?: ReportStrings
}

/** The CSV's columns in order; keys of {@link ReportCsvColumns}. */
export const CSV_COLUMNS: readonly (keyof ReportCsvColumns)[] = [
  'number',
  'claimId',
  'section',
  'paragraph',
  'stance',
  'quote',
  'note',
  'evidence',
  'counterpoints',
  'orphan',
  'start',
  'end',
  'author',
  'modified',
]

const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Make `value` safe as a spreadsheet cell: prefix `'` when it starts with a
 * formula trigger (`=`, `+`, `-`, `@`, tab, CR). Never throws.
 */
export function neutraliseCsvFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/**
 * One RFC 4180 field: neutralised (see {@link neutraliseCsvFormula}), then
 * quoted with doubled quotes when it holds `"`, `,`, CR or LF. Never throws.
 */
export function csvField(value: string): string {
  const safe = neutraliseCsvFormula(value)
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

function oneLine(text: string): string {
  return text.replace(/\s*(\r\n|\r|\n)\s*/g, ' ').trim()
}

function withUrl(citation: string, url: string): string {
  const parts = [oneLine(citation), url.trim() === '' ? '' : `<${oneLine(url)}>`]
  return parts.filter((part) => part !== '').join(' ')
}

function evidenceCell(items: readonly EvidenceItem[]): string {
  return items.map((item) => withUrl(item.citation, item.url)).join('\n')
}

function counterpointsCell(counterpoints: readonly Counterpoint[], strings: ReportStrings): string {
  return counterpoints
    .map((c) => {
      const line = `(${strings.strength[c.strength]}) ${oneLine(c.text)}`
      const source = c.source ? withUrl(c.source.citation, c.source.url) : ''
      return source === '' ? line : `${line} [${strings.sourceLabel}: ${source}]`
    })
    .join('\n')
}

function row(entry: ReportClaimEntry, strings: ReportStrings): Record<keyof ReportCsvColumns, string> {
  const { claim } = entry
  return {
    number: String(entry.number),
    claimId: claim.id,
    section: entry.sectionLabel ?? '',
    paragraph: entry.paragraph === null ? '' : String(entry.paragraph),
    stance: strings.stance[claim.stance],
    quote: claim.target.quote.exact,
    note: claim.note,
    evidence: evidenceCell(claim.evidence),
    counterpoints: counterpointsCell(claim.counterpoints, strings),
    orphan: claim.orphan === true ? strings.yes : strings.no,
    start: String(claim.target.position.start),
    end: String(claim.target.position.end),
    author: claim.author,
    modified: claim.modified,
  }
}

/**
 * Render the claims of a critique report as CSV (see module comment for the
 * format and the formula-injection rule). An empty set gives the header row
 * alone. Deterministic; never throws for well-formed input (a claim with a
 * negative start throws RangeError).
 */
export function renderReportCsv(input: ReportInput, options: CsvReportOptions = {}): string {
  const model = buildReportModel(input, { strings: options.strings, generatedAt: null })
  const { strings } = model
  const lines = [CSV_COLUMNS.map((key) => csvField(strings.csv[key])).join(',')]
  for (const entry of entriesInOrder(model)) {
    const cells = row(entry, strings)
    lines.push(CSV_COLUMNS.map((key) => csvField(cells[key])).join(','))
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`
}
