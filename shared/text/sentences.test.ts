import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { sentenceRangeAround, splitSentences } from './sentences'

const split = (text: string): string[] => splitSentences(text).map((r) => text.slice(r.start, r.end))

describe('splitSentences: Japanese', () => {
  it('ends sentences at 。！？ with no space after', () => {
    expect(split('会談が開かれた。成果はあったのか？ なかった！次へ。')).toEqual(['会談が開かれた。', '成果はあったのか？', 'なかった！', '次へ。'])
  })

  it('keeps a quotation 「…」 with its 。 inside the sentence that quotes it', () => {
    expect(split('彼は「行く。また来る。」と述べた。次の文だ。')).toEqual(['彼は「行く。また来る。」と述べた。', '次の文だ。'])
    expect(split('『戦争と平和』を読んだ。「次回はモスクワで」という言葉が残った。')).toEqual([
      '『戦争と平和』を読んだ。',
      '「次回はモスクワで」という言葉が残った。',
    ])
  })

  it('keeps closing 」 』 ） after a final 。 with their sentence', () => {
    expect(split('（これは注記である。）本文に戻る。')).toEqual(['（これは注記である。）', '本文に戻る。'])
    expect(split('見出しは「終わり。」次の文。')).toEqual(['見出しは「終わり。」', '次の文。'])
  })

  it('does not let an unmatched bracket swallow the block', () => {
    expect(split('括弧が「閉じない。次の文。')).toEqual(['括弧が「閉じない。', '次の文。'])
  })

  it('does not split decimals or full-width text without a terminal', () => {
    expect(split('成長率は3.5％だった。見出しのような行')).toEqual(['成長率は3.5％だった。', '見出しのような行'])
  })
})

describe('splitSentences: English', () => {
  it('splits at . ! ? followed by a space and a capital', () => {
    expect(split('The talks ended. Did they fail? Yes! Nobody knows.')).toEqual(['The talks ended.', 'Did they fail?', 'Yes!', 'Nobody knows.'])
  })

  it('keeps titles, initials and Latin abbreviations inside the sentence', () => {
    expect(split('Mr. Smith met Dr. Jones and J. K. Rowling. They talked, e.g. about Gen. Lee.')).toEqual([
      'Mr. Smith met Dr. Jones and J. K. Rowling.',
      'They talked, e.g. about Gen. Lee.',
    ])
  })

  it('treats U.S. and month abbreviations as final only before a typical sentence opener', () => {
    expect(split('The U.S. Treasury agreed on Aug. 5 to act. It sanctioned the U.S. The move was late.')).toEqual([
      'The U.S. Treasury agreed on Aug. 5 to act.',
      'It sanctioned the U.S.',
      'The move was late.',
    ])
  })

  it('keeps "No. 5" but splits "said no. Then"', () => {
    expect(split('See No. 5 here. I said no. Then I left.')).toEqual(['See No. 5 here.', 'I said no.', 'Then I left.'])
  })

  it('does not split decimals, and keeps closing quotes with the sentence', () => {
    expect(split('Growth was 3.5% in 2024. "We will win." She smiled.')).toEqual(['Growth was 3.5% in 2024.', '"We will win."', 'She smiled.'])
    expect(split('"Will we win?" she asked. Nobody answered.')).toEqual(['"Will we win?" she asked.', 'Nobody answered.'])
  })

  it('lets a parenthetical sentence stand alone', () => {
    expect(split('(He left early.) Then we ate. We paid (in cash.) and left.')).toEqual(['(He left early.)', 'Then we ate.', 'We paid (in cash.) and left.'])
  })

  it('does not split before a lower-case word', () => {
    expect(split('It cost approx. ten dollars. Fine.')).toEqual(['It cost approx. ten dollars.', 'Fine.'])
  })
})

describe('splitSentences: blocks and ranges', () => {
  it('never crosses a blank line, so a heading is its own sentence', () => {
    const text = 'Heading without stop\n\nFirst sentence. Second one\n\n見出し\n\n本文である。'
    expect(split(text)).toEqual(['Heading without stop', 'First sentence.', 'Second one', '見出し', '本文である。'])
  })

  it('returns trimmed ranges with offsets into the text', () => {
    const text = '  最初の文。  \n\n\u3000二つ目の文。 '
    const ranges = splitSentences(text)
    expect(ranges).toEqual([
      { start: 2, end: 7 },
      { start: 12, end: 18 },
    ])
  })

  it('returns nothing for blank text', () => {
    expect(splitSentences('')).toEqual([])
    expect(splitSentences(' \n\n \u3000')).toEqual([])
  })

  it('covers every non-space character exactly once, with trimmed, ordered ranges that never cross blocks', () => {
    const alphabet = fc.constantFrom('a', 'B', ' ', '.', '!', '?', '。', '「', '」', '（', '）', '"', '\n', '\n\n', 'Mr.', 'U.S.', '3.5', 'だ', '、')
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')), (text) => {
        const ranges = splitSentences(text)
        const covered = new Array<number>(text.length).fill(0)
        let previousEnd = 0
        for (const { start, end } of ranges) {
          expect(start).toBeGreaterThanOrEqual(previousEnd)
          expect(end).toBeGreaterThan(start)
          expect(/\s/.test(text[start]!)).toBe(false)
          expect(/\s/.test(text[end - 1]!)).toBe(false)
          expect(/\n\s*\n/.test(text.slice(start, end))).toBe(false)
          for (let i = start; i < end; i++) covered[i]!++
          previousEnd = end
        }
        for (let i = 0; i < text.length; i++) {
          expect(covered[i]).toBe(/\s/.test(text[i]!) ? covered[i] : 1)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('sentenceRangeAround', () => {
  const text = 'First one. Second one here.\n\n次の段落。最後の文。'
  const at = (s: string): number => text.indexOf(s)

  it('grows a selection inside a sentence to the whole sentence', () => {
    const start = at('cond')
    expect(sentenceRangeAround(text, start, start + 4)).toEqual({ start: at('Second'), end: at('here.') + 5 })
  })

  it('grows a selection spanning sentences and blocks to all of them', () => {
    expect(sentenceRangeAround(text, at('one.'), at('段落'))).toEqual({ start: 0, end: at('次の段落。') + 5 })
  })

  it('grows a caret to the sentence holding it, preferring the one that starts there', () => {
    expect(sentenceRangeAround(text, at('最後'), at('最後'))).toEqual({ start: at('最後'), end: text.length })
    expect(sentenceRangeAround(text, text.length, text.length)).toEqual({ start: at('最後'), end: text.length })
    expect(sentenceRangeAround(text, at('one.') + 4, at('one.') + 4)).toEqual({ start: 0, end: at('one.') + 4 })
  })

  it('leaves a selection of whitespace only unchanged', () => {
    const gap = at('\n\n')
    expect(sentenceRangeAround(text, gap, gap + 2)).toEqual({ start: gap, end: gap + 2 })
  })

  it('throws RangeError on bad offsets', () => {
    expect(() => sentenceRangeAround(text, 5, 2)).toThrow(RangeError)
    expect(() => sentenceRangeAround(text, -1, 2)).toThrow(RangeError)
    expect(() => sentenceRangeAround(text, 0, text.length + 1)).toThrow(RangeError)
    expect(() => sentenceRangeAround(text, 0.5, 2)).toThrow(RangeError)
  })
})
