import { describe, it, expect } from 'vitest'
import { betterMatch, contextSimilarity, positionProximity, scoreCandidate, SCORE_WEIGHTS } from './quote-score'

describe('contextSimilarity', () => {
  const text = 'abcdefghij'
  it('is 1 for an empty or exactly matching context', () => {
    expect(contextSimilarity(text, 5, '', 'before')).toBe(1)
    expect(contextSimilarity(text, 5, 'cde', 'before')).toBe(1)
    expect(contextSimilarity(text, 5, 'fgh', 'after')).toBe(1)
  })
  it('falls with edit distance', () => {
    expect(contextSimilarity(text, 5, 'cXe', 'before')).toBeCloseTo(2 / 3)
    expect(contextSimilarity(text, 5, 'XYZ', 'after')).toBe(0)
  })
  it('is 0 when there is no text on that side', () => {
    expect(contextSimilarity(text, 0, 'abc', 'before')).toBe(0)
    expect(contextSimilarity(text, 10, 'abc', 'after')).toBe(0)
  })
})

describe('positionProximity', () => {
  it('is 1 at the hint or without one, and falls linearly with distance', () => {
    expect(positionProximity(40, 40, 100)).toBe(1)
    expect(positionProximity(40, undefined, 100)).toBe(1)
    expect(positionProximity(40, 90, 100)).toBe(0.5)
    expect(positionProximity(0, 500, 100)).toBe(0)
  })
})

describe('scoreCandidate', () => {
  const text = 'xx PRE quote SUF yy'
  const at = { start: 7, end: 12, errors: 0 }
  it('is 1 for an exact match with its context at the hint', () => {
    expect(scoreCandidate(text, at, 5, { prefix: 'PRE ', suffix: ' SUF', hint: 7 }).score).toBe(1)
  })
  it('weights the quote, context and position as documented', () => {
    const m = scoreCandidate(text, { ...at, errors: 1 }, 5, { prefix: 'NOPE', suffix: ' SUF', hint: 7 })
    const w = SCORE_WEIGHTS
    const expected = (w.quote * 0.8 + w.prefix * m.prefixScore + w.suffix * 1 + w.position * 1) / 1
    expect(m.score).toBeCloseTo(expected)
    expect(m.prefixScore).toBeLessThan(1)
  })
  it('leaves the position out without a hint', () => {
    const m = scoreCandidate(text, { ...at, errors: 1 }, 5, { prefix: 'PRE ', suffix: ' SUF' })
    const w = SCORE_WEIGHTS
    expect(m.score).toBeCloseTo((w.quote * 0.8 + w.prefix + w.suffix) / (w.quote + w.prefix + w.suffix))
  })
})

describe('betterMatch', () => {
  const m = (start: number, score: number) => ({ start, end: start + 1, errors: 0, score, prefixScore: 1, suffixScore: 1 })
  it('prefers the higher score, then the nearer to the hint, then the earlier', () => {
    expect(betterMatch(m(0, 0.5), m(9, 0.6), 0).start).toBe(9)
    expect(betterMatch(m(0, 0.5), m(9, 0.5), 8).start).toBe(9)
    expect(betterMatch(m(9, 0.5), m(0, 0.5), undefined).start).toBe(0)
    expect(betterMatch(null, m(3, 0), undefined).start).toBe(3)
  })
})
