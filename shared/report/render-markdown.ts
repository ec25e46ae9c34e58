/**
 * The critique report as Markdown (CommonMark + GFM tables). All user text is
 * escaped (see `escape.ts`), quotes are blockquotes, and the stance chart is a
 * table, since Markdown viewers drop or sandbox inline SVG.
 */
import { isSafeExternalUrl, type Counterpoint, type EvidenceItem } from '../claims/model'
import { escapeMarkdown, escapeMarkdownSingleLine } from './escape'
import { buildReportModel, checkGeneratedAt, summaryRows, type ReportClaimEntry, type ReportInput, type ReportModel, type ReportOptions } from './report-model'
import type { ReportStrings } from './strings'

const md = escapeMarkdownSingleLine

/** A URL as an autolink when it is http(s)/mailto and autolink-safe; else as plain escaped text. */
function markdownUrl(url: string, strings: ReportStrings): string {
  const trimmed = url.trim()
  if (isSafeExternalUrl(trimmed) && !/[<>]/.test(trimmed)) return `<${trimmed}>`
  return `${md(trimmed)} ${md(strings.notLinked)}`
}

function evidenceItem(item: EvidenceItem, strings: ReportStrings): string {
  const parts = [escapeMarkdown(item.citation, '  ')]
  if (item.url.trim() !== '') parts.push(markdownUrl(item.url, strings))
  return `- ${parts.filter((part) => part !== '').join(' — ')}`
}

function counterpointItem(counterpoint: Counterpoint, strings: ReportStrings): string {
  let line = `- (${md(strings.strength[counterpoint.strength])}) ${escapeMarkdown(counterpoint.text, '  ')}`
  const source = counterpoint.source
  if (source && (source.citation.trim() !== '' || source.url.trim() !== '')) {
    const parts = [escapeMarkdown(source.citation, '  ')]
    if (source.url.trim() !== '') parts.push(markdownUrl(source.url, strings))
    line += `\\\n  ${md(strings.sourceLabel)}: ${parts.filter((part) => part !== '').join(' — ')}`
  }
  return line
}

function claimBlock(entry: ReportClaimEntry, level: string, strings: ReportStrings): string[] {
  const { claim } = entry
  const heading = [strings.claimHeading(entry.number), strings.stance[claim.stance]]
  if (entry.paragraph !== null) heading.push(strings.paragraph(entry.paragraph))
  const out = [`${level} ${heading.map(md).join(' · ')}`, '', `> ${escapeMarkdown(claim.target.quote.exact, '> ')}`, '']
  if (claim.note.trim() !== '') out.push(`**${md(strings.noteLabel)}:** ${escapeMarkdown(claim.note)}`, '')
  if (claim.evidence.length === 0) {
    out.push(`**${md(strings.evidenceLabel)}:** ${md(strings.noEvidence)}`, '')
  } else {
    out.push(`**${md(strings.evidenceLabel)}:**`, '', ...claim.evidence.map((item) => evidenceItem(item, strings)), '')
  }
  if (claim.counterpoints.length === 0) {
    out.push(`**${md(strings.counterpointsLabel)}:** ${md(strings.noCounterpoints)}`, '')
  } else {
    out.push(`**${md(strings.counterpointsLabel)}:**`, '', ...claim.counterpoints.map((c) => counterpointItem(c, strings)), '')
  }
  return out
}

function headerLines(model: ReportModel): string[] {
  const { strings, input } = model
  const { article, set } = input
  const meta: [string, string][] = [
    [strings.articleLabel, model.title],
    [strings.publishedLabel, model.publishedText],
    [strings.sourceFileLabel, article.sourceName],
    [strings.sha256Label, article.sha256],
    [strings.analystLabel, set.analyst],
    [strings.setLabel, set.label],
    // The ISO value stays beside the readable one: scripts and the CLI's --generated read it.
    [strings.generatedLabel, model.generatedAt === null ? '' : `${model.generatedText} (${model.generatedAt})`],
  ]
  return [`# ${md(strings.reportTitle(model.title))}`, '', ...meta.map(([label, value]) => `- **${md(label)}:** ${md(value)}`), '']
}

function summaryLines(model: ReportModel): string[] {
  const { strings, summary } = model
  const out = [`## ${md(strings.summaryHeading)}`, '']
  if (summary.total === 0) return [...out, md(strings.emptySet), '']
  const rows = summaryRows(model)
  out.push(...rows.map(([label, value]) => `- ${md(label)}: ${md(value)}`), '')
  out.push(`## ${md(strings.chartHeading)}`, '')
  out.push(`| ${md(strings.sectionColumn)} | ${md(strings.stance.evidenced)} | ${md(strings.stance.speculative)} |`)
  out.push('| --- | ---: | ---: |')
  for (const group of model.chart) {
    out.push(`| ${md(group.label)} | ${group.counts.evidenced} | ${group.counts.speculative} |`)
  }
  return [...out, '']
}

/** Lay out a built report model as Markdown; see {@link renderReportMarkdown}. */
export function renderModelMarkdown(model: ReportModel): string {
  const { strings } = model
  const out = [...headerLines(model), ...summaryLines(model)]
  if (model.summary.total > 0) {
    out.push(`## ${md(strings.claimsHeading)}`, '')
    for (const section of model.sections) {
      if (section.entries.length === 0) continue
      out.push(`### ${md(section.label)}`, '')
      for (const entry of section.entries) out.push(...claimBlock(entry, '####', strings))
    }
    if (model.emptySections.length > 0) out.push(md(strings.sectionsWithoutClaims(model.emptySections)), '')
    if (model.orphans.length > 0) {
      out.push(`## ${md(strings.orphansHeading)}`, '', md(strings.orphansIntro), '')
      for (const entry of model.orphans) out.push(...claimBlock(entry, '###', strings))
    }
  }
  while (out[out.length - 1] === '') out.pop()
  return `${out.join('\n')}\n`
}

/**
 * Render a critique report as Markdown: header (article, date, source file,
 * text hash, analyst, set, generated time), summary, stance table, claims
 * section by section in document order, and an appendix of orphaned claims.
 * Output is deterministic for the same input and options, with LF line ends.
 * Throws RangeError when `options.generatedAt` is missing or not ISO 8601.
 */
export function renderReportMarkdown(input: ReportInput, options: ReportOptions): string {
  const generatedAt = checkGeneratedAt(options.generatedAt)
  return renderModelMarkdown(buildReportModel(input, { ...options, generatedAt }))
}
