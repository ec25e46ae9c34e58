import { describe, expect, it } from 'vitest'
import type { ArticleBlock } from '../../../shared/article/model'
import { canonicalText } from '../../../shared/article/model'
import { buildPositionIndex } from '../../../shared/article/position-map'
import { createClaim } from '../../../shared/claims/create-claim'
import type { Claim } from '../../../shared/claims/model'
import { allRealized, blockSpan, blockSpanFrom, changedSince, initiallyRealized, INITIAL_CHARS, LAZY_ABOVE_CHARS, markerLetters } from './claim-spans'

function article(blockCount: number, blockText: (i: number) => string) {
  const blocks: ArticleBlock[] = Array.from({ length: blockCount }, (_, i) => ({ type: 'paragraph', level: 0, text: blockText(i), marks: [] }))
  return { blocks, text: canonicalText(blocks), index: buildPositionIndex(blocks) }
}

describe('initiallyRealized', () => {
  it('realizes a short article whole', () => {
    const a = article(3, (i) => `Block ${i} says something worth a claim.`)
    expect(a.text.length).toBeLessThan(LAZY_ABOVE_CHARS)
    expect([...initiallyRealized(a.index)]).toEqual([1, 1, 1])
  })

  it('realizes only the top of a long article', () => {
    // 400 blocks of 300 characters: 120,000 characters, painted lazily.
    const a = article(400, (i) => `${String(i).padStart(4, '0')} ${'word '.repeat(59)}`.slice(0, 300))
    const realized = initiallyRealized(a.index)
    expect(a.text.length).toBeGreaterThan(LAZY_ABOVE_CHARS)
    expect(realized.reduce((n, r) => n + r, 0)).toBe(a.index.starts.filter((s) => s <= INITIAL_CHARS).length)
    expect(allRealized(realized, 0, 5)).toBe(true)
    expect(allRealized(realized, 0, 399)).toBe(false)
  })
})

describe('blockSpan', () => {
  it('covers every block a claim crosses', () => {
    const a = article(3, (i) => `Block ${i} says something worth a claim.`)
    const claim = createClaim({ set: { id: 's', documentId: 'd' }, text: a.text, start: 10, end: a.index.starts[2]! + 5, stance: 'evidenced', author: 'A', now: '2025-09-01T10:00:00.000Z', id: 'x' })
    expect(blockSpan(a.index, claim)).toEqual([0, 2])
  })
})

describe('changedSince and markerLetters', () => {
  const base = { id: 'c', modified: '1', stance: 'evidenced', orphan: false } as unknown as Claim
  it('repaints a claim added, removed, restanced, edited or orphaned, not the same one again', () => {
    expect(changedSince(base, base)).toBe(false)
    expect(changedSince(base, { ...base })).toBe(false)
    expect(changedSince(undefined, base)).toBe(true)
    expect(changedSince(base, undefined)).toBe(true)
    expect(changedSince(base, { ...base, stance: 'speculative' })).toBe(true)
    expect(changedSince(base, { ...base, modified: '2' })).toBe(true)
    expect(changedSince(base, { ...base, orphan: true })).toBe(true)
  })
  it('writes one letter per claim, in order', () => {
    expect(markerLetters(['evidenced', 'speculative', 'evidenced'])).toBe('ESE')
    expect(markerLetters([])).toBe('')
  })
})

describe('blockSpanFrom', () => {
  it('finds the same blocks as blockSpan from any hint, for claims anywhere, empty blocks included', () => {
    const a = article(40, (i) => (i % 7 === 3 ? '' : `Block ${i} `.repeat(1 + (i % 4))))
    let seed = 7
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    for (let k = 0; k < 2000; k++) {
      const start = random(a.text.length + 1)
      const end = Math.min(a.text.length, start + random(200))
      const claim = { target: { position: { type: 'TextPositionSelector', start, end } } } as Claim
      const hint = random(a.index.starts.length + 2) - 1
      expect(blockSpanFrom(a.index, claim, hint)).toEqual(blockSpan(a.index, claim))
    }
  })
})
