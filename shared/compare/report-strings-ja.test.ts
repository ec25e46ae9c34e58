import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import MarkdownIt from 'markdown-it'
import { translate } from '../i18n/catalog'
import { compareSets } from './compare-sets'
import { buildConsensus } from './consensus'
import { FIGURE_LABELS, type FigureName } from './definitions'
import type { SetWithClaims } from './model'
import { renderComparisonHtml } from './report-html'
import { renderComparisonMarkdown } from './report-md'
import { COMPARISON_REPORT_STRINGS_EN } from './report-strings'
import { COMPARISON_REPORT_STRINGS_JA, comparisonReportStringsFor } from './report-strings-ja'

/** Every leaf of a strings table as [dotted key, printed sample]; functions are called with sample arguments. */
function leaves(table: object, prefix = ''): [string, string][] {
  return Object.entries(table).flatMap(([key, value]): [string, string][] => {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') return [[path, value]]
    if (typeof value === 'function') {
      // Title builders take a title and labels; everything else numbers or formatted values.
      const sample = key === 'versusTitle' ? (value as (t: string, l: string[]) => string)('X', ['P', 'Q', 'R']) : (value as (...a: unknown[]) => unknown)(3, 4, 5, 6)
      return [[path, String(sample)]]
    }
    return leaves(value as object, path)
  })
}

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/compare/${name}`, import.meta.url))
const input = JSON.parse(readFileSync(fixture('alaska-two-analysts.sets.json'), 'utf8')) as { article: string; sets: SetWithClaims[] }
const text = readFileSync(fileURLToPath(new URL(`../../${input.article}`, import.meta.url)), 'utf8')
const comparison = compareSets(text, input.sets)
const consensus = buildConsensus(comparison, [{ itemId: 'A:sato-04|B:', keep: 'neither', reason: '背景説明にすぎない。' }], {
  setId: 'consensus',
  label: '合意',
  analyst: '編集者',
  created: '2025-08-21T12:00:00.000Z',
})

describe('COMPARISON_REPORT_STRINGS_JA', () => {
  it('has exactly the keys of the English table, each printing Japanese', () => {
    const ja = leaves(COMPARISON_REPORT_STRINGS_JA)
    const en = leaves(COMPARISON_REPORT_STRINGS_EN)
    expect(ja.map(([key]) => key).sort()).toEqual(en.map(([key]) => key).sort())
    // Codes, symbols and the role letters are the same in both languages; every word is Japanese.
    const neutral = new Set(['lang', 'role', 'confusionCorner', 'quoteOpen', 'quoteClose', 'kind.onlyA', 'kind.onlyB'])
    const notJapanese = ja.filter(([key, value]) => !neutral.has(key) && !/[\u3040-\u30ff\u4e00-\u9fff]/.test(value))
    expect(notJapanese).toEqual([])
    const sameAsEnglish = ja.filter(([key, value]) => key !== 'role' && en.some(([k, v]) => k === key && v === value))
    expect(sameAsEnglish).toEqual([])
  })

  it('takes figure labels and definitions from the UI catalog, one per figure', () => {
    for (const name of Object.keys(FIGURE_LABELS) as FigureName[]) {
      expect(COMPARISON_REPORT_STRINGS_JA.figureLabels[name]).toBe(translate('ja', `compare.figure.${name}.label`))
      expect(COMPARISON_REPORT_STRINGS_JA.figureDefinitions[name]).toBe(translate('ja', `compare.figure.${name}.definition`))
    }
  })
})

describe('a Japanese comparison report', () => {
  const markdown = renderComparisonMarkdown(comparison, { consensus, strings: COMPARISON_REPORT_STRINGS_JA })

  it('uses Japanese headings, figure labels and outcome words in Markdown', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'))
    expect(headings).toEqual(['# 注釈セットの比較', '## 比較したセット', '## 指標', '## 混同行列', '## 食い違い（5 件）', '## 裁定（4 件）'])
    expect(markdown).toContain('対応づけに必要な最小の重なり（Jaccard）：0.5')
    expect(markdown).toContain('| 役割 | セット | 分析者 | 主張 | 位置不明 |')
    expect(markdown).toContain('| 対応づけられた組 | 4 | ')
    expect(markdown).toContain("| Cohen の κ（判定） | 0.000 | ")
    expect(markdown).toContain('| 範囲 F1（完全一致） | 0.333（適合率 0.333、再現率 0.333、一致 2 件） | ')
    expect(markdown).toContain('| Krippendorff の α（名義） | 0.000（4 単位、2 セット） | ')
    expect(markdown).toContain('| **推測** | 1 | 3 | 0 |')
    expect(markdown).toContain(`定義：${COMPARISON_REPORT_STRINGS_JA.figureDefinitions.confusion}`)
    expect(markdown).toContain('1. **判定の食い違い** (218–240 文字目)')
    expect(markdown).toContain('   - **A** (Sato): *推測* — 「彼の自信と戦略的意図を象徴する場面と言えよう」')
    expect(markdown).toContain('メモ：The press conference remark is on record.')
    expect(markdown).toContain('食い違い 4 件は未裁定のため、合意セットに含めていません。')
    expect(markdown).toContain('| 項目 | 引用 | 裁定 | 理由 |')
    expect(markdown).toContain('| 一致 | ')
    expect(markdown).toContain('| A を残す（自動：一致） | ')
    expect(markdown).toContain('| どちらも残さない | 背景説明にすぎない。 |')
    // None of the English report's own words is left.
    expect(markdown).not.toMatch(/\b(Sets|Figures|Confusion|Disagreements|Adjudication|Definition|Note|characters|precision|kept|Only in)\b/)
  })

  it('is valid Markdown whose tables keep their width', () => {
    const tokens = new MarkdownIt().parse(markdown, {})
    expect(tokens.filter((t) => t.type === 'table_open')).toHaveLength(4)
  })

  it('marks the HTML as Japanese unless a language is given, and keeps stance classes in English', () => {
    const html = renderComparisonHtml(comparison, { consensus, strings: COMPARISON_REPORT_STRINGS_JA })
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="ja">')).toBe(true)
    expect(html).toContain('<h2>指標</h2>')
    expect(html).toContain('<span class="stance-speculative">推測</span>')
    expect(html).toContain('<p class="note">メモ：')
    expect(renderComparisonHtml(comparison, { strings: COMPARISON_REPORT_STRINGS_JA, lang: 'ja-JP' })).toContain('<html lang="ja-JP">')
    expect(renderComparisonHtml(comparison, { strings: COMPARISON_REPORT_STRINGS_EN })).toContain('<html lang="en">')
    expect(renderComparisonHtml(comparison)).toContain('<html lang="und">')
  })
})

describe('comparisonReportStringsFor', () => {
  it('gives Japanese for any ja tag and English for everything else', () => {
    expect(comparisonReportStringsFor('ja')).toBe(COMPARISON_REPORT_STRINGS_JA)
    expect(comparisonReportStringsFor('ja-JP')).toBe(COMPARISON_REPORT_STRINGS_JA)
    expect(comparisonReportStringsFor('en')).toBe(COMPARISON_REPORT_STRINGS_EN)
    expect(comparisonReportStringsFor('')).toBe(COMPARISON_REPORT_STRINGS_EN)
  })

  it('writes the app title in the chosen language', () => {
    expect(COMPARISON_REPORT_STRINGS_EN.versusTitle('T', ['A', 'B', 'C'])).toBe('T: A vs B (and C)')
    expect(COMPARISON_REPORT_STRINGS_JA.versusTitle('米露首脳会談', ['佐藤', '田中', '鈴木', '高橋'])).toBe('米露首脳会談：佐藤 対 田中（ほかに 鈴木、高橋）')
    expect(COMPARISON_REPORT_STRINGS_JA.versusTitle(' ', ['佐藤', '田中'])).toBe('佐藤 対 田中')
  })
})
