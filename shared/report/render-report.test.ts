import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { blockOffsets, canonicalText, type Article, type ArticleBlock } from '../article/model'
import type { AnnotationSet, Claim, Stance } from '../claims/model'
import { buildReportModel } from './report-model'
import { renderReportHtml } from './render-html'
import { renderReportMarkdown } from './render-markdown'
import { REPORT_STRINGS_EN, type ReportStrings } from './strings'
import { aClaim, BARE_CLAIM } from '../claims/test-builders'

const blocks: ArticleBlock[] = [
  { type: 'paragraph', level: 0, text: 'Opening line.', marks: [] },
  { type: 'heading', level: 2, text: 'Middle | part', marks: [] },
  { type: 'paragraph', level: 0, text: 'It will surely happen.', marks: [] },
]
const text = canonicalText(blocks)
const at = blockOffsets(blocks)
const article: Article = {
  id: 'd',
  title: '',
  publishedOn: null,
  language: 'und',
  blocks,
  format: 'text',
  text,
  sha256: 'ab'.repeat(32),
  sourceName: 'x <y>.txt',
  sourceBytes: text.length,
  importedAt: '2025-01-01T00:00:00Z',
}
const set: AnnotationSet = { id: 's', documentId: 'd', analyst: 'R & D', label: '<b>v1</b>', created: '', origin: 'local' }
const options = { generatedAt: '2025-09-01T12:00:00Z' }

function claim(id: string, stance: Stance, start: number, end: number, extra: Partial<Claim> = {}): Claim {
  return aClaim({ ...BARE_CLAIM, text, id, stance, start, end, ...extra })
}

const claims = [claim('b', 'speculative', at[2]!, at[2]! + 21), claim('a', 'evidenced', 0, 7)]

describe('report header and generated time', () => {
  it('prints exactly one generated line, with the given time', () => {
    const md = renderReportMarkdown({ article, set, claims }, options)
    expect(md.match(/Generated/g)).toHaveLength(1)
    expect(md).toContain('- **Generated:** September 1, 2025 at 12:00 PM UTC (2025-09-01T12:00:00Z)')
    const html = renderReportHtml({ article, set, claims }, options)
    expect(html.match(/Generated/g)).toHaveLength(1)
    expect(html).toContain('<dt>Generated</dt><dd><time datetime="2025-09-01T12:00:00Z">September 1, 2025 at 12:00 PM UTC</time></dd>')
  })

  it('shows the generated time in the given time zone, and refuses an unknown zone with RangeError', () => {
    const md = renderReportMarkdown({ article, set, claims }, { ...options, timeZone: 'America/New_York' })
    expect(md).toContain('- **Generated:** September 1, 2025 at 08:00 AM EDT (2025-09-01T12:00:00Z)')
    expect(() => renderReportMarkdown({ article, set, claims }, { ...options, timeZone: 'Mars/Olympus' })).toThrow(RangeError)
  })

  it('refuses a missing or malformed generatedAt with RangeError', () => {
    for (const bad of [undefined, '', 'yesterday', '2025-13']) {
      expect(() => renderReportMarkdown({ article, set, claims }, { generatedAt: bad as string })).toThrow(RangeError)
      expect(() => renderReportHtml({ article, set, claims }, { generatedAt: bad as string })).toThrow(RangeError)
    }
  })

  it('names an untitled, undated article as such and escapes header values', () => {
    const md = renderReportMarkdown({ article, set, claims }, options)
    expect(md).toContain('# Critique report: Untitled article')
    expect(md).toContain('- **Published:** not dated')
    expect(md).toContain('- **Source file:** x &lt;y&gt;.txt')
    expect(md).toContain('- **Set:** &lt;b&gt;v1&lt;/b&gt;')
    const html = renderReportHtml({ article, set, claims }, options)
    expect(html).toContain('<dd>R &amp; D</dd>')
    expect(html).toContain('<dd>&lt;b&gt;v1&lt;/b&gt;</dd>')
    expect(html).not.toContain('lang="und"')
  })
})

