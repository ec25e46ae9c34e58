import { describe, expect, it } from 'vitest'
import { blockOffsets, canonicalText, type ArticleBlock } from '../article/model'
import type { Claim } from '../claims/model'
import { certaintyWithoutEvidencePredicate } from './certainty'
import { aClaim, BARE_CLAIM } from '../claims/test-builders'

const blocks: ArticleBlock[] = [
  { type: 'heading', level: 1, text: 'It will surely rain', marks: [] },
  { type: 'paragraph', level: 0, text: 'Prices will surely fall. According to the bank, prices will surely fall. Rain is wet.', marks: [] },
]
const text = canonicalText(blocks)
const body = blockOffsets(blocks)[1]!

function claimOn(phrase: string, extra: Partial<Claim> = {}, from = 0): Claim {
  const start = text.indexOf(phrase, from)
  if (start < 0) throw new Error(`not in text: ${phrase}`)
  return aClaim({ ...BARE_CLAIM, text, id: phrase, stance: 'speculative', start, end: start + phrase.length, ...extra })
}

describe('certaintyWithoutEvidencePredicate', () => {
  const flagged = certaintyWithoutEvidencePredicate({ text, blocks })

  it('flags a claim overlapping a sentence that asserts certainty with no evidence cue', () => {
    expect(flagged(claimOn('Prices will surely fall.'))).toBe(true)
    // Any overlap counts, even a claim that reaches into the sentence from outside it.
    expect(flagged(claimOn('fall. According'))).toBe(true)
  })

  it('does not flag a sentence that cites its source, plain sentences or headings', () => {
    expect(flagged(claimOn('the bank, prices will surely fall', {}, body))).toBe(false)
    expect(flagged(claimOn('Rain is wet.'))).toBe(false)
    expect(flagged(claimOn('It will surely rain'))).toBe(false)
  })

  it('never flags a claim the analyst backed with evidence, or an orphan', () => {
    const evidence = [{ id: 'e', citation: 'Bank report', url: '' }]
    expect(flagged(claimOn('Prices will surely fall.', { evidence }))).toBe(false)
    expect(flagged(claimOn('Prices will surely fall.', { orphan: true }))).toBe(false)
  })

  it('refuses blocks that do not make up the text', () => {
    expect(() => certaintyWithoutEvidencePredicate({ text: `${text}!`, blocks })).toThrow(RangeError)
  })
})
