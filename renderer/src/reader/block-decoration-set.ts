/**
 * Assemble a document-level DecorationSet from per-block sets without
 * `DecorationSet.create` over the whole document. `create` (prosemirror-view
 * 1.42) hands every top-level child the whole remaining decoration array to
 * scan (`takeSpansForNode`), so 20,000 decorations over 8,600 paragraphs cost
 * 8,600 × 20,000 comparisons, a quarter of a second on the bench's 2 MB
 * article (docs/performance.md). Built here instead: one small set per block
 * (`create` over that block alone), joined into the tree shape of the
 * document (`doc > block_group > block`, schema.ts): each group's set holds
 * its blocks' sets as children, the document's set holds the groups' sets,
 * and decorations not strictly inside one block stay at the top level
 * (ProseMirror hands each child the part of them that covers it). So `find`,
 * `add`, `remove`, `map` and drawing behave as for a set from `create`, and
 * an unchanged block or group keeps the very same set object from one state
 * to the next (ProseMirror then skips it when redrawing).
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

/** One block's (or group's) set and where the node sits in the document. */
export interface BlockSet {
  /** Position before the node. */
  from: number
  /** Position after the node. */
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
 * The set of one group spanning `[from, to]` from its blocks' sets (absolute
 * positions, in document order, inside the group, not overlapping). Returns
 * DecorationSet.empty when no block has a set. Throws RangeError when the
 * blocks are out of order or outside the group.
 */
export function groupDecorationSet(from: number, to: number, blocks: readonly BlockSet[]): DecorationSet {
  const base = from + 1
  return childrenSet([], blocks, base, to - 1)
}

/**
 * The document-level set made of `local` decorations (absolute positions,
 * each not strictly inside one block) and `groups` (the groups' sets from
 * {@link groupDecorationSet}, in document order, not overlapping). Throws
 * RangeError when the groups are out of order.
 */
export function joinGroupSets(local: readonly Decoration[], groups: readonly BlockSet[]): DecorationSet {
  return childrenSet(local, groups, 0, Infinity)
}

/** A set of `local` (positions relative to `base`) and `nodes` (absolute) as children relative to `base`. */
function childrenSet(local: readonly Decoration[], nodes: readonly BlockSet[], base: number, end: number): DecorationSet {
  const children: (number | DecorationSet)[] = []
  let last = base
  for (const n of nodes) {
    if (n.from < last || n.to > end) throw new RangeError(`block set at ${n.from}-${n.to} is out of order or outside ${base}-${end}`)
    last = n.to
    if (n.set !== DecorationSet.empty) children.push(n.from - base, n.to - base, n.set)
  }
  if (local.length === 0 && children.length === 0) return DecorationSet.empty
  return new RawDecorationSet([...local].sort(byPos), children)
}
