import { describe, expect, it } from 'vitest'
import type { Claim, Stance } from '../claims/model'
import { summariseClaims } from './summary'
import { aClaim, BARE_CLAIM } from '../claims/test-builders'

function claim(id: string, stance: Stance, evidence: number, counterpoints: number, orphan = false): Claim {
  return aClaim({
    ...BARE_CLAIM,
    id,
    stance,
    evidence: Array.from({ length: evidence }, (_, i) => ({ id: `${id}-e${i}`, citation: 'c', url: '' })),
    counterpoints: Array.from({ length: counterpoints }, (_, i) => ({ id: `${id}-c${i}`, text: 't', strength: 'weak' as const, source: null })),
    orphan,
  })
}

describe('summariseClaims', () => {
  const claims = [
    claim('a', 'evidenced', 2, 0),
    claim('b', 'evidenced', 1, 1),
    claim('c', 'speculative', 0, 3),
    claim('d', 'speculative', 0, 0),
    claim('e', 'speculative', 0, 0, true),
    claim('f', 'speculative', 0, 1),
  ]

  it('counts stances, evidence, counterpoints, both and neither (orphans included)', () => {
    expect(summariseClaims(claims)).toEqual({
      total: 6,
      byStance: { evidenced: 2, speculative: 4 },
      speculativePercent: 67,
      withEvidence: 2,
      withCounterpoints: 3,
      withBoth: 1,
      withNeither: 2,
      certaintyWithoutEvidence: null,
    })
  })

  it('counts certainty without evidence only when the caller supplies the predicate', () => {
    const seen: string[] = []
    const summary = summariseClaims(claims, {
      isCertaintyWithoutEvidence: (c) => {
        seen.push(c.id)
        return c.id === 'c' || c.id === 'd'
      },
    })
    expect(summary.certaintyWithoutEvidence).toBe(2)
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
  })

  it('rounds the speculative share half up to a whole percent', () => {
    const eight = [...Array.from({ length: 7 }, (_, i) => claim(`e${i}`, 'evidenced', 0, 0)), claim('s', 'speculative', 0, 0)]
    expect(summariseClaims(eight).speculativePercent).toBe(13) // 12.5
  })

  it('summarises an empty set as zeros with no share', () => {
    expect(summariseClaims([])).toMatchObject({ total: 0, byStance: { evidenced: 0, speculative: 0 }, speculativePercent: null, withNeither: 0 })
  })
})
