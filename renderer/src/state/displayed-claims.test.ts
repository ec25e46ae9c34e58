import { describe, expect, it } from 'vitest'
import { compareClaimsInDocumentOrder, type Claim } from '../../../shared/claims/model'
import { createOperation, deleteOperation, operationsBetween, type OperationSource } from '../../../shared/claims/operations'
import { aClaim } from '../../../shared/claims/test-builders'
import { displayedClaims, withStored } from './displayed-claims'

const TEXT = 'One claim here. Another claim there. A third claim at the end.'
let n = 0
const source = (): OperationSource => ({ newId: () => `op-${++n}`, at: '2026-12-05T04:00:00.000Z' })
const at = (quote: string, id: string, stance: Claim['stance'] = 'evidenced') => {
  const start = TEXT.indexOf(quote)
  return aClaim({ id, text: TEXT, start, end: start + quote.length, stance })
}

const first = at('One claim here.', 'a')
const second = at('Another claim there.', 'b')
const third = at('A third claim at the end.', 'c')
const stored = [first, second, third]

describe('displayedClaims', () => {
  it('is the stored list itself when nothing is queued', () => {
    expect(displayedClaims(stored, new Map())).toBe(stored)
  })

  it('keeps every claim with nothing queued as the same object, and applies the queued ones in place', () => {
    const edited = { ...second, stance: 'speculative' as const, modified: '2026-12-05T04:00:01.000Z' }
    const shown = displayedClaims(stored, new Map([['b', operationsBetween(second, edited, source())]]))
    expect(shown.map((c) => c.id)).toEqual(['a', 'b', 'c'])
    expect(shown[0]).toBe(first)
    expect(shown[2]).toBe(third)
    expect(shown[1]!.stance).toBe('speculative')
  })

  it('puts a new claim in document order and leaves out a deleted one', () => {
    const made = at('Another', 'd')
    const shown = displayedClaims(stored, new Map([
      ['d', [createOperation(made, source())]],
      ['a', [deleteOperation(first, source())]],
    ]))
    expect(shown.map((c) => c.id)).toEqual([...[second, made, third]].sort(compareClaimsInDocumentOrder).map((c) => c.id))
    expect(shown.some((c) => c.id === 'a')).toBe(false)
  })
})

describe('withStored', () => {
  it('replaces, inserts in document order and removes one claim', () => {
    expect(withStored(stored, 'b', null).map((c) => c.id)).toEqual(['a', 'c'])
    const moved = at('A third', 'b')
    // Same start as the third claim and shorter: the longer span comes first.
    expect(withStored(stored, 'b', moved).map((c) => c.id)).toEqual(['a', 'c', 'b'])
    const fresh = at('claim at', 'z')
    const out = withStored(stored, 'z', fresh)
    expect(out).toHaveLength(4)
    expect([...out].sort(compareClaimsInDocumentOrder)).toEqual(out)
  })
})
