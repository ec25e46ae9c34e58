import { describe, expect, it } from 'vitest'
import { blockOffsets, canonicalText, type Article, type ArticleBlock } from '../article/model'
import type { AnnotationSet, Claim, Stance } from '../claims/model'
import { buildReportFile } from './report-file'
import { renderReportHtml } from './render-html'
import { renderReportMarkdown } from './render-markdown'
import { REPORT_STRINGS_EN } from './strings'
import { REPORT_STRINGS_JA, reportStringsFor } from './strings-ja'
import { aClaim, BARE_CLAIM } from '../claims/test-builders'

/** Every leaf of a strings table as [dotted key, printed sample]; functions are called with sample arguments. */
function leaves(table: object, prefix = ''): [string, string][] {
  return Object.entries(table).flatMap(([key, value]): [string, string][] => {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') return [[path, value]]
    // A list-taking entry gets a list; the others a string and numbers.
    if (typeof value === 'function') return [[path, String(key === 'sectionsWithoutClaims' ? (value as (l: string[]) => string)(['X']) : (value as (...args: unknown[]) => unknown)('X', 1, 2))]]
    return leaves(value as object, path)
  })
}

const blocks: ArticleBlock[] = [
  { type: 'paragraph', level: 0, text: '冒頭の一文。', marks: [] },
  { type: 'heading', level: 2, text: '会談の評価', marks: [] },
  { type: 'paragraph', level: 0, text: '亀裂が拡大することは間違いない。', marks: [] },
]
const text = canonicalText(blocks)
const at = blockOffsets(blocks)
const article: Article = {
  id: 'd',
  title: '米露首脳会談',
  publishedOn: null,
  language: 'ja',
  blocks,
  format: 'text',
  text,
  sha256: 'ab'.repeat(32),
  sourceName: 'summit.txt',
  sourceBytes: text.length,
  importedAt: '2025-01-01T00:00:00Z',
}
const set: AnnotationSet = { id: 's', documentId: 'd', analyst: '田中', label: '田中 の読解', created: '', origin: 'local' }

function claim(id: string, stance: Stance, start: number, end: number, extra: Partial<Claim> = {}): Claim {
  return aClaim({ ...BARE_CLAIM, text, id, stance, start, end, ...extra })
}

const claims = [
  claim('a', 'evidenced', 0, 5, { evidence: [{ id: 'e', citation: '共同通信', url: '' }] }),
  claim('b', 'speculative', at[2]!, at[2]! + 15, { counterpoints: [{ id: 'c', text: '亀裂は以前からあった。', strength: 'strong', source: null }] }),
  claim('o', 'speculative', 0, 3, { orphan: true, note: '見失った引用' }),
]
const generatedAt = '2025-09-01T12:00:00Z'

describe('REPORT_STRINGS_JA', () => {
  it('has exactly the keys of the English table, each printing Japanese', () => {
    const ja = leaves(REPORT_STRINGS_JA)
    expect(ja.map(([key]) => key).sort()).toEqual(leaves(REPORT_STRINGS_EN).map(([key]) => key).sort())
    // Codes and symbols are the same in both languages; every word is Japanese.
    const neutral = new Set(['lang', 'percent', 'csv.number'])
    const notJapanese = ja.filter(([key, value]) => !neutral.has(key) && !/[\u3040-\u30ff\u4e00-\u9fff]/.test(value))
    expect(notJapanese).toEqual([])
    const sameAsEnglish = ja.filter(([key, value]) => !neutral.has(key) && leaves(REPORT_STRINGS_EN).some(([k, v]) => k === key && v === value))
    expect(sameAsEnglish).toEqual([])
  })

  it('makes a Markdown report with Japanese headings and labels throughout', () => {
    const md = renderReportMarkdown({ article, set, claims }, { generatedAt, strings: REPORT_STRINGS_JA })
    const headings = md.split('\n').filter((line) => line.startsWith('#'))
    expect(headings).toEqual([
      '# 批評レポート：米露首脳会談',
      '## 概要',
      '## 節ごとの判定',
      '## 主張',
      '### 冒頭',
      '#### 主張 1 · 根拠あり · 第 1 段落',
      '### 会談の評価',
      '#### 主張 2 · 推測 · 第 2 段落',
      '## 付録：位置を特定できなかった主張',
      '### 主張 3 · 推測',
    ])
    expect(md).toContain('- **分析者:** 田中')
    expect(md).toContain('- **掲載日:** 日付なし')
    expect(md).toContain('**反論:**')
    expect(md).toContain('(強い) 亀裂は以前からあった。')
    expect(md).toContain('- 推測の割合: 67%')
    expect(md).not.toMatch(/\b(Summary|Claims|Evidence|Counterpoints|Analyst|Appendix)\b/)
  })

  it('dates the report in Japanese in the given time zone, keeping the ISO time beside it', () => {
    const md = renderReportMarkdown({ article: { ...article, publishedOn: '2025-08-18' }, set, claims }, { generatedAt, strings: REPORT_STRINGS_JA, timeZone: 'Asia/Tokyo' })
    expect(md).toContain('- **作成日時:** 2025年9月1日 21:00 JST (2025-09-01T12:00:00Z)')
    expect(md).toContain('- **掲載日:** 2025年8月18日')
    const html = renderReportHtml({ article, set, claims }, { generatedAt, strings: REPORT_STRINGS_JA, timeZone: 'Asia/Tokyo' })
    expect(html).toContain('<dt>作成日時</dt><dd><time datetime="2025-09-01T12:00:00Z">2025年9月1日 21:00 JST</time></dd>')
  })

  it('never sets Japanese in italics: the report stylesheet turns italics off for CJK languages', () => {
    const html = renderReportHtml({ article, set, claims: [] }, { generatedAt, strings: REPORT_STRINGS_JA })
    expect(html).toContain('<p class="empty">このセットにはまだ主張がありません。</p>')
    expect(html).toContain(':lang(ja), :lang(zh), :lang(ko) { font-style: normal !important; }')
  })

  it('names the HTML language and translates the CSV header', () => {
    const html = renderReportHtml({ article, set, claims }, { generatedAt, strings: REPORT_STRINGS_JA })
    expect(html).toContain('<html lang="ja">')
    expect(html).toContain('<h1>批評レポート：米露首脳会談</h1>')
    const csv = buildReportFile({ article, set, claims }, 'csv', { generatedAt, strings: REPORT_STRINGS_JA }).data
    expect(csv.split('\r\n')[0]).toBe('#,主張 ID,節,段落,判定,引用,メモ,根拠,反論,位置不明,開始位置,終了位置,作成者,更新日時')
  })
})

describe('reportStringsFor', () => {
  it('gives Japanese for any ja tag and English for everything else', () => {
    expect(reportStringsFor('ja')).toBe(REPORT_STRINGS_JA)
    expect(reportStringsFor('ja-JP')).toBe(REPORT_STRINGS_JA)
    expect(reportStringsFor('en')).toBe(REPORT_STRINGS_EN)
    expect(reportStringsFor('fr')).toBe(REPORT_STRINGS_EN)
    expect(reportStringsFor('')).toBe(REPORT_STRINGS_EN)
  })
})
