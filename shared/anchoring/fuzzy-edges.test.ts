import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anchor } from './anchor'
import { describe as describeSpan } from './describe'

const WORDS = ['prices', 'wages', 'rents', 'exports', 'tariffs', 'profits', 'budgets', 'debts', 'taxes', 'yields']
const SENTENCES = WORDS.map((w, i) => `Analysts expect ${w} to climb (by ${i + 2}%) before the vote.`)
const TEXT = SENTENCES.join(' ')

/** The claim on sentence `k` anchored after that sentence was edited into `edited`. */
function anchorEdited(k: number, editedSentence: string): string | null {
  const quote = SENTENCES[k]!
  const start = TEXT.indexOf(quote)
  const target = describeSpan(TEXT, start, start + quote.length)
  const edited = TEXT.replace(quote, editedSentence)
  const result = anchor(edited, target)
  return result === null ? null : edited.slice(result.start, result.end)
}

describe('fuzzy matches keep the quote’s own first and last characters', () => {
  it('keeps the final "." after an insertion, a deletion and punctuation before it', () => {
    expect(anchorEdited(9, 'Analyts expect yields to climb (by 11%) before the vote;.')).toBe('Analyts expect yields to climb (by 11%) before the vote;.')
    expect(anchorEdited(9, 'Analysts expect ields to climb (by 11%) before the vote .')).toBe('Analysts expect ields to climb (by 11%) before the vote .')
  })

  it('holds for one insertion near an edge plus one deletion anywhere (property)', () => {
    const edit = fc.tuple(fc.nat(9), fc.integer({ min: -3, max: 3 }), fc.nat(200), fc.constantFrom('x', ',', ' ', '.', ';', '!'))
    fc.assert(
      fc.property(edit, ([k, insertAt, deleteAt, ch]) => {
        const quote = SENTENCES[k]!
        // Edits next to the edges are where a match can slip by one character.
        const i = insertAt > 0 ? insertAt : quote.length + insertAt - 1
        let edited = quote.slice(0, i) + ch + quote.slice(i)
        const d = 1 + (deleteAt % (edited.length - 2))
        edited = edited.slice(0, d) + edited.slice(d + 1)
        fc.pre(edited.startsWith('A') && edited.endsWith('.'))
        const found = anchorEdited(k, edited)
        if (found === null) return
        expect(found.startsWith('A') && found.endsWith('.')).toBe(true)
      }),
      { numRuns: 3000, seed: 7 },
    )
  })
})
