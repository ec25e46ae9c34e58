/**
 * The critique report as one self-contained HTML file: inline CSS and SVG, no
 * scripts, no external requests (a Content-Security-Policy says so too, as a
 * second line of defence), laid out to print well. PDF is this file printed by
 * the host. All user text is HTML-escaped; only http, https and mailto URLs
 * become links.
 */
import { isSafeExternalUrl, type Counterpoint, type EvidenceItem } from '../claims/model'
import { escapeHtml as h } from './escape'
import { buildReportModel, checkGeneratedAt, summaryRows, type ReportClaimEntry, type ReportInput, type ReportModel, type ReportOptions } from './report-model'
import { REPORT_CSS } from './report-style'
import { renderStanceChartSvg } from './stance-chart'
import type { ReportStrings } from './strings'

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

function htmlUrl(url: string, strings: ReportStrings): string {
  const trimmed = url.trim()
  if (isSafeExternalUrl(trimmed)) return `<a href="${h(trimmed)}" rel="noopener noreferrer">${h(trimmed)}</a>`
  return `<span class="not-linked">${h(trimmed)} ${h(strings.notLinked)}</span>`
}

/** Citation and URL joined with a dash, either one possibly empty. */
function citationHtml(citation: string, url: string, strings: ReportStrings): string {
  const parts: string[] = []
  if (citation.trim() !== '') parts.push(`<span class="user-text">${h(citation)}</span>`)
  if (url.trim() !== '') parts.push(htmlUrl(url, strings))
  return parts.join(' — ')
}

function evidenceHtml(items: readonly EvidenceItem[], strings: ReportStrings): string {
  const heading = `<h5>${h(strings.evidenceLabel)}</h5>`
  if (items.length === 0) return `<div class="evidence">${heading}<p class="none">${h(strings.noEvidence)}</p></div>`
  const list = items.map((item) => `<li>${citationHtml(item.citation, item.url, strings)}</li>`).join('\n')
  return `<div class="evidence">${heading}\n<ul>\n${list}\n</ul></div>`
}

function counterpointHtml(counterpoint: Counterpoint, strings: ReportStrings): string {
  const strength = `<span class="strength strength-${counterpoint.strength}">(${h(strings.strength[counterpoint.strength])})</span>`
  let item = `<li>${strength} <span class="user-text">${h(counterpoint.text)}</span>`
  const source = counterpoint.source
  if (source && (source.citation.trim() !== '' || source.url.trim() !== '')) {
    item += `<span class="source">${h(strings.sourceLabel)}: ${citationHtml(source.citation, source.url, strings)}</span>`
  }
  return `${item}</li>`
}

function counterpointsHtml(counterpoints: readonly Counterpoint[], strings: ReportStrings): string {
  const heading = `<h5>${h(strings.counterpointsLabel)}</h5>`
  if (counterpoints.length === 0) return `<div class="counterpoints">${heading}<p class="none">${h(strings.noCounterpoints)}</p></div>`
  const list = counterpoints.map((c) => counterpointHtml(c, strings)).join('\n')
  return `<div class="counterpoints">${heading}\n<ul>\n${list}\n</ul></div>`
}

function claimHtml(entry: ReportClaimEntry, headingTag: 'h3' | 'h4', model: ReportModel): string {
  const { strings } = model
  const { claim } = entry
  const paragraph = entry.paragraph === null ? '' : ` <span class="paragraph">${h(strings.paragraph(entry.paragraph))}</span>`
  const heading =
    `<${headingTag}><span class="claim-number">${h(strings.claimHeading(entry.number))}</span>` +
    ` <span class="badge badge-${claim.stance}">${h(strings.stance[claim.stance])}</span>${paragraph}</${headingTag}>`
  const out = [
    `<article class="claim claim-${claim.stance}" id="claim-${entry.number}">`,
    heading,
    `<blockquote${langAttr(model)}><p class="user-text">${h(claim.target.quote.exact)}</p></blockquote>`,
  ]
  if (claim.note.trim() !== '') {
    out.push(`<p class="note"><strong>${h(strings.noteLabel)}:</strong> <span class="user-text">${h(claim.note)}</span></p>`)
  }
  out.push(evidenceHtml(claim.evidence, strings), counterpointsHtml(claim.counterpoints, strings), '</article>')
  return out.join('\n')
}

