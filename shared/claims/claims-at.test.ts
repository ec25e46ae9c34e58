import { describe, it, expect } from 'vitest'
import { claimsAt } from './claims-at'
import type { Claim } from './model'
import { aClaim, BARE_CLAIM } from './test-builders'

function claim(id: string, start: number, end: number, orphan?: boolean): Claim {
  return aClaim({ ...BARE_CLAIM, id, start, end, stance: 'evidenced', ...(orphan === undefined ? {} : { orphan }) })
}

describe('claimsAt', () => {
  const outer = claim('outer', 0, 100)
  const middle = claim('middle', 10, 50)
  const inner = claim('inner', 20, 30)
  const overlapping = claim('overlap', 25, 60)
  const twin = claim('a-twin', 20, 30)
  const lost = claim('lost', 0, 100, true)
  const all = [outer, lost, overlapping, middle, twin, inner]

  it('lists covering claims innermost first, ties in document order', () => {
    expect(claimsAt(all, 25).map((c) => c.id)).toEqual(['a-twin', 'inner', 'overlap', 'middle', 'outer'])
  })
  it('treats spans as half-open', () => {
    expect(claimsAt(all, 30).map((c) => c.id)).toEqual(['overlap', 'middle', 'outer'])
    expect(claimsAt(all, 10).map((c) => c.id)).toEqual(['middle', 'outer'])
    expect(claimsAt(all, 100)).toEqual([])
  })
  it('leaves orphans out and does not reorder its input', () => {
    expect(claimsAt(all, 5).map((c) => c.id)).toEqual(['outer'])
    expect(all.map((c) => c.id)).toEqual(['outer', 'lost', 'overlap', 'middle', 'a-twin', 'inner'])
  })
  it('throws RangeError for a non-integer offset', () => {
    expect(() => claimsAt(all, 1.5)).toThrow(/got 1.5/)
  })
})
