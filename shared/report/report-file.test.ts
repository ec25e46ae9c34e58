import { describe, expect, it } from 'vitest'
import { canonicalText, type Article, type ArticleBlock } from '../article/model'
import type { AnnotationSet, Claim } from '../claims/model'
import { certaintyWithoutEvidencePredicate } from './certainty'
import { renderReportCsv } from './render-csv'
import { renderReportHtml } from './render-html'
import { renderReportMarkdown } from './render-markdown'
import { REPORT_FORMATS, buildReportFile, reportFileName, type ReportFormat } from './report-file'

const blocks: ArticleBlock[] = [{ type: 'paragraph', level: 0, text: 'Prices will surely fall. Rain is wet.', marks: [] }]
const text = canonicalText(blocks)
const article: Article = {
  id: 'd',
  title: '米露首脳会談',
  publishedOn: '2025-08-18',
  language: 'ja',
  blocks,
  format: 'text',
  text,
  sha256: 'cd'.repeat(32),
  sourceName: 'a.txt',
  sourceBytes: text.length,
  importedAt: '2025-01-01T00:00:00Z',
}
const set: AnnotationSet = { id: 's', documentId: 'd', analyst: 'Aiko', label: 'First reading', created: '2025-01-02T00:00:00Z', origin: 'local' }
const claim: Claim = {
  id: 'c1',
  setId: 's',
  documentId: 'd',
  stance: 'speculative',
  target: {
    position: { type: 'TextPositionSelector', start: 0, end: 24 },
    quote: { type: 'TextQuoteSelector', exact: 'Prices will surely fall.', prefix: '', suffix: '' },
  },
  note: '=HYPERLINK("x")',
  evidence: [],
  counterpoints: [],
  tags: [],
  created: '2025-01-02T00:00:00Z',
  modified: '2025-01-02T00:00:00Z',
  author: 'Aiko',
}
const input = { article, set, claims: [claim] }
const generatedAt = '2025-09-01T10:11:12.345Z'

describe('reportFileName', () => {
  it('names the article and the set', () => {
    expect(reportFileName('米露首脳会談', 'First reading', 'md')).toBe('米露首脳会談 – First reading.md')
  })

  it('replaces characters file systems refuse and trims what they drop', () => {
    expect(reportFileName('a/b\\c: "d" <e>|f?*', ' set\nlabel. ', 'csv')).toBe('a b c d e f – set label.csv')
    expect(reportFileName('..hidden', 'x\u202Egpj.exe', 'html')).toBe('hidden – x gpj.exe.html')
  })

  it('falls back to a generic name and defuses Windows device names', () => {
    expect(reportFileName('', '  ', 'pdf')).toBe('Critique report.pdf')
    expect(reportFileName('CON', '', 'md')).toBe('_CON.md')
  })

  it('cuts long names on a code-point boundary', () => {
    const name = reportFileName('😀'.repeat(200), 'set', 'md')
    expect(Array.from(name.slice(0, -3))).toHaveLength(120)
    expect(name.endsWith('😀.md')).toBe(true)
  })
})

describe('buildReportFile', () => {
  const predicate = { isCertaintyWithoutEvidence: certaintyWithoutEvidencePredicate(article) }

  it('renders Markdown and HTML with the certainty predicate, and HTML for PDF', () => {
    const md = buildReportFile(input, 'md', { generatedAt })
    expect(md).toEqual({
      format: 'md',
      suggestedName: '米露首脳会談 – First reading.md',
      mimeType: 'text/markdown;charset=utf-8',
      data: renderReportMarkdown(input, { generatedAt, ...predicate }),
    })
    expect(md.data).toContain('- Certainty without evidence: 1')
    const html = buildReportFile(input, 'html', { generatedAt })
    expect(html.mimeType).toBe('text/html;charset=utf-8')
    expect(html.data).toBe(renderReportHtml(input, { generatedAt, ...predicate }))
    const pdf = buildReportFile(input, 'pdf', { generatedAt })
    expect(pdf.suggestedName).toBe('米露首脳会談 – First reading.pdf')
    expect(pdf.mimeType).toBe('application/pdf')
    expect(pdf.data).toBe(html.data)
  })

  it('renders CSV with or without a byte-order mark', () => {
    const csv = buildReportFile(input, 'csv', { generatedAt })
    expect(csv.mimeType).toBe('text/csv;charset=utf-8')
    expect(csv.data).toBe(renderReportCsv(input))
    expect(csv.data).toContain(`"'=HYPERLINK(""x"")"`)
    expect(buildReportFile(input, 'csv', { generatedAt, bom: true }).data).toBe(`\uFEFF${csv.data}`)
  })

  it('still makes a report of an empty set, saying so', () => {
    for (const format of REPORT_FORMATS) {
      const file = buildReportFile({ article, set, claims: [] }, format, { generatedAt })
      if (format === 'csv') expect(file.data.split('\r\n')).toHaveLength(2)
      else expect(file.data).toContain('This set has no claims yet.')
    }
  })

  it('is deterministic and refuses unknown formats and bad times', () => {
    expect(buildReportFile(input, 'html', { generatedAt }).data).toBe(buildReportFile(input, 'html', { generatedAt }).data)
    expect(() => buildReportFile(input, 'docx' as ReportFormat, { generatedAt })).toThrow(RangeError)
    expect(() => buildReportFile(input, 'md', { generatedAt: 'now' })).toThrow(RangeError)
  })
})