describe('report body', () => {
  it('lists claims by section in document order with paragraph numbers and a front section', () => {
    const md = renderReportMarkdown({ article, set, claims }, options)
    const order = ['### Introduction', '#### Claim 1 · Evidenced · ¶ 1', '### Middle \\| part', '#### Claim 2 · Speculative · ¶ 2']
    const positions = order.map((line) => md.indexOf(line))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((x, y) => x - y)).toEqual(positions)
    expect(md).toContain('| Middle \\| part | 0 | 1 |')
    expect(md).not.toContain('Appendix')
  })

  it('leaves out sections without claims and names them in one line instead', () => {
    const onlyFront = [claim('a', 'evidenced', 0, 7)]
    const md = renderReportMarkdown({ article, set, claims: onlyFront }, options)
    expect(md).not.toContain('### Middle')
    expect(md).toContain('### Introduction')
    expect(md).toContain('Sections without claims: Middle \\| part.')
    const html = renderReportHtml({ article, set, claims: onlyFront }, options)
    expect(html).not.toContain('<h3>Middle | part</h3>')
    expect(html).toContain('<p class="none sections-without-claims">Sections without claims: Middle | part.</p>')
    // With a claim in every section, no such line.
    expect(renderReportMarkdown({ article, set, claims }, options)).not.toContain('Sections without claims')
  })

  it('omits the certainty line without a predicate and counts with one', () => {
    expect(renderReportMarkdown({ article, set, claims }, options)).not.toContain('Certainty without evidence')
    const md = renderReportMarkdown({ article, set, claims }, { ...options, isCertaintyWithoutEvidence: (c) => /surely/.test(c.target.quote.exact) })
    expect(md).toContain('- Certainty without evidence: 1')
  })

  it('puts orphans in an appendix after all placed claims, numbered after them', () => {
    const withOrphan = [...claims, claim('o', 'speculative', 0, 3, { orphan: true })]
    const model = buildReportModel({ article, set, claims: withOrphan })
    expect(model.orphans.map((e) => [e.number, e.claim.id, e.paragraph, e.sectionLabel])).toEqual([[3, 'o', null, null]])
    expect(model.chart[0]!.counts).toEqual({ evidenced: 1, speculative: 2 })
    const html = renderReportHtml({ article, set, claims: withOrphan }, options)
    expect(html.indexOf('Appendix: orphaned claims')).toBeGreaterThan(html.indexOf('id="claim-2"'))
    expect(html).toContain('id="claim-3"')
  })

  it('links only http, https and mailto URLs; others are shown as text', () => {
    const linked = claim('l', 'evidenced', 0, 7, {
      evidence: [
        { id: '1', citation: 'Web', url: 'https://example.org/?q="x"' },
        { id: '2', citation: 'Mail', url: 'mailto:desk@example.org' },
        { id: '3', citation: 'Bad', url: 'javascript:alert(1)' },
        { id: '4', citation: 'File', url: 'file:///etc/passwd' },
      ],
    })
    const html = renderReportHtml({ article, set, claims: [linked] }, options)
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['https://example.org/?q=&quot;x&quot;', 'mailto:desk@example.org'])
    expect(html).toContain('file:///etc/passwd (not linked)')
    const rendered = new MarkdownIt().render(renderReportMarkdown({ article, set, claims: [linked] }, options))
    expect([...rendered.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['https://example.org/?q=%22x%22', 'mailto:desk@example.org'])
  })
})

describe('empty set', () => {
  it('says so in Markdown and HTML instead of failing', () => {
    const md = renderReportMarkdown({ article, set, claims: [] }, options)
    expect(md).toContain('This set has no claims yet.')
    expect(md).not.toContain('## Claims')
    const html = renderReportHtml({ article, set, claims: [] }, options)
    expect(html).toContain('<p class="empty">This set has no claims yet.</p>')
    expect(html).not.toContain('<svg')
  })
})

describe('strings option', () => {
  it('prints every label from the given table, escaped like user text', () => {
    const strings: ReportStrings = {
      ...REPORT_STRINGS_EN,
      lang: 'ja',
      reportTitle: (title) => `批評レポート：${title}`,
      stance: { evidenced: '根拠あり', speculative: '推測 <i>' },
      paragraph: (n) => `第${n}段落`,
    }
    const md = renderReportMarkdown({ article, set, claims }, { ...options, strings })
    expect(md).toContain('# 批評レポート：Untitled article')
    expect(md).toContain('#### Claim 2 · 推測 &lt;i&gt; · 第2段落')
    const html = renderReportHtml({ article, set, claims }, { ...options, strings })
    expect(html).toContain('<html lang="ja">')
    expect(html).toContain('<span class="badge badge-speculative">推測 &lt;i&gt;</span>')
  })
})
