import { describe, expect, it } from 'vitest'
import { Decoration, DecorationSet, type DecorationSource } from 'prosemirror-view'
import type { Node as PMNode } from 'prosemirror-model'
import { docFromBlocks } from '../../../shared/article/schema'
import type { ArticleBlock } from '../../../shared/article/model'
import { blockDecorationSet, groupDecorationSet, joinGroupSets, type BlockSet, type PlacedDecoration } from './block-decoration-set'

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

/** Each block of `d` with its absolute position, in document order. */
function blocksOf(d: PMNode): Array<{ node: PMNode; from: number }> {
  const out: Array<{ node: PMNode; from: number }> = []
  d.descendants((node, pos) => {
    if (node.isTextblock) out.push({ node, from: pos })
    return !node.isTextblock
  })
  return out
}

function joined(d: PMNode, placed: readonly PlacedDecoration[]): DecorationSet {
  const all: BlockSet[] = blocksOf(d).map(({ node, from }) => ({ from, to: from + node.nodeSize, set: blockDecorationSet(node, from, placed) }))
  const local: Decoration[] = []
  for (const p of placed) {
    const inside = all.some((b) => p.from > b.from && p.to < b.to)
    if (!inside) local.push(p.make(p.from, p.to))
  }
  const groups: BlockSet[] = []
  d.forEach((group, from) => {
    const to = from + group.nodeSize
    groups.push({ from, to, set: groupDecorationSet(from, to, all.filter((b) => b.from > from && b.to < to)) })
  })
  return joinGroupSets(local, groups)
}

/** Flattened spans of a child's decoration source. */
function flat(source: DecorationSource): string[] {
  const out: string[] = []
  source.forEachSet((set) => out.push(...spans(set)))
  return out.sort()
}

describe('joinGroupSets', () => {
  const d = doc()
  // One group; blocks: [1, 23) "First block of text.", [23, 34) heading, [34, 65) third block.
  const placed = [inline(3, 8, 'a'), widget(3, 'a'), inline(25, 27, 'b'), widget(36, 'c'), inline(36, 41, 'c'), inline(11, 39, 'cross')]

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
    d.forEach((group, offset) => {
      const mine = ours.forChild(offset, group)
      const theirs = reference.forChild(offset, group)
      expect(flat(mine)).toEqual(flat(theirs))
      group.forEach((block, blockOffset) => expect(flat(mine.forChild(blockOffset, block))).toEqual(flat(theirs.forChild(blockOffset, block))))
    })
  })

  it('matches create across several groups, with claims crossing groups', () => {
    const many = docFromBlocks(Array.from({ length: 80 }, (_, i) => paragraph(`Block number ${i} of a long article.`)))
    const blocks = blocksOf(many)
    expect(many.childCount).toBeGreaterThan(2)
    const crossing = many.child(1)
    const lastOfFirst = blocks[31]!
    const firstOfSecond = blocks[32]!
    const placedMany = [
      inline(blocks[0]!.from + 2, blocks[0]!.from + 6, 'a'),
      widget(blocks[40]!.from + 1, 'b'),
      inline(blocks[40]!.from + 1, blocks[40]!.from + 9, 'b'),
      inline(lastOfFirst.from + 3, firstOfSecond.from + 5, 'across'),
      inline(blocks[33]!.from + 3, blocks[34]!.from + 5, 'within'),
    ]
    const reference = DecorationSet.create(many, placedMany.map((p) => p.make(p.from, p.to)))
    const ours = joined(many, placedMany)
    expect(spans(ours)).toEqual(spans(reference))
    many.forEach((group, offset) => {
      const mine = ours.forChild(offset, group)
      const theirs = reference.forChild(offset, group)
      group.forEach((block, blockOffset) => expect(flat(mine.forChild(blockOffset, block))).toEqual(flat(theirs.forChild(blockOffset, block))))
    })
    expect(crossing.childCount).toBeGreaterThan(0)
  })

  it('lets add and remove work on the joined set', () => {
    const ours = joined(d, placed)
    const removed = ours.remove(ours.find(undefined, undefined, (spec) => spec.claimId === 'c'))
    expect(spans(removed).some((s) => s.endsWith(':c'))).toBe(false)
    const added = removed.add(d, [Decoration.inline(46, 51, { class: 'claim' }, { claimId: 'd' })])
    expect(spans(added)).toContain('46-51:d')
  })

  it('returns the empty set for nothing, and refuses blocks out of order or outside their group', () => {
    expect(joinGroupSets([], [])).toBe(DecorationSet.empty)
    expect(groupDecorationSet(0, 10, [])).toBe(DecorationSet.empty)
    const set = blockDecorationSet(d.child(0).child(0), 1, [inline(3, 8, 'a')])
    expect(() =>
      groupDecorationSet(0, 66, [
        { from: 23, to: 34, set },
        { from: 1, to: 23, set },
      ]),
    ).toThrow(RangeError)
    expect(() => groupDecorationSet(0, 20, [{ from: 1, to: 23, set }])).toThrow(RangeError)
  })

  it('leaves out of a block set what is not strictly inside the block', () => {
    const set = blockDecorationSet(d.child(0).child(0), 1, [inline(11, 39, 'cross'), inline(3, 8, 'a')])
    expect(spans(set)).toEqual(['1-6:a'])
  })
})
