import { describe, it, expect } from 'vitest'
import { compareSets } from './compare-sets'
import { buildConsensus, type AdjudicationDecision, type ConsensusMeta } from './consensus'
import { CompareInputError } from './errors'
import { aSetWithClaims } from '../claims/test-builders'

const TEXT = 'abcdefghij'.repeat(10)

function comparison() {
  const a = aSetWithClaims({ text: TEXT, id: 'A', spans: [
    [0, 10, 'evidenced'], // agree with B-1
    [20, 30, 'speculative'], // conflict with B-2
    [60, 70, 'speculative'], // only A
  ] })
  const b = aSetWithClaims({ text: TEXT, id: 'B', spans: [
    [0, 10, 'evidenced'],
    [21, 30, 'evidenced'],
    [80, 90, 'speculative'], // only B
  ] })
  a.claims[0]!.evidence.push({ id: 'e1', citation: 'Kremlin transcript', url: 'https://example.org' })
  return compareSets(TEXT, [a, b])
}

const META: ConsensusMeta = { setId: 'C', label: 'Consensus', analyst: 'Adjudicator', created: '2025-08-21T00:00:00.000Z' }

describe('buildConsensus', () => {
  it('keeps agreed items automatically and leaves undecided disagreements out', () => {
    const result = buildConsensus(comparison(), [], META)
    expect(result.set).toEqual({
      id: 'C',
      documentId: 'doc-1',
      analyst: 'Adjudicator',
      label: 'Consensus',
      created: '2025-08-21T00:00:00.000Z',
      origin: 'consensus',
    })
    expect(result.claims.map((c) => [c.id, c.setId, c.stance])).toEqual([['C/A/A-1', 'C', 'evidenced']])
    expect(result.decisions).toEqual([
      {
        itemId: 'A:A-1|B:B-1',
        kind: 'agree',
        keep: 'A',
        reason: '',
        automatic: true,
        sourceClaimIds: ['A-1'],
        claimIds: ['C/A/A-1'],
      },
    ])
    expect(result.undecided).toEqual(['A:A-2|B:B-2', 'A:A-3|B:', 'A:|B:B-3'])
  })

  it('applies decisions, records reasons and sorts claims in document order', () => {
    const decisions: AdjudicationDecision[] = [
      { itemId: 'A:|B:B-3', keep: 'B', reason: '  B found a real speculation  ' },
      { itemId: 'A:A-2|B:B-2', keep: 'both', reason: 'Both readings stand' },
      { itemId: 'A:A-3|B:', keep: 'neither' },
      { itemId: 'A:A-1|B:B-1', keep: 'B', reason: 'B cites better' },
    ]
    const result = buildConsensus(comparison(), decisions, META)
    expect(result.claims.map((c) => c.id)).toEqual(['C/B/B-1', 'C/A/A-2', 'C/B/B-2', 'C/B/B-3'])
    expect(result.undecided).toEqual([])
    expect(result.decisions.map((d) => [d.itemId, d.keep, d.reason, d.automatic])).toEqual([
      ['A:A-1|B:B-1', 'B', 'B cites better', false],
      ['A:A-2|B:B-2', 'both', 'Both readings stand', false],
      ['A:A-3|B:', 'neither', '', false],
      ['A:|B:B-3', 'B', 'B found a real speculation', false],
    ])
    expect(result.decisions[2]!.claimIds).toEqual([])
  })

  it('copies claims and leaves the source sets untouched', () => {
    const source = comparison()
    const before = JSON.stringify(source)
    const result = buildConsensus(source, [], { ...META, claimId: (claim, side) => `new-${side}-${claim.id}` })
    const copy = result.claims[0]!
    expect(copy.id).toBe('new-A-A-1')
    copy.evidence[0]!.citation = 'changed'
    copy.tags.push('changed')
    expect(JSON.stringify(source)).toBe(before)
    expect(source.sets[0]!.claims[0]!.setId).toBe('A')
  })

  it('refuses unknown items, duplicate decisions and impossible keeps', () => {
    const source = comparison()
    const code = (decisions: AdjudicationDecision[]): string | undefined => {
      try {
        buildConsensus(source, decisions, META)
      } catch (error) {
        if (error instanceof CompareInputError) return error.code
        throw error
      }
      return undefined
    }
    expect(code([{ itemId: 'A:nope|B:', keep: 'A' }])).toBe('consensus-unknown-item')
    expect(
      code([
        { itemId: 'A:A-3|B:', keep: 'A' },
        { itemId: 'A:A-3|B:', keep: 'neither' },
      ]),
    ).toBe('consensus-duplicate-decision')
    expect(code([{ itemId: 'A:A-3|B:', keep: 'B' }])).toBe('consensus-impossible-keep')
    expect(code([{ itemId: 'A:|B:B-3', keep: 'both' }])).toBe('consensus-impossible-keep')
  })

  it('throws RangeError when the claim id function repeats itself', () => {
    const decisions: AdjudicationDecision[] = [{ itemId: 'A:A-2|B:B-2', keep: 'both' }]
    expect(() => buildConsensus(comparison(), decisions, { ...META, claimId: () => 'same' })).toThrow(RangeError)
  })
})
