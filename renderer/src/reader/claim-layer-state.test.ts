import { describe, expect, it } from 'vitest'
import { DecorationSet } from 'prosemirror-view'
import type { ArticleBlock } from '../../../shared/article/model'
import { canonicalText } from '../../../shared/article/model'
import { buildPositionIndex } from '../../../shared/article/position-map'
import { docFromBlocks } from '../../../shared/article/schema'
import { createClaim } from '../../../shared/claims/create-claim'
import type { Claim, Stance } from '../../../shared/claims/model'
import { placeClaim } from './claim-decorations'
import { blockSpan, blockSpanFrom, emptyLayer, INITIAL_CHARS, isRealized, LAZY_ABOVE_CHARS, realizing, withClaimPut, withClaims, type ClaimLayerState } from './claim-layer-state'

const SET = { id: 'set-1', documentId: 'doc-1' }

function article(blockCount: number, blockText: (i: number) => string) {
  const blocks: ArticleBlock[] = Array.from({ length: blockCount }, (_, i) => ({ type: 'paragraph', level: 0, text: blockText(i), marks: [] }))
  const text = canonicalText(blocks)
  const index = buildPositionIndex(blocks)
  return { blocks, text, index, doc: docFromBlocks(blocks), place: (c: Claim) => placeClaim(c, index) }
}

function claimAt(text: string, start: number, end: number, id: string, stance: Stance = 'evidenced', now = '2025-09-01T10:00:00.000Z'): Claim {
  return createClaim({ set: SET, text, start, end, stance, author: 'A', now, id })
}

/** Claim ids drawn, with their span and class, sorted. */
function drawn(state: ClaimLayerState): string[] {
  return state.decorations
    .find()
    .map((d) => `${String((d.spec as { claimId: string }).claimId)}@${d.from}-${d.to}`)
    .sort()
}

describe('a short article', () => {
  const a = article(3, (i) => `Block ${i} says something worth a claim.`)
  const claims = [claimAt(a.text, 0, 7, 'c1'), claimAt(a.text, a.index.starts[2]! + 2, a.index.starts[2]! + 12, 'c2', 'speculative')]

  it('draws every claim at once, as DecorationSet.create would', () => {
    const state = withClaims(emptyLayer(a.index), a.doc, a.index, claims, a.place)
    expect(a.text.length).toBeLessThan(LAZY_ABOVE_CHARS)
    const reference = DecorationSet.create(
      a.doc,
      claims.flatMap((c) => a.place(c).map((p) => p.make(p.from, p.to))),
    )
    const ids = (set: DecorationSet) => set.find().map((d) => `${String((d.spec as { claimId: string }).claimId)}@${d.from}-${d.to}`).sort()
    expect(drawn(state)).toEqual(ids(reference))
    expect(drawn(state)).toHaveLength(4)
  })

  it('redraws only the blocks a changed claim touches', () => {
    const first = withClaims(emptyLayer(a.index), a.doc, a.index, claims, a.place)
    const edited = { ...claims[1]!, stance: 'evidenced' as const, modified: '2025-09-02T00:00:00.000Z' }
    const next = withClaims(first, a.doc, a.index, [claims[0]!, edited], a.place)
    expect(next.blockSets.get(0)).toBe(first.blockSets.get(0))
    expect(next.blockSets.get(2)).not.toBe(first.blockSets.get(2))
    expect(drawn(next)).toEqual(drawn(first))
    expect(next.drawn.get('c2')?.stance).toBe('evidenced')
  })

  it('draws one put claim as the full list would, and the list then finds nothing to redraw', () => {
    const first = withClaims(emptyLayer(a.index), a.doc, a.index, [claims[0]!], a.place)
    const put = withClaimPut(first, a.doc, a.index, claims[1]!, a.place)
    const listed = withClaims(first, a.doc, a.index, claims, a.place)
    expect(drawn(put)).toEqual(drawn(listed))
    expect(put.blockSets.get(0)).toBe(first.blockSets.get(0))
    const caughtUp = withClaims(put, a.doc, a.index, claims, a.place)
    expect(caughtUp.decorations).toBe(put.decorations)
    expect(withClaimPut(put, a.doc, a.index, claims[1]!, a.place)).toBe(put)
  })

  it('undraws a put claim that the next full list leaves out, and redraws one it changed', () => {
    const first = withClaims(emptyLayer(a.index), a.doc, a.index, [claims[0]!], a.place)
    const put = withClaimPut(first, a.doc, a.index, claims[1]!, a.place)
    expect(put.drawn.has('c2')).toBe(false)
    const without = withClaims(put, a.doc, a.index, [claims[0]!], a.place)
    expect(drawn(without)).toEqual(drawn(first))
    expect(without.blockSets.has(2)).toBe(false)
    const edited = { ...claims[1]!, stance: 'evidenced' as const, modified: '2025-09-02T00:00:00.000Z' }
    const changed = withClaims(put, a.doc, a.index, [claims[0]!, edited], a.place)
    expect(changed.decorations).not.toBe(put.decorations)
    expect(changed.blockSets.get(2)).not.toBe(put.blockSets.get(2))
    expect(changed.put.size).toBe(0)
  })

  it('returns the same drawing for the same claims, and drops removed ones', () => {
    const first = withClaims(emptyLayer(a.index), a.doc, a.index, claims, a.place)
    expect(withClaims(first, a.doc, a.index, [...claims], a.place).decorations).toBe(first.decorations)
    const fewer = withClaims(first, a.doc, a.index, [claims[0]!], a.place)
    expect(drawn(fewer).some((d) => d.startsWith('c2@'))).toBe(false)
    expect(fewer.blockSets.has(2)).toBe(false)
  })

  it('does not draw orphans', () => {
    const orphan = { ...claims[1]!, orphan: true }
    const state = withClaims(emptyLayer(a.index), a.doc, a.index, [claims[0]!, orphan], a.place)
    expect(drawn(state).every((d) => d.startsWith('c1@'))).toBe(true)
  })

  it('draws a claim that crosses blocks: highlight at the top level, marker in its first block', () => {
    const across = claimAt(a.text, 10, a.index.starts[1]! + 5, 'x')
    const state = withClaims(emptyLayer(a.index), a.doc, a.index, [across], a.place)
    expect(drawn(state)).toHaveLength(2)
    expect(state.crossing.has('x')).toBe(true)
    expect(state.blockSets.has(0)).toBe(true)
  })
})