/** `lang` attribute for article text, omitted when the language is unknown. */
function langAttr(model: ReportModel): string {
  const language = model.input.article.language
  return language && language !== 'und' ? ` lang="${h(language)}"` : ''
}

function headerHtml(model: ReportModel): string {
  const { strings, input } = model
  const { article, set } = input
  const row = (label: string, value: string, attrs = '') => `<dt>${h(label)}</dt><dd${attrs}>${h(value)}</dd>`
  // Read as people read dates; the ISO value stays machine-readable in datetime.
  const timeRow = (label: string, iso: string | null | undefined, shown: string) =>
    iso ? `<dt>${h(label)}</dt><dd><time datetime="${h(iso)}">${h(shown)}</time></dd>` : row(label, shown)
  return [
    '<header>',
    `<h1>${h(strings.reportTitle(model.title))}</h1>`,
    '<dl class="meta">',
    row(strings.articleLabel, model.title, langAttr(model)),
    timeRow(strings.publishedLabel, article.publishedOn, model.publishedText),
    row(strings.sourceFileLabel, article.sourceName),
    row(strings.sha256Label, article.sha256, ' class="hash"'),
    row(strings.analystLabel, set.analyst),
    row(strings.setLabel, set.label),
    timeRow(strings.generatedLabel, model.generatedAt, model.generatedText ?? ''),
    '</dl>',
    '</header>',
  ].join('\n')
}

function summaryHtml(model: ReportModel): string {
  const { strings, summary } = model
  const out = ['<section class="summary">', `<h2>${h(strings.summaryHeading)}</h2>`]
  if (summary.total === 0) return [...out, `<p class="empty">${h(strings.emptySet)}</p>`, '</section>'].join('\n')
  const rows = summaryRows(model)
  out.push('<ul class="counts">', ...rows.map(([label, value]) => `<li><span>${h(label)}</span> <span>${h(value)}</span></li>`), '</ul>')
  out.push('</section>', '<section class="chart">', `<h2>${h(strings.chartHeading)}</h2>`)
  out.push('<figure>', renderStanceChartSvg(model.chart, strings), '</figure>', '</section>')
  return out.join('\n')
}

function claimsHtml(model: ReportModel): string {
  const { strings } = model
  if (model.summary.total === 0) return ''
  const out = ['<section class="claims">', `<h2>${h(strings.claimsHeading)}</h2>`]
  for (const section of model.sections) {
    if (section.entries.length === 0) continue
    const lang = section.section.title === null ? '' : langAttr(model)
    out.push('<section class="article-section">', `<h3${lang}>${h(section.label)}</h3>`)
    for (const entry of section.entries) out.push(claimHtml(entry, 'h4', model))
    out.push('</section>')
  }
  if (model.emptySections.length > 0) out.push(`<p class="none sections-without-claims">${h(strings.sectionsWithoutClaims(model.emptySections))}</p>`)
  out.push('</section>')
  if (model.orphans.length > 0) {
    out.push('<section class="orphans">', `<h2>${h(strings.orphansHeading)}</h2>`, `<p>${h(strings.orphansIntro)}</p>`)
    for (const entry of model.orphans) out.push(claimHtml(entry, 'h3', model))
    out.push('</section>')
  }
  return out.join('\n')
}

/** Lay out a built report model as an HTML document; see {@link renderReportHtml}. */
export function renderModelHtml(model: ReportModel): string {
  const { strings } = model
  return [
    '<!DOCTYPE html>',
    `<html lang="${h(strings.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${h(CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(strings.reportTitle(model.title))}</title>`,
    `<style>\n${REPORT_CSS}\n</style>`,
    '</head>',
    '<body>',
    headerHtml(model),
    summaryHtml(model),
    claimsHtml(model),
    '</body>',
    '</html>',
    '',
  ]
    .filter((part, index, all) => part !== '' || index === all.length - 1)
    .join('\n')
}

/**
 * Render a critique report as a self-contained HTML document (UTF-8): the same
 * content as {@link renderReportMarkdown} plus an inline SVG stance chart.
 * Output is deterministic for the same input and options, with LF line ends.
 * Throws RangeError when `options.generatedAt` is missing or not ISO 8601.
 */
export function renderReportHtml(input: ReportInput, options: ReportOptions): string {
  const generatedAt = checkGeneratedAt(options.generatedAt)
  return renderModelHtml(buildReportModel(input, { ...options, generatedAt }))
}
