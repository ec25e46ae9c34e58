import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { ArticleBlock } from './model'
import { cleanMarks, tidyBlock, tidyBlocks } from './block-tidy'

const p = (text: string, marks: ArticleBlock['marks'] = []): ArticleBlock => ({ type: 'paragraph', level: 0, text, marks })

describe('tidyBlock', () => {
  it('trims and turns line breaks outside code into single spaces, keeping marks on their words', () => {
    const block = p('  one\n  two \n\nthree  ', [
      { type: 'em', start: 2, end: 5 }, // "one"
      { type: 'strong', start: 8, end: 11 }, // "two"
      { type: 'code', start: 14, end: 19 }, // "three"
    ])
    const tidy = tidyBlock(block)!
    expect(tidy.text).toBe('one two three')
    expect(tidy.marks.map((m) => tidy.text.slice(m.start, m.end))).toEqual(['one', 'two', 'three'])
  })

  it('keeps newlines and indentation inside code blocks, dropping only blank edges', () => {
    const tidy = tidyBlock({ type: 'code', level: 0, text: '\n  \n  indented\n\n  more\n  \n', marks: [] })!
    expect(tidy.text).toBe('  indented\n\n  more')
  })

  it('drops blocks that are only whitespace', () => {
    expect(tidyBlock(p(' \n\u3000 '))).toBeNull()
    expect(tidyBlock({ type: 'code', level: 0, text: '\n\n  ', marks: [] })).toBeNull()
    expect(tidyBlocks([p(''), p('x'), p('  ')])).toEqual([p('x')])
  })

  it('normalises to NFC per mark segment', () => {
    const tidy = tidyBlock(p('cafe\u0301 か\u3099', [{ type: 'em', start: 6, end: 8 }]))!
    expect(tidy.text).toBe('café が')
    expect(tidy.marks).toEqual([{ type: 'em', start: 5, end: 6 }])
  })

  it('clamps heading levels and sets level 0 and ordered as the model says', () => {
    expect(tidyBlock({ type: 'heading', level: 9, text: 'x', marks: [] })!.level).toBe(6)
    expect(tidyBlock({ type: 'paragraph', level: 3, text: 'x', marks: [] })!.level).toBe(0)
    expect(tidyBlock({ type: 'list_item', level: 0, text: 'x', marks: [] })!.ordered).toBe(false)
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', 'e\u0301', '\t', 'あ'), maxLength: 20 }), fc.nat(20), fc.nat(20), (text, s, e) => {
        const once = tidyBlocks([p(text, [{ type: 'em', start: Math.min(s, e), end: Math.max(s, e) }])])
        expect(tidyBlocks(once)).toEqual(once)
        for (const b of once) {
          expect(b.text).toBe(b.text.trim())
          expect(b.text.includes('\n')).toBe(false)
        }
      }),
    )
  })
})

describe('cleanMarks', () => {
  it('clips, drops empty and unsafe links, merges touching marks of one kind', () => {
    expect(
      cleanMarks(
        [
          { type: 'em', start: 0, end: 3 },
          { type: 'em', start: 3, end: 5 },
          { type: 'strong', start: 4, end: 99 },
          { type: 'code', start: 2, end: 2 },
          { type: 'link', start: 0, end: 2, href: 'javascript:alert(1)' },
          { type: 'link', start: 0, end: 2, href: 'https://ok.example/' },
          { type: 'link', start: 2, end: 4, href: 'https://other.example/' },
        ],
        6,
      ),
    ).toEqual([
      { type: 'em', start: 0, end: 5 },
      { type: 'link', start: 0, end: 2, href: 'https://ok.example/' },
      { type: 'link', start: 2, end: 4, href: 'https://other.example/' },
      { type: 'strong', start: 4, end: 6 },
    ])
  })
})
