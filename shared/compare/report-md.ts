/**
 * Comparison report as Markdown (CommonMark + GFM tables). Every string that
 * comes from users — set labels, analysts, quotes, notes, reasons — goes
 * through {@link escapeMarkdownInline}, so a note holding `<script>`, `|` or
 * `**` prints as those characters and cannot change the document's structure.
 */
import type { Comparison } from './model'
import { reportContent, type ComparisonReportOptions, type ReportSide } from './report-content'
import type { ComparisonReportStrings } from './report-strings'

/**
 * Make `text` safe as inline Markdown, including inside a table cell: line
 * breaks become spaces (no new blocks can start), and every character that
 * can open inline syntax — emphasis, code, links and images (via `[`), raw
 * HTML, entities, GFM strikethrough and cell borders, closing `#` of a
 * heading — is backslash-escaped, as CommonMark allows for any ASCII
 * punctuation. Characters that only matter at the start of a line stay as
 * they are: escaped text never starts a line. Never throws.
 */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
    .replace(/[\\`*_[\]#|<>&~]/g, (ch) => `\\${ch}`)
}

const esc = escapeMarkdownInline

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  return [line(head), line(head.map(() => '---')), ...rows.map(line)]
}

function sideLines(side: ReportSide, s: ComparisonReportStrings): string[] {
  const quote = `${esc(s.quoteOpen)}${esc(side.quote)}${esc(s.quoteClose)}`
  const lines = [`   - **${side.role}** (${esc(side.setLabel)}): *${esc(side.stanceLabel)}* — ${quote}`]
  if (side.note.trim()) lines.push(`     - ${esc(s.notePrefix)}${esc(side.note)}`)
  return lines
}

/**
 * Render `comparison` as a Markdown report: sets, every figure with its
 * definition, the confusion matrix, each disagreement with quotes and both
 * stances, and — when `options.consensus` is given — the adjudication
 * decisions with their reasons. Every word comes from `options.strings`
 * (English by default). Pure; never throws. Ends with a newline.
 */
export function renderComparisonMarkdown(comparison: Comparison, options: ComparisonReportOptions = {}): string {
  const c = reportContent(comparison, options)
  const s = c.strings
  const out: string[] = [`# ${esc(c.title)}`, '']
  out.push(esc(s.minOverlap(c.minOverlap)), '')

  out.push(`## ${esc(s.setsHeading)}`, '')
  const sc = s.setColumns
  out.push(
    ...table(
      [sc.role, sc.set, sc.analyst, sc.claims, sc.orphans].map(esc),
      c.sets.map((set) => [esc(set.role), esc(set.label), esc(set.analyst), String(set.claims), String(set.orphans)]),
    ),
    '',
  )
  for (const definition of c.setDefinitions) out.push(`- ${esc(definition)}`)
  out.push('')

  out.push(`## ${esc(s.figuresHeading)}`, '')
  const fc = s.figureColumns
  out.push(...table([fc.figure, fc.value, fc.definition].map(esc), c.figures.map((f) => [esc(f.label), esc(f.value), esc(f.definition)])), '')

  out.push(`## ${esc(s.confusionHeading)}`, '')
  const stances = c.confusionLabels.map(esc)
  out.push(
    ...table(
      [esc(s.confusionCorner), ...stances],
      c.confusion.map((counts, i) => [`**${stances[i] ?? ''}**`, ...counts.map(String)]),
    ),
    '',
    `${esc(s.definitionPrefix)}${esc(c.confusionDefinition)}`,
    '',
  )

  out.push(`## ${esc(s.disagreementsHeading(c.disagreements.length))}`, '')
  if (c.disagreements.length === 0) out.push(esc(s.noDisagreements), '')
  c.disagreements.forEach((d, i) => {
    out.push(
      `${i + 1}. **${esc(d.kind)}** (${esc(s.characters(d.start, d.end))})`,
      ...d.sides.flatMap((side) => sideLines(side, s)),
    )
  })
  if (c.disagreements.length > 0) out.push('')

  if (c.decisions) {
    out.push(`## ${esc(s.adjudicationHeading(c.decisions.length))}`, '')
    if (c.undecided > 0) out.push(esc(s.undecided(c.undecided)), '')
    if (c.decisions.length > 0) {
      const dc = s.decisionColumns
      out.push(
        ...table(
          [dc.item, dc.quote, dc.decision, dc.reason].map(esc),
          c.decisions.map((d) => [esc(d.kind), esc(d.quote), esc(d.keep), esc(d.reason)]),
        ),
        '',
      )
    }
  }
  return out.join('\n').replace(/\n+$/, '\n')
}
