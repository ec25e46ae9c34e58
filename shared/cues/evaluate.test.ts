import { describe, it, expect } from 'vitest'
import { alignGold, scoreAligned, type GoldSentence } from './evaluate'
import type { SentenceSuggestion } from './model'

const text = 'A may rise. B rose 5%. C is blue.'
const sentence = (s: string, suggestion: SentenceSuggestion['suggestion']): SentenceSuggestion => {
  const start = text.indexOf(s)
  return { start, end: start + s.length, text: s, suggestion, certaintyWithoutEvidence: false, cues: [], explanation: { reason: 'no-cues', cues: [] } }
}

describe('alignGold', () => {
  const gold: GoldSentence[] = [
    { text: 'A may rise.', label: 'speculative' },
    { text: 'B rose 5%.', label: 'evidenced' },
    { text: 'C is blue.', label: 'neither' },
  ]

  it('pairs gold sentences with the analysed sentence they overlap most', () => {
    const analysed = [sentence('A may rise.', 'speculative'), sentence('B rose 5%. C is blue.', 'evidenced')]
    expect(alignGold(text, gold, analysed).map((a) => [a.predicted, a.sameBoundaries])).toEqual([
      ['speculative', true],
      ['evidenced', false],
      ['evidenced', false],
    ])
  })

  it('throws RangeError when a gold sentence is not in the text', () => {
    expect(() => alignGold(text, [{ text: 'Not there.', label: 'neither' }], [])).toThrow(RangeError)
  })
})

describe('scoreAligned', () => {
  it('computes precision and recall per class', () => {
    const aligned = [
      { gold: 'speculative', predicted: 'speculative' },
      { gold: 'speculative', predicted: 'neither' },
      { gold: 'neither', predicted: 'speculative' },
      { gold: 'evidenced', predicted: 'evidenced' },
    ].map((a, i) => ({ ...a, text: String(i), start: i, end: i + 1, sameBoundaries: i !== 3 })) as Parameters<typeof scoreAligned>[0]
    const scores = scoreAligned(aligned)
    expect(scores.classes.speculative).toEqual({ truePositives: 1, falsePositives: 1, falseNegatives: 1, precision: 0.5, recall: 0.5 })
    expect(scores.classes.evidenced).toMatchObject({ precision: 1, recall: 1 })
    expect(scores.classes.neither).toMatchObject({ precision: 0, recall: 0 })
    expect(scores.accuracy).toBe(0.5)
    expect(scores.boundaryAgreement).toBe(0.75)
  })

  it('reports null rates when nothing was predicted or expected', () => {
    const scores = scoreAligned([])
    expect(scores.classes.speculative.precision).toBeNull()
    expect(scores.accuracy).toBeNull()
  })
})
