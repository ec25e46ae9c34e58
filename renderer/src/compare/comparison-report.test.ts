import { describe, it, expect } from 'vitest'
import { buildConsensus, COMPARISON_REPORT_STRINGS_EN, COMPARISON_REPORT_STRINGS_JA, compareSets } from '../../../shared/compare'
import { comparisonReportFiles, reportFileStem, reportTitle } from './comparison-report'
import { aSetWithClaims } from '../../../shared/claims/test-builders'

const TEXT = 'abcdefghij'.repeat(10)

function comparison() {
  const a = aSetWithClaims({ text: TEXT, id: 'A', spans: [[20, 30, 'speculative']], label: 'Sato' })
  const b = aSetWithClaims({ text: TEXT, id: 'B', spans: [[20, 30, 'evidenced']], label: 'Tanaka' })
  return compareSets(TEXT, [a, b])
}

describe('reportTitle', () => {
  it('names the article and the sets compared', () => {
    expect(reportTitle('Alaska summit', comparison())).toBe('Alaska summit: Sato vs Tanaka')
    expect(reportTitle('  ', comparison())).toBe('Sato vs Tanaka')
    const three = compareSets(TEXT, [aSetWithClaims({ text: TEXT, id: 'A', spans: [] }), aSetWithClaims({ text: TEXT, id: 'B', spans: [] }), aSetWithClaims({ text: TEXT, id: 'C', spans: [] })])
    expect(reportTitle('T', three)).toBe('T: A vs B (and C)')
  })

  it('speaks the language of the strings given', () => {
    expect(reportTitle('アラスカ会談', comparison(), COMPARISON_REPORT_STRINGS_JA)).toBe('アラスカ会談：Sato 対 Tanaka')
  })
})

describe('reportFileStem', () => {
  it('keeps letters of any script and replaces what file systems refuse', () => {
    expect(reportFileStem('米露首脳会談: プーチンの狙い')).toBe('comparison-米露首脳会談-プーチンの狙い')
    expect(reportFileStem('a/b\\c*d?"e<f>|g. h\u0000')).toBe('comparison-a-b-c-d-e-f-g-h')
    expect(reportFileStem('   ')).toBe('comparison')
    expect(Array.from(reportFileStem('長'.repeat(200))).length).toBe('comparison-'.length + 60)
  })
})

describe('comparisonReportFiles', () => {
  it('writes Markdown and HTML with the decisions and reasons, and hands the same HTML to print', () => {
    const c = comparison()
    const consensus = buildConsensus(c, [{ itemId: c.items[0]!.id, keep: 'B', reason: 'On the record.' }], {
      setId: 'C',
      label: 'C',
      analyst: 'J',
      created: '2025-01-01T00:00:00Z',
    })
    const files = comparisonReportFiles(c, { articleTitle: 'Alaska summit', strings: COMPARISON_REPORT_STRINGS_EN, consensus })
    expect(files.markdown.suggestedName).toBe('comparison-Alaska-summit.md')
    expect(files.markdown.mimeType).toBe('text/markdown')
    expect(files.markdown.data).toContain('# Alaska summit: Sato vs Tanaka')
    expect(files.markdown.data).toContain('On the record.')
    expect(files.html.suggestedName).toBe('comparison-Alaska-summit.html')
    expect(files.html.data).toContain('<html lang="en">')
    expect(files.html.data).toContain('On the record.')
    expect(files.pdf).toEqual({ html: files.html.data, suggestedName: 'comparison-Alaska-summit.pdf' })
  })

  it('leaves the adjudication section out when nothing was decided', () => {
    const files = comparisonReportFiles(comparison(), { articleTitle: 'T', strings: COMPARISON_REPORT_STRINGS_EN, consensus: null })
    expect(files.markdown.data).not.toContain('## Adjudication')
    expect(files.markdown.data).toContain('## Disagreements (1)')
  })

  it('writes the report in Japanese, with a Japanese lang, when given the Japanese strings', () => {
    const files = comparisonReportFiles(comparison(), { articleTitle: '米露首脳会談', strings: COMPARISON_REPORT_STRINGS_JA, consensus: null })
    expect(String(files.markdown.data).split('\n')[0]).toBe('# 米露首脳会談：Sato 対 Tanaka')
    expect(files.markdown.data).toContain('## 食い違い（1 件）')
    expect(files.markdown.data).toContain('1. **判定の食い違い**')
    expect(files.html.data).toContain('<html lang="ja">')
    expect(files.html.data).toContain('<h2>混同行列</h2>')
    expect(files.markdown.suggestedName).toBe('comparison-米露首脳会談.md')
  })
})