describe('a long article', () => {
  // 400 blocks of 300 characters: 120,000 characters, drawn lazily.
  const a = article(400, (i) => `${String(i).padStart(4, '0')} ${'word '.repeat(59)}`.slice(0, 300))
  const claims = a.index.starts.map((s, i) => claimAt(a.text, s + 5, s + 20, `c${i}`))

  it('draws only the top of the text before any scrolling', () => {
    const state = withClaims(emptyLayer(a.index), a.doc, a.index, claims, a.place)
    expect(a.text.length).toBeGreaterThan(LAZY_ABOVE_CHARS)
    const realizedBlocks = state.realized.reduce((n, r) => n + r, 0)
    expect(realizedBlocks).toBe(a.index.starts.filter((s) => s <= INITIAL_CHARS).length)
    expect(drawn(state)).toHaveLength(realizedBlocks * 2)
    expect(state.drawn.size).toBe(400)
  })

  it('draws more blocks when they are realized, keeping the sets already made', () => {
    const state = withClaims(emptyLayer(a.index), a.doc, a.index, claims, a.place)
    const later = realizing(state, a.doc, a.index, 200, 209, a.place)
    expect(isRealized(later, 200, 209)).toBe(true)
    expect(isRealized(state, 200, 209)).toBe(false)
    expect(drawn(later)).toHaveLength(drawn(state).length + 20)
    expect(later.blockSets.get(0)).toBe(state.blockSets.get(0))
    expect(realizing(later, a.doc, a.index, 200, 205, a.place)).toBe(later)
  })

  it('keeps claims of blocks not realized yet, and draws them once they are', () => {
    const state = withClaims(emptyLayer(a.index), a.doc, a.index, claims, a.place)
    const extra = claimAt(a.text, a.index.starts[300]! + 30, a.index.starts[300]! + 40, 'late')
    const added = withClaims(state, a.doc, a.index, [...claims, extra], a.place)
    expect(drawn(added)).toEqual(drawn(state))
    const seen = realizing(added, a.doc, a.index, 300, 300, a.place)
    expect(drawn(seen).filter((d) => d.startsWith('late@'))).toHaveLength(2)
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
