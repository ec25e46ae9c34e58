/**
 * Comparison report as Markdown (CommonMark + GFM tables). Every string that
 * comes from users — set labels, analysts, quotes, notes, reasons — goes
 * through {@link escapeMarkdownInline}, so a note holding `<script>`, `|` or
 * `**` prints as those characters and cannot change the document's structure.
 */
import type { Comparison } from './model'
import {
  countOf,
  reportContent,
  undecidedSentence,
  type ComparisonReportOptions,
  type ReportSide,
} from './report-content'

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

function sideLines(side: ReportSide): string[] {
  const lines = [`   - **${side.role}** (${esc(side.setLabel)}): *${side.stance}* — “${esc(side.quote)}”`]
  if (side.note.trim()) lines.push(`     - Note: ${esc(side.note)}`)
  return lines
}

/**
 * Render `comparison` as a Markdown report: sets, every figure with its
 * definition, the confusion matrix, each disagreement with quotes and both
 * stances, and — when `options.consensus` is given — the adjudication
 * decisions with their reasons. Pure; never throws. Ends with a newline.
 */
export function renderComparisonMarkdown(comparison: Comparison, options: ComparisonReportOptions = {}): string {
  const c = reportContent(comparison, options)
  const out: string[] = [`# ${esc(c.title)}`, '']
  out.push(`Minimum overlap for alignment (Jaccard): ${c.minOverlap}`, '')

  out.push('## Sets', '')
  out.push(
    ...table(
      ['Role', 'Set', 'Analyst', 'Claims', 'Orphans'],
      c.sets.map((s) => [s.role, esc(s.label), esc(s.analyst), String(s.claims), String(s.orphans)]),
    ),
    '',
  )
  for (const definition of c.setDefinitions) out.push(`- ${esc(definition)}`)
  out.push('')

  out.push('## Figures', '')
  out.push(...table(['Figure', 'Value', 'Definition'], c.figures.map((f) => [esc(f.label), esc(f.value), esc(f.definition)])), '')

  out.push('## Confusion matrix', '')
  out.push(
    ...table(
      ['A \\\\ B', ...c.confusionLabels],
      c.confusion.map((counts, i) => [`**${c.confusionLabels[i]}**`, ...counts.map(String)]),
    ),
    '',
    `Definition: ${esc(c.confusionDefinition)}`,
    '',
  )

  out.push(`## Disagreements (${c.disagreements.length})`, '')
  if (c.disagreements.length === 0) out.push('None: every claim aligned with a claim of the same stance.', '')
  c.disagreements.forEach((d, i) => {
    out.push(`${i + 1}. **${d.kind}** (characters ${d.start}–${d.end})`, ...d.sides.flatMap(sideLines))
  })
  if (c.disagreements.length > 0) out.push('')

  if (c.decisions) {
    out.push(`## Adjudication (${countOf(c.decisions.length, 'decision')})`, '')
    if (c.undecided > 0) out.push(undecidedSentence(c.undecided), '')
    if (c.decisions.length > 0) {
      out.push(
        ...table(
          ['Item', 'Quote', 'Decision', 'Reason'],
          c.decisions.map((d) => [esc(d.kind), esc(d.quote), esc(d.keep), esc(d.reason)]),
        ),
        '',
      )
    }
  }
  return out.join('\n').replace(/\n+$/, '\n')
}
