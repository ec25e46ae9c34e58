import { describe, expect, it } from 'vitest'
import type { Article } from '../article/model'
import type { AnnotationSet, Claim } from '../claims/model'
import { CSV_COLUMNS, csvField, neutraliseCsvFormula, renderReportCsv } from './render-csv'
import { REPORT_STRINGS_EN } from './strings'
import { aClaim, BARE_CLAIM } from '../claims/test-builders'

const article: Article = {
  id: 'd',
  title: 'T',
  publishedOn: null,
  language: 'en',
  blocks: [{ type: 'paragraph', level: 0, text: 'Alpha beta gamma.', marks: [] }],
  format: 'text',
  text: 'Alpha beta gamma.',
  sha256: '0'.repeat(64),
  sourceName: 't.txt',
  sourceBytes: 17,
  importedAt: '2025-01-01T00:00:00Z',
}
const set: AnnotationSet = { id: 's', documentId: 'd', analyst: 'A', label: 'L', created: '2025-01-01T00:00:00Z', origin: 'local' }

function claim(id: string, start: number, end: number, note: string): Claim {
  return aClaim({
    ...BARE_CLAIM,
    text: article.text,
    id,
    start,
    end,
    stance: 'evidenced',
    note,
    evidence: [{ id: 'e', citation: 'Line one\nline two', url: 'https://example.org/a' }],
    created: '2025-01-01T00:00:00Z',
    modified: '2025-01-02T00:00:00Z',
    author: 'A',
  })
}

describe('neutraliseCsvFormula', () => {
  it('prefixes a single quote to cells a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseCsvFormula(`${start}1+1`)).toBe(`'${start}1+1`)
  })

  it('leaves other cells alone, including formula characters later in the cell', () => {
    for (const value of ['', 'a=1', ' =1', "'=1", '1-2', '＝全角']) expect(neutraliseCsvFormula(value)).toBe(value)
  })
})

describe('csvField', () => {
  it('quotes fields holding a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\rhere')).toBe('"cr\rhere"')
  })

  it('neutralises before quoting', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
  })
})

describe('renderReportCsv', () => {
  it('writes a header row alone for an empty set, CRLF-terminated', () => {
    const csv = renderReportCsv({ article, set, claims: [] })
    expect(csv).toBe(`${CSV_COLUMNS.map((key) => REPORT_STRINGS_EN.csv[key]).join(',')}\r\n`)
  })

  it('writes one CRLF row per claim in document order, a BOM only when asked', () => {
    const claims = [claim('late', 11, 16, 'second'), claim('early', 0, 5, '-first')]
    const csv = renderReportCsv({ article, set, claims })
    expect(csv.startsWith('\uFEFF')).toBe(false)
    expect(renderReportCsv({ article, set, claims }, { bom: true })).toBe(`\uFEFF${csv}`)
    const rows = csv.split('\r\n')
    expect(rows).toHaveLength(4)
    expect(rows[3]).toBe('')
    expect(rows[1]).toMatch(/^1,early,Article,1,Evidenced,Alpha,'-first,Line one line two <https:\/\/example.org\/a>,,no,0,5,A,2025-01-02T00:00:00Z$/)
    expect(rows[2]).toMatch(/^2,late,/)
  })

  it('takes its header and values from the strings option', () => {
    const strings = {
      ...REPORT_STRINGS_EN,
      stance: { evidenced: '根拠あり', speculative: '推測' },
      csv: { ...REPORT_STRINGS_EN.csv, stance: '立場' },
    }
    const csv = renderReportCsv({ article, set, claims: [claim('c', 0, 5, '')] }, { strings })
    expect(csv.split('\r\n')[0]).toContain(',立場,')
    expect(csv.split('\r\n')[1]).toContain(',根拠あり,')
  })
})
