import { describe, it, expect } from 'vitest'
import { buildConsensus, compareSets } from '../../../shared/compare'
import { adjudicationProgress, applicableDecisions, canKeep, draftKey, withKeep, withoutDecision, withReason, type Drafts } from './adjudication'
import { aSetWithClaims } from '../../../shared/claims/test-builders'

const TEXT = 'abcdefghij'.repeat(10)

function comparison(minOverlap = 0.5) {
  const a = aSetWithClaims({ text: TEXT, id: 'A', spans: [
    [0, 10, 'evidenced'],
    [20, 30, 'speculative'],
    [60, 70, 'speculative'],
  ] })
  const b = aSetWithClaims({ text: TEXT, id: 'B', spans: [
    [0, 10, 'evidenced'],
    [26, 36, 'evidenced'],
    [80, 90, 'speculative'],
  ] })
  return compareSets(TEXT, [a, b], { minOverlap })
}

describe('drafts', () => {
  it('record a side, then a reason, and drop a decision again', () => {
    let drafts: Drafts = {}
    drafts = withReason(drafts, 'A:A-3|B:', 'background only')
    expect(drafts['A:A-3|B:']).toEqual({ keep: null, reason: 'background only' })
    drafts = withKeep(drafts, 'A:A-3|B:', 'neither')
    expect(drafts['A:A-3|B:']).toEqual({ keep: 'neither', reason: 'background only' })
    drafts = withoutDecision(drafts, 'A:A-3|B:')
    expect(drafts).toEqual({})
    expect(withoutDecision(drafts, 'nothing')).toBe(drafts)
    expect(() => withKeep(drafts, '', 'A')).toThrow(RangeError)
  })

  it('apply only to items present, with a side chosen that the item offers', () => {
    const c = comparison(0) // at 0 the two middle claims align: a conflict
    const drafts: Drafts = {
      'A:A-2|B:B-2': { keep: 'both', reason: '  both readings hold  ' },
      'A:A-3|B:': { keep: 'B', reason: '' }, // impossible: no B claim
      'A:|B:B-3': { keep: null, reason: 'still thinking' },
      'A:gone|B:': { keep: 'A', reason: 'stale' },
    }
    expect(applicableDecisions(c, drafts)).toEqual([{ itemId: 'A:A-2|B:B-2', keep: 'both', reason: 'both readings hold' }])
    expect(adjudicationProgress(c, drafts)).toEqual({ decided: 1, total: 3 })
    // What applies is accepted by buildConsensus as it is.
    const consensus = buildConsensus(c, applicableDecisions(c, drafts), { setId: 'C', label: 'C', analyst: 'J', created: '2025-01-01T00:00:00Z' })
    expect(consensus.claims.map((x) => x.id)).toEqual(['C/A/A-1', 'C/A/A-2', 'C/B/B-2'])
  })

  it('survive a change of minimum overlap and come back when the item does', () => {
    const drafts: Drafts = { 'A:A-2|B:B-2': { keep: 'A', reason: 'x' } }
    // At 0.5 the middle claims (Jaccard 4/16) no longer pair: the draft is set aside.
    expect(applicableDecisions(comparison(0.5), drafts)).toEqual([])
    expect(applicableDecisions(comparison(0.2), drafts)).toEqual([{ itemId: 'A:A-2|B:B-2', keep: 'A', reason: 'x' }])
  })

  it('offer the sides each kind has', () => {
    expect(canKeep({ kind: 'conflict' }, 'both')).toBe(true)
    expect(canKeep({ kind: 'onlyA' }, 'B')).toBe(false)
    expect(canKeep({ kind: 'onlyB' }, 'B')).toBe(true)
    expect(canKeep({ kind: 'agree' }, 'A')).toBe(false)
    expect(draftKey(['a', 'b', 'c'])).toBe('a|b|c')
  })
})
