/**
 * The report's stance chart: a small horizontal bar chart as inline SVG, one
 * group of bars for all claims and one per section. Stance is never shown by
 * colour alone: every bar carries its stance name and count as text, and the
 * speculative bar is hatched where the evidenced bar is solid, so the chart
 * reads in greyscale print and to screen readers (title + desc).
 */
import { STANCES, type Stance } from '../claims/model'
import { escapeHtml } from './escape'
import type { ChartGroup } from './report-model'
import type { ReportStrings } from './strings'

const WIDTH = 640
const STANCE_LABEL_WIDTH = 120
const BAR_X = 130
const BAR_MAX = 420
const GROUP_TITLE_HEIGHT = 22
const ROW_HEIGHT = 20
const BAR_HEIGHT = 14
const GROUP_GAP = 10
// Section titles can be long sentences; the full title is in the desc and the
// report body, so the chart shows a prefix that fits its width.
const MAX_TITLE_CHARS = 40

const BAR_STYLE: Record<Stance, string> = {
  evidenced: 'fill="#3b5b7e" stroke="#1d2f44"',
  speculative: 'fill="url(#cw-chart-hatch)" stroke="#5a3b12"',
}

function truncate(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length <= MAX_TITLE_CHARS ? chars.join('') : `${chars.slice(0, MAX_TITLE_CHARS - 1).join('')}…`
}

/** Height in px of the chart for `groupCount` groups. */
export function stanceChartHeight(groupCount: number): number {
  return groupCount * (GROUP_TITLE_HEIGHT + STANCES.length * ROW_HEIGHT + GROUP_GAP)
}

/**
 * The chart's accessible description: one sentence per group, with full
 * (untruncated) labels, from the strings table. Never throws.
 */
export function stanceChartDescription(groups: readonly ChartGroup[], strings: ReportStrings): string {
  return groups
    .map((group) => strings.chartGroupDescription(group.label, group.counts.evidenced, group.counts.speculative))
    .join(' ')
}

/**
 * Render `groups` as a self-contained `<svg>` element (no scripts, no
 * external references). Bar lengths are relative to the largest count; all
 * coordinates are integers so output is byte-stable. Every piece of text is
 * HTML-escaped. Never throws.
 */
export function renderStanceChartSvg(groups: readonly ChartGroup[], strings: ReportStrings): string {
  const max = Math.max(1, ...groups.flatMap((group) => STANCES.map((stance) => group.counts[stance])))
  const height = stanceChartHeight(groups.length)
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="stance-chart" role="img" aria-labelledby="cw-chart-title cw-chart-desc" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    `<title id="cw-chart-title">${escapeHtml(strings.chartTitle)}</title>`,
    `<desc id="cw-chart-desc">${escapeHtml(stanceChartDescription(groups, strings))}</desc>`,
    '<defs><pattern id="cw-chart-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
      '<rect width="6" height="6" fill="#f3e3c8"/><line x1="0" y1="0" x2="0" y2="6" stroke="#5a3b12" stroke-width="2"/></pattern></defs>',
  ]
  let y = 0
  for (const group of groups) {
    out.push(`<g class="stance-chart-group">`)
    out.push(`<text x="0" y="${y + 16}" class="stance-chart-group-label" font-weight="bold">${escapeHtml(truncate(group.label))}</text>`)
    y += GROUP_TITLE_HEIGHT
    for (const stance of STANCES) {
      const count = group.counts[stance]
      const barWidth = Math.round((count / max) * BAR_MAX)
      const barTop = y + Math.round((ROW_HEIGHT - BAR_HEIGHT) / 2)
      out.push(`<text x="${STANCE_LABEL_WIDTH - 4}" y="${y + 14}" text-anchor="end">${escapeHtml(strings.stance[stance])}</text>`)
      if (barWidth > 0) {
        out.push(`<rect x="${BAR_X}" y="${barTop}" width="${barWidth}" height="${BAR_HEIGHT}" ${BAR_STYLE[stance]}/>`)
      }
      out.push(`<text x="${BAR_X + barWidth + 6}" y="${y + 14}">${count}</text>`)
      y += ROW_HEIGHT
    }
    out.push('</g>')
    y += GROUP_GAP
  }
  out.push('</svg>')
  return out.join('\n')
}
