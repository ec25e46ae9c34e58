import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { evaluateGold } from '../../bench/eval'
import { scoreAligned } from './evaluate'

// The quality gate of issue 7, on the hand-labelled gold set (fixtures/cues/gold.json).
describe('claim finder against the gold set', () => {
  const byLanguage = evaluateGold()

  it('covers both languages and every sentence of the three articles', () => {
    expect([...byLanguage.keys()].sort()).toEqual(['en', 'ja'])
    const gold = JSON.parse(readFileSync(new URL('../../fixtures/cues/gold.json', import.meta.url), 'utf8')) as {
      articles: { sentences: unknown[] }[]
    }
    const total = gold.articles.reduce((n, a) => n + a.sentences.length, 0)
    expect([...byLanguage.values()].reduce((n, g) => n + g.aligned.length, 0)).toBe(total)
  })

  it.each(['ja', 'en'])('%s: speculative recall >= 0.9 and precision >= 0.8, splitter agrees with the gold sentences', (language) => {
    const scores = scoreAligned(byLanguage.get(language)!.aligned)
    expect(scores.classes.speculative.recall).toBeGreaterThanOrEqual(0.9)
    expect(scores.classes.speculative.precision).toBeGreaterThanOrEqual(0.8)
    expect(scores.boundaryAgreement).toBe(1)
  })
})
