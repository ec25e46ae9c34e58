import { describe, expect, it } from 'vitest'
import { renderStanceChartSvg, stanceChartDescription, stanceChartHeight } from './stance-chart'
import { REPORT_STRINGS_EN } from './strings'

const groups = [
  { label: 'All claims', counts: { evidenced: 3, speculative: 6 } },
  { label: '<Section> & "one"', counts: { evidenced: 0, speculative: 2 } },
  { label: 'ア'.repeat(60), counts: { evidenced: 3, speculative: 4 } },
]

describe('renderStanceChartSvg', () => {
  const svg = renderStanceChartSvg(groups, REPORT_STRINGS_EN)

  it('is an accessible image with a title and a description of every count', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="cw-chart-title cw-chart-desc"/)
    expect(svg).toContain('<title id="cw-chart-title">Claims by stance, overall and per section</title>')
    expect(svg).toContain(`<desc id="cw-chart-desc">${stanceChartDescription(groups, REPORT_STRINGS_EN).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</desc>`)
    expect(stanceChartDescription(groups, REPORT_STRINGS_EN)).toContain('<Section> & "one": 0 evidenced, 2 speculative.')
  })

  it('labels every bar with its stance and count as text, not colour alone', () => {
    const labels = [...svg.matchAll(/<text [^>]*text-anchor="end">([^<]*)<\/text>/g)].map((m) => m[1])
    expect(labels).toEqual(['Evidenced', 'Speculative', 'Evidenced', 'Speculative', 'Evidenced', 'Speculative'])
    const counts = [...svg.matchAll(/<text x="\d+" y="\d+">(\d+)<\/text>/g)].map((m) => Number(m[1]))
    expect(counts).toEqual([3, 6, 0, 2, 3, 4])
  })

  it('hatches speculative bars and fills evidenced ones solid, scaled to the largest count', () => {
    const bars = [...svg.matchAll(/<rect x="130" y="\d+" width="(\d+)" height="14" fill="([^"]+)"/g)].map((m) => [Number(m[1]), m[2]])
    expect(bars).toEqual([
      [210, '#3b5b7e'],
      [420, 'url(#cw-chart-hatch)'],
      [140, 'url(#cw-chart-hatch)'],
      [210, '#3b5b7e'],
      [280, 'url(#cw-chart-hatch)'],
    ])
    expect(svg).toContain('<pattern id="cw-chart-hatch"')
  })

  it('escapes labels and shortens long ones', () => {
    expect(svg).toContain('&lt;Section&gt; &amp; &quot;one&quot;')
    expect(svg).not.toContain('<Section>')
    expect(svg).toContain(`${'ア'.repeat(39)}…</text>`)
    expect(svg).toContain(`height="${stanceChartHeight(3)}"`)
  })
})
