import { describe, expect, it } from 'vitest'
import { Decoration, DecorationSet, type DecorationSource } from 'prosemirror-view'
import type { Node as PMNode } from 'prosemirror-model'
import { docFromBlocks } from '../../../shared/article/schema'
import type { ArticleBlock } from '../../../shared/article/model'
import { blockDecorationSet, joinBlockSets, type BlockSet, type PlacedDecoration } from './block-decoration-set'

const paragraph = (text: string): ArticleBlock => ({ type: 'paragraph', level: 0, text, marks: [] })

function doc(): PMNode {
  return docFromBlocks([paragraph('First block of text.'), { type: 'heading', level: 2, text: 'A heading', marks: [] }, paragraph('Third block, a little longer.')])
}

const inline = (from: number, to: number, id: string): PlacedDecoration => ({
  from,
  to,
  make: (f, t) => Decoration.inline(f, t, { class: 'claim' }, { claimId: id }),
})
const widget = (at: number, id: string): PlacedDecoration => ({
  from: at,
  to: at,
  make: (f) => Decoration.widget(f, () => ({}) as HTMLElement, { claimId: id, side: -1, key: `m-${id}` }),
})

/** What the set holds, comparable across sets: absolute spans with their claim ids. */
function spans(set: DecorationSet): string[] {
  return set
    .find()
    .map((d) => `${d.from}-${d.to}:${String((d.spec as { claimId: string }).claimId)}`)
    .sort()
}

function joined(d: PMNode, placed: readonly PlacedDecoration[]): DecorationSet {
  const blocks: BlockSet[] = []
  const local: Decoration[] = []
  d.forEach((child, offset) => blocks.push({ from: offset, to: offset + child.nodeSize, set: blockDecorationSet(child, offset, placed) }))
  for (const p of placed) {
    const inside = blocks.some((b) => p.from > b.from && p.to < b.to)
    if (!inside) local.push(p.make(p.from, p.to))
  }
  return joinBlockSets(local, blocks)
}

describe('joinBlockSets', () => {
  const d = doc()
  // Blocks: [0, 22) "First block of text.", [22, 33) heading, [33, 64) third block.
  const placed = [inline(2, 7, 'a'), widget(2, 'a'), inline(24, 26, 'b'), widget(35, 'c'), inline(35, 40, 'c'), inline(10, 38, 'cross')]

  it('holds exactly the decorations DecorationSet.create makes from the same input', () => {
    const reference = DecorationSet.create(
      d,
      placed.map((p) => p.make(p.from, p.to)),
    )
    expect(spans(joined(d, placed))).toEqual(spans(reference))
    expect(spans(joined(d, placed))).toHaveLength(6)
  })

  it('gives each block the decorations create would give it', () => {
    const reference = DecorationSet.create(
      d,
      placed.map((p) => p.make(p.from, p.to)),
    )
    const ours = joined(d, placed)
    d.forEach((child, offset) => {
      const flat = (source: DecorationSource) => {
        const out: string[] = []
        source.forEachSet((set) => out.push(...spans(set)))
        return out.sort()
      }
      expect(flat(ours.forChild(offset, child))).toEqual(flat(reference.forChild(offset, child)))
    })
  })

  it('lets add and remove work on the joined set', () => {
    const ours = joined(d, placed)
    const removed = ours.remove(ours.find(undefined, undefined, (spec) => spec.claimId === 'c'))
    expect(spans(removed).some((s) => s.endsWith(':c'))).toBe(false)
    const added = removed.add(d, [Decoration.inline(45, 50, { class: 'claim' }, { claimId: 'd' })])
    expect(spans(added)).toContain('45-50:d')
  })

  it('returns the empty set for nothing, and refuses blocks out of order', () => {
    expect(joinBlockSets([], [])).toBe(DecorationSet.empty)
    const set = blockDecorationSet(d.child(0), 0, [inline(2, 7, 'a')])
    expect(() =>
      joinBlockSets([], [
        { from: 22, to: 33, set },
        { from: 0, to: 22, set },
      ]),
    ).toThrow(RangeError)
  })

  it('leaves out of a block set what is not strictly inside the block', () => {
    const set = blockDecorationSet(d.child(0), 0, [inline(10, 38, 'cross'), inline(2, 7, 'a')])
    expect(spans(set)).toEqual(['1-6:a'])
  })
})
