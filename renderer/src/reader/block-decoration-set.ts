/**
 * Assemble a document-level DecorationSet from per-block sets without
 * `DecorationSet.create` over the whole document. `create` (prosemirror-view
 * 1.42) hands every top-level child the whole remaining decoration array to
 * scan (`takeSpansForNode`), so 20,000 decorations over 8,600 paragraphs cost
 * 8,600 × 20,000 comparisons, a quarter of a second on the bench's 2 MB
 * article (docs/performance.md). Built here instead: one small set per block
 * (`create` over that block alone), joined into the tree shape `create` makes
 * — decorations not strictly inside one block stay at the top level, each
 * block's own set is a child — so `find`, `add`, `remove`, `map`, equality and
 * drawing behave as for a set from `create`, and an unchanged block keeps the
 * very same child set object from one state to the next (ProseMirror then
 * skips it when redrawing).
 *
 * Joining calls DecorationSet's constructor `(local, children)`, which
 * prosemirror-view marks internal; block-decoration-set.test.ts checks the
 * result against `DecorationSet.create`, so an upgrade that changes the shape
 * fails there, not on screen.
 */
import type { Node as PMNode } from 'prosemirror-model'
import { DecorationSet, type Decoration } from 'prosemirror-view'

/** A decoration to place, with absolute document positions. */
export interface PlacedDecoration {
  from: number
  to: number
  /** Make the decoration at the given positions (relative to the node whose set it lands in). */
  make(from: number, to: number): Decoration
}

/** One block's set and where the block sits in the document. */
export interface BlockSet {
  /** Position before the block. */
  from: number
  /** Position after the block. */
  to: number
  set: DecorationSet
}

type SetConstructor = new (local: Decoration[], children: (number | DecorationSet)[]) => DecorationSet
const RawDecorationSet = DecorationSet as unknown as SetConstructor

function byPos(a: Decoration, b: Decoration): number {
  return a.from - b.from || a.to - b.to
}

/** True when `placed` lies strictly inside the block spanning `[from, to]` (as `create` decides). */
export function isInsideBlock(placed: Pick<PlacedDecoration, 'from' | 'to'>, from: number, to: number): boolean {
  return placed.from > from && placed.to < to
}

/**
 * The set of one block `block`, which starts at document position `from`,
 * from the decorations in `placed` that lie strictly inside it (others are
 * ignored). Returns DecorationSet.empty when none do.
 */
export function blockDecorationSet(block: PMNode, from: number, placed: readonly PlacedDecoration[]): DecorationSet {
  const to = from + block.nodeSize
  const base = from + 1
  const inside: Decoration[] = []
  for (const p of placed) if (isInsideBlock(p, from, to)) inside.push(p.make(p.from - base, p.to - base))
  return inside.length ? DecorationSet.create(block, inside) : DecorationSet.empty
}

/**
 * The document-level set made of `local` decorations (absolute positions,
 * each not strictly inside one block) and `blocks` (in document order, not
 * overlapping). Throws RangeError when the blocks are out of order.
 */
export function joinBlockSets(local: readonly Decoration[], blocks: readonly BlockSet[]): DecorationSet {
  const children: (number | DecorationSet)[] = []
  let last = -1
  for (const b of blocks) {
    if (b.from < last) throw new RangeError(`joinBlockSets: block at ${b.from} comes after one ending at ${last}`)
    last = b.to
    if (b.set !== DecorationSet.empty) children.push(b.from, b.to, b.set)
  }
  if (local.length === 0 && children.length === 0) return DecorationSet.empty
  return new RawDecorationSet([...local].sort(byPos), children)
}
