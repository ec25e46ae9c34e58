/**
 * Comparison report as one self-contained HTML file: inline CSS, no scripts,
 * no external resources, and a Content-Security-Policy that forbids scripts
 * anyway. Every string, ours or the users', goes through {@link escapeHtml}.
 */
import type { Comparison } from './model'
import { reportContent, type ComparisonReportOptions, type ReportSide } from './report-content'
import type { ComparisonReportStrings } from './report-strings'

/** Escape `text` for HTML text and double- or single-quoted attribute values. Never throws. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

const esc = escapeHtml

const STYLE = `
body{font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1d1d1f}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:0.5rem 0}th,td{border:1px solid #ccc;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}
th{background:#f4f4f6}td.num{text-align:right;font-variant-numeric:tabular-nums}
.definition{color:#555;font-size:0.9em}
.stance-evidenced{color:#1a6b35;font-weight:600}.stance-speculative{color:#9a4a00;font-weight:600}
blockquote{margin:0.25rem 0 0.25rem 1rem;padding-left:0.75rem;border-left:3px solid #ccc}
ol.disagreements>li{margin-bottom:1rem}
@media print{body{margin:0;max-width:none}}
`.trim()

function cells(tag: 'td' | 'th', values: readonly string[], numeric = false): string {
  return values.map((v) => `<${tag}${numeric && tag === 'td' ? ' class="num"' : ''}>${esc(v)}</${tag}>`).join('')
}

function sideHtml(side: ReportSide, s: ComparisonReportStrings): string {
  const note = side.note.trim() ? `<p class="note">${esc(s.notePrefix)}${esc(side.note)}</p>` : ''
  return (
    `<li><strong>${side.role}</strong> (${esc(side.setLabel)}): ` +
    `<span class="stance-${esc(side.stance)}">${esc(side.stanceLabel)}</span>` +
    `<blockquote>${esc(side.quote)}</blockquote>${note}</li>`
  )
}

/**
 * Render `comparison` as a standalone HTML document with the same content as
 * `renderComparisonMarkdown`: sets, figures with definitions, confusion
 * matrix, disagreements with quotes and both stances, and adjudication
 * reasons when `options.consensus` is given. Every word comes from
 * `options.strings` (English by default). `lang` marks the document's
 * language for fonts and screen readers: `options.lang` when given, else the
 * language of `options.strings` when given, else 'und'; an invalid tag gives
 * 'und'. Pure; never throws.
 */
export function renderComparisonHtml(
  comparison: Comparison,
  options: ComparisonReportOptions & { lang?: string } = {},
): string {
  const c = reportContent(comparison, options)
  const s = c.strings
  const wanted = options.lang ?? options.strings?.lang ?? ''
  const lang = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(wanted) ? wanted : 'und'
  const sc = s.setColumns
  const fc = s.figureColumns
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${esc(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(c.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${esc(c.title)}</h1>`,
    `<p>${esc(s.minOverlap(c.minOverlap))}</p>`,
    `<h2>${esc(s.setsHeading)}</h2>`,
    '<table>',
    `<thead><tr>${cells('th', [sc.role, sc.set, sc.analyst, sc.claims, sc.orphans])}</tr></thead>`,
    '<tbody>',
    ...c.sets.map(
      (set) =>
        `<tr>${cells('td', [set.role, set.label, set.analyst])}${cells('td', [String(set.claims), String(set.orphans)], true)}</tr>`,
    ),
    '</tbody>',
    '</table>',
    `<ul class="definition">${c.setDefinitions.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>`,
    `<h2>${esc(s.figuresHeading)}</h2>`,
    '<table>',
    `<thead><tr>${cells('th', [fc.figure, fc.value, fc.definition])}</tr></thead>`,
    '<tbody>',
    ...c.figures.map(
      (f) =>
        `<tr><th scope="row">${esc(f.label)}</th><td class="num">${esc(f.value)}</td>` +
        `<td class="definition">${esc(f.definition)}</td></tr>`,
    ),
    '</tbody>',
    '</table>',
    `<h2>${esc(s.confusionHeading)}</h2>`,
    '<table>',
    `<thead><tr>${cells('th', [s.confusionCorner, ...c.confusionLabels])}</tr></thead>`,
    '<tbody>',
    ...c.confusion.map(
      (counts, i) => `<tr><th scope="row">${esc(c.confusionLabels[i] ?? '')}</th>${cells('td', counts.map(String), true)}</tr>`,
    ),
    '</tbody>',
    '</table>',
    `<p class="definition">${esc(c.confusionDefinition)}</p>`,
    `<h2>${esc(s.disagreementsHeading(c.disagreements.length))}</h2>`,
  ]
  if (c.disagreements.length === 0) {
    out.push(`<p>${esc(s.noDisagreements)}</p>`)
  } else {
    out.push('<ol class="disagreements">')
    for (const d of c.disagreements) {
      out.push(
        `<li><strong>${esc(d.kind)}</strong> (${esc(s.characters(d.start, d.end))})` +
          `<ul>${d.sides.map((side) => sideHtml(side, s)).join('')}</ul></li>`,
      )
    }
    out.push('</ol>')
  }
  if (c.decisions) {
    out.push(`<h2>${esc(s.adjudicationHeading(c.decisions.length))}</h2>`)
    if (c.undecided > 0) {
      out.push(`<p>${esc(s.undecided(c.undecided))}</p>`)
    }
    if (c.decisions.length > 0) {
      const dc = s.decisionColumns
      out.push('<table>', `<thead><tr>${cells('th', [dc.item, dc.quote, dc.decision, dc.reason])}</tr></thead>`, '<tbody>')
      for (const d of c.decisions) out.push(`<tr>${cells('td', [d.kind, d.quote, d.keep, d.reason])}</tr>`)
      out.push('</tbody>', '</table>')
    }
  }
  out.push('</body>', '</html>', '')
  return out.join('\n')
}
