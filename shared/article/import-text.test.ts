import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { normalizeImportedText } from '../text/normalize'
import { baseName, HEADING_MAX_LENGTH, importPlainText, looksLikeHeading } from './import-text'
import { canonicalText } from './model'

const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url))
const seed = readFileSync(fixture('articles/alaska-summit-2025-08-18.txt'), 'utf8')
const golden = JSON.parse(readFileSync(fixture('golden/alaska-summit-2025-08-18.blocks.json'), 'utf8')) as unknown

describe('importPlainText on the seed article', () => {
  const result = importPlainText(normalizeImportedText(seed))

  it('matches the golden blocks (type, level, text)', () => {
    expect(result.blocks.map(({ type, level, text }) => ({ type, level, text }))).toEqual(golden)
  })

  it('takes the leading date token as the publication date, not as text', () => {
    expect(result.publishedOn).toBe('2025-08-18')
    expect(result.blocks[0]!.text.startsWith('2025年8月、アラスカで')).toBe(true)
    expect(canonicalText(result.blocks)).not.toContain('date 2025-08-18')
  })

  it('finds exactly the four section headings, in order', () => {
    const headings = result.blocks.filter((b) => b.type === 'heading')
    expect(headings.map((h) => [h.level, h.text])).toEqual([
      [2, '会談の背景とプーチンの戦略的アプローチ'],
      [2, 'ウクライナ問題を「蚊帳の外」に'],
      [2, '制裁緩和と欧州への牽制'],
      [2, '今後の展望と課題'],
    ])
    expect(result.blocks.length).toBe(seed.split(/\n\s*\n/).length)
  })

  it('loses and changes no non-whitespace character of the seed', () => {
    const seedChars = seed.replace(/\s+/g, '')
    const importedChars = canonicalText(result.blocks).replace(/\s+/g, '')
    expect(`date${result.publishedOn}${importedChars}`).toBe(seedChars)
  })

  it('keeps every block exactly as the source block, trimmed', () => {
    const sourceBlocks = seed
      .replace(/^\s*date 2025-08-18 /, '')
      .split(/\n\s*\n/)
      .map((s) => s.trim())
    expect(result.blocks.map((b) => b.text)).toEqual(sourceBlocks)
  })
})

describe('importPlainText rules', () => {
  it('separates blocks on blank lines, including lines of only spaces or full-width spaces', () => {
    const { blocks } = importPlainText('first para。\n   \nsecond para。\n\u3000\n\n\nthird para。')
    expect(blocks.map((b) => b.text)).toEqual(['first para。', 'second para。', 'third para。'])
  })

  it('joins the lines of a block with one space and trims them', () => {
    const { blocks } = importPlainText('  line one\n   line two.  \n')
    expect(blocks).toEqual([{ type: 'paragraph', level: 0, text: 'line one line two.', marks: [] }])
  })

  it('treats a multi-line block as a paragraph even when short', () => {
    expect(importPlainText('Short\nlines').blocks[0]!.type).toBe('paragraph')
  })

  it('ignores date tokens that are not real dates or not at the start', () => {
    expect(importPlainText('date 2025-02-30 text.').publishedOn).toBeNull()
    expect(importPlainText('date 2025-02-30 text.').blocks[0]!.text).toBe('date 2025-02-30 text.')
    expect(importPlainText('text first. date 2025-08-18').publishedOn).toBeNull()
    expect(importPlainText('date 2025-08-18x text').publishedOn).toBeNull()
    expect(importPlainText('date 2024-02-29\n\nBody.')).toEqual({
      publishedOn: '2024-02-29',
      blocks: [{ type: 'paragraph', level: 0, text: 'Body.', marks: [] }],
    })
  })

  it('returns no blocks for whitespace', () => {
    expect(importPlainText(' \n\n\t').blocks).toEqual([])
  })
})

describe('looksLikeHeading', () => {
  it.each([
    ['会談の背景とプーチンの戦略的アプローチ', true],
    ['ウクライナ問題を「蚊帳の外」に', true],
    ['The road ahead', true],
    ['米露首脳会談の開催は注目を集めた。', false],
    ['Is this a question?', false],
    ['「引用で終わる」', false],
    ['読点で終わる、', false],
    ['Yes.', false],
    ['', false],
    ['a'.repeat(HEADING_MAX_LENGTH), true],
    ['a'.repeat(HEADING_MAX_LENGTH + 1), false],
    ['😀'.repeat(HEADING_MAX_LENGTH), true],
  ])('%s -> %s', (line, expected) => {
    expect(looksLikeHeading(line)).toBe(expected)
  })
})

describe('baseName', () => {
  it('drops the last extension and any directory', () => {
    expect(baseName('alaska-summit-2025-08-18.txt')).toBe('alaska-summit-2025-08-18')
    expect(baseName('a.b.md')).toBe('a.b')
    expect(baseName('dir/sub\\notes.txt')).toBe('notes')
    expect(baseName('README')).toBe('README')
    expect(baseName('.hidden')).toBe('.hidden')
  })
})
