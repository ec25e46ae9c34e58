import { describe, it, expect } from 'vitest'
import { FIGURE_DEFINITIONS } from './definitions'
import { escapeHtml, renderComparisonHtml } from './report-html'
import { renderComparisonMarkdown } from './report-md'
import { hostileReportInputs } from './test-support'

/** Every tag the report itself writes; anything else came from the data. */
const OWN_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'p', 'table', 'thead', 'tbody',
  'tr', 'th', 'td', 'ul', 'ol', 'li', 'strong', 'span', 'blockquote',
])

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;')
    expect(escapeHtml('米露首脳会談')).toBe('米露首脳会談')
  })
})

describe('renderComparisonHtml', () => {
  const { comparison, consensus } = hostileReportInputs()
  const html = renderComparisonHtml(comparison, { consensus, title: 'Alaska <summit>', lang: 'ja' })

  it('is a self-contained document without scripts or external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="ja">')).toBe(true)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
    expect(html).toMatch(/<style>[^<]+<\/style>/)
    expect(html).not.toMatch(/<script|<link|<img|<[^>]*\s(src|href)=|@import|url\(/i)
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()))
    expect([...tags].filter((tag) => !OWN_TAGS.has(tag))).toEqual([])
  })

  it('escapes labels, notes, quotes and reasons', () => {
    expect(html).toContain('<h1>Alaska &#60;summit&#62;</h1>')
    expect(html).toContain('<td>Alice | &#60;b&#62;team&#60;/b&#62;</td>')
    expect(html).toContain('Note: &#60;script&#62;alert(1)&#60;/script&#62; **bold** | pipe')
    expect(html).toContain('<blockquote>&#60;img src=x onerror=alert(1)&#62; | cell')
    expect(html).toContain('<td>Because &#60;script&#62;x&#60;/script&#62; | and\nmore</td>')
  })

  it('carries the same content as the Markdown report', () => {
    expect(html).toContain(`<td class="definition">${escapeHtml(FIGURE_DEFINITIONS.krippendorffAlpha)}</td>`)
    expect(html).toContain('<tr><th scope="row">speculative</th><td class="num">1</td><td class="num">0</td><td class="num">0</td></tr>')
    expect(html).toContain('<h2>Disagreements (2)</h2>')
    expect(html).toContain('<span class="stance-speculative">speculative</span>')
    expect(html).toContain('<h2>Adjudication (1 decision)</h2>')
    const markdown = renderComparisonMarkdown(comparison, { consensus })
    for (const heading of ['Sets', 'Figures', 'Confusion matrix']) {
      expect(markdown).toContain(`## ${heading}`)
      expect(html).toContain(`<h2>${heading}</h2>`)
    }
  })

  it('falls back to lang="und" for an invalid language tag', () => {
    expect(renderComparisonHtml(comparison, { lang: '"><x' })).toContain('<html lang="und">')
  })
})
