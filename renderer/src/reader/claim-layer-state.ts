/**
 * The state of the reader's claims layer: which claims are drawn, as one
 * DecorationSet made of per-block sets (block-decoration-set.ts).
 *
 * Long articles draw lazily: a block's claims become decorations once the
 * block is "realized" — near the viewport now or at some earlier moment (the
 * plugin view in claim-decorations.ts realizes blocks as the reader scrolls).
 * ProseMirror creates DOM for every decoration it is given, in every block,
 * visible or not; drawing only realized blocks keeps opening a 2 MB article
 * with 10,000 claims to the few blocks on screen (docs/performance.md).
 * Realized blocks stay realized, so scrolling back costs nothing, and nothing
 * is ever rebuilt wholesale: a change of claims redraws the blocks those
 * claims touch, realizing redraws the newly realized blocks, and every other
 * block keeps its very set object. Short articles are realized whole at once.
 */
import type { Node as PMNode } from 'prosemirror-model'
import { DecorationSet, type Decoration } from 'prosemirror-view'
import { blockIndexAt, blockIndexAtPos, groupExtent, groupOfBlock, type PositionIndex } from '../../../shared/article/position-map'
import type { Claim } from '../../../shared/claims/model'
import { blockDecorationSet, groupDecorationSet, isInsideBlock, joinGroupSets, type BlockSet, type PlacedDecoration } from './block-decoration-set'

/** Articles up to this many characters are drawn whole from the start. */
export const LAZY_ABOVE_CHARS = 50_000
/** How much text from the top of a long article is drawn before any scrolling. */
export const INITIAL_CHARS = 6_000

/** How the decorations of one claim are placed (claim-decorations.ts supplies it). */
export type PlaceClaim = (claim: Claim) => PlacedDecoration[]

export interface ClaimLayerState {
  /** What ProseMirror draws: the claims of realized blocks. */
  decorations: DecorationSet
  /** Every claim as last given in a full list, drawn or not, to diff the next list against. */
  drawn: ReadonlyMap<string, Claim>
  /**
   * Claims put one by one since that list ({@link withClaimPut}), over `drawn`:
   * kept apart so that a put copies this small map, not the 10,000 of `drawn`.
   */
  put: ReadonlyMap<string, Claim>
  /** 1 for each realized block. Never mutated once in a state. */
  realized: Uint8Array
  /** Per block, the ids of the claims that overlap it (orphans excluded). */
  byBlock: readonly (readonly string[] | undefined)[]
  /** The set of each realized block that has claims. */
  blockSets: ReadonlyMap<number, DecorationSet>
  /** The set of each group (block-groups.ts) with a block in `blockSets`, made of those blocks' sets. */
  groupSets: ReadonlyMap<number, DecorationSet>
  /** Claims whose span crosses a block boundary; their highlight sits at the top level. */
  crossing: ReadonlySet<string>
}

/**
 * {@link blockSpan}, searching forward from block `hint` when the claim starts
 * at or after that block (claims in document order: each search is a step or
 * two instead of two binary searches over thousands of blocks).
 */
export function blockSpanFrom(index: PositionIndex, claim: Claim, hint: number): [number, number] {
  const { start, end } = claim.target.position
  const clamp = (n: number) => Math.min(Math.max(n, 0), index.textLength)
  const from = clamp(start)
  const n = index.starts.length
  if (hint < 0 || hint >= n || index.starts[hint]! > from) return blockSpan(index, claim)
  let lo = hint
  while (lo + 1 < n && index.starts[lo + 1]! <= from) lo++
  const first = from > index.starts[lo]! + index.lengths[lo]! ? lo + 1 : lo
  const to = clamp(Math.max(start, end))
  let hi = lo
  while (hi + 1 < n && index.starts[hi + 1]! <= to) hi++
  const last = Math.max(first, hi)
  return [Math.min(first, n - 1), Math.min(last, n - 1)]
}

/** Blocks `[first, last]` that the claim's span overlaps. */
export function blockSpan(index: PositionIndex, claim: Claim): [number, number] {
  const { start, end } = claim.target.position
  const clamp = (n: number) => Math.min(Math.max(n, 0), index.textLength)
  const first = blockIndexAt(index, clamp(start), 1)
  const last = Math.max(first, blockIndexAt(index, clamp(Math.max(start, end)), -1))
  return [Math.min(first, index.starts.length - 1), Math.min(last, index.starts.length - 1)]
}

/** The layer before any claim: short articles wholly realized, long ones from the top. */
export function emptyLayer(index: PositionIndex): ClaimLayerState {
  const n = index.starts.length
  const realized = new Uint8Array(n)
  if (index.textLength <= LAZY_ABOVE_CHARS) realized.fill(1)
  else for (let b = 0; b < n && index.starts[b]! <= INITIAL_CHARS; b++) realized[b] = 1
  return { decorations: DecorationSet.empty, drawn: new Map(), put: new Map(), realized, byBlock: new Array(n), blockSets: new Map(), groupSets: new Map(), crossing: new Set() }
}

/** Claims by id: what a state has drawn (`put` over `drawn`), or a plain map. */
type ClaimLookup = Pick<ReadonlyMap<string, Claim>, 'get'>

function lookup(state: Pick<ClaimLayerState, 'drawn' | 'put'>): ClaimLookup {
  if (state.put.size === 0) return state.drawn
  return { get: (id) => state.put.get(id) ?? state.drawn.get(id) }
}

function changedSince(old: Claim | undefined, now: Claim | undefined): boolean {
  if (old === now) return false
  return !old || !now || now.modified !== old.modified || now.stance !== old.stance || now.orphan !== old.orphan
}

function setOfBlock(doc: PMNode, index: PositionIndex, b: number, ids: readonly string[] | undefined, claims: ClaimLookup, place: PlaceClaim): DecorationSet | null {
  if (!ids?.length) return null
  const placed: PlacedDecoration[] = []
  for (const id of ids) {
    const claim = claims.get(id)
    if (claim) placed.push(...place(claim))
  }
  const g = groupOfBlock(index, b)
  const block = doc.child(g).child(b - index.groupFirst[g]!)
  const set = blockDecorationSet(block, index.nodeStarts[b]!, placed)
  return set === DecorationSet.empty ? null : set
}

type Parts = Omit<ClaimLayerState, 'decorations' | 'groupSets'>

/** The groups' sets with those holding a block of `dirty` rebuilt from `blockSets` (all groups when `dirty` is null). */
function regrouped(index: PositionIndex, before: ReadonlyMap<number, DecorationSet>, blockSets: ReadonlyMap<number, DecorationSet>, dirty: Iterable<number> | null): Map<number, DecorationSet> {
  const groups = dirty === null ? index.groupFirst.map((_, g) => g) : [...new Set([...dirty].map((b) => groupOfBlock(index, b)))]
  const next = dirty === null ? new Map<number, DecorationSet>() : new Map(before)
  for (const g of groups) {
    const { first, end, from, to } = groupExtent(index, g)
    const blocks: BlockSet[] = []
    for (let b = first; b < end; b++) {
      const set = blockSets.get(b)
      if (set) blocks.push({ from: index.nodeStarts[b]!, to: index.nodeStarts[b]! + index.lengths[b]! + 2, set })
    }
    const set = groupDecorationSet(from, to, blocks)
    if (set === DecorationSet.empty) next.delete(g)
    else next.set(g, set)
  }
  return next
}

/**
 * Join the realized blocks' sets (through their groups' sets, rebuilt for the
 * groups holding a `dirty` block, or all when null) and the realized crossing
 * claims into the drawn set.
 */
function assemble(index: PositionIndex, s: Parts, groupSetsBefore: ReadonlyMap<number, DecorationSet>, dirty: Iterable<number> | null, place: PlaceClaim): ClaimLayerState {
  const local: Decoration[] = []
  const claims = lookup(s)
  for (const id of s.crossing) {
    const claim = claims.get(id)
    if (!claim) continue
    const [first, last] = blockSpan(index, claim)
    let seen = false
    for (let b = first; b <= last && !seen; b++) seen = s.realized[b] === 1
    if (!seen) continue
    for (const p of place(claim)) {
      const b = blockIndexAtPos(index, p.from, 1)
      const from = index.nodeStarts[b]!
      if (!isInsideBlock(p, from, from + index.lengths[b]! + 2)) local.push(p.make(p.from, p.to))
    }
  }
  const groupSets = regrouped(index, groupSetsBefore, s.blockSets, dirty)
  const groups: BlockSet[] = []
  for (let g = 0; g < index.groupFirst.length; g++) {
    const set = groupSets.get(g)
    if (!set) continue
    const { from, to } = groupExtent(index, g)
    groups.push({ from, to, set })
  }
  return { ...s, groupSets, decorations: joinGroupSets(local, groups) }
}

function fullBuild(doc: PMNode, index: PositionIndex, realized: Uint8Array, claims: ReadonlyMap<string, Claim>, place: PlaceClaim): ClaimLayerState {
  const byBlock: string[][] = new Array(index.starts.length)
  const crossing = new Set<string>()
  let hint = 0
  for (const claim of claims.values()) {
    if (claim.orphan) continue
    const [first, last] = blockSpanFrom(index, claim, hint)
    hint = first
    if (last > first) crossing.add(claim.id)
    for (let b = first; b <= last; b++) (byBlock[b] ??= []).push(claim.id)
  }
  const blockSets = new Map<number, DecorationSet>()
  for (let b = 0; b < byBlock.length; b++) {
    if (realized[b] !== 1) continue
    const set = setOfBlock(doc, index, b, byBlock[b], claims, place)
    if (set) blockSets.set(b, set)
  }
  return assemble(index, { drawn: claims, put: new Map(), realized, byBlock, blockSets, crossing }, new Map(), null, place)
}

// Past this many changed claims in one update, one pass over all claims is
// cheaper than patching the per-block lists claim by claim.
const PATCH_AT_MOST = 200

/**
 * The layer drawing `claims` (all of them; drawn where realized), changed
 * from `state` only where claims were added, removed or edited (by id and
 * `modified`, stance and orphan flag). Never throws for claims whose offsets
 * are inside the text.
 */
export function withClaims(state: ClaimLayerState, doc: PMNode, index: PositionIndex, claims: readonly Claim[], place: PlaceClaim): ClaimLayerState {
  const next = new Map(claims.map((c) => [c.id, c]))
  const before = lookup(state)
  const changed = new Set<string>()
  for (const [id, old] of state.drawn) if (changedSince(state.put.get(id) ?? old, next.get(id))) changed.add(id)
  for (const [id, old] of state.put) if (!state.drawn.has(id) && changedSince(old, next.get(id))) changed.add(id)
  for (const id of next.keys()) if (before.get(id) === undefined) changed.add(id)
  if (changed.size === 0) return { ...state, drawn: next, put: new Map() }
  if (state.drawn.size === 0 || changed.size > PATCH_AT_MOST) return fullBuild(doc, index, state.realized, next, place)
  return patched(state, doc, index, { drawn: next, put: new Map() }, changed, place)
}

/**
 * The layer with one claim added or replaced (by id), the others as they
 * were: what a new or edited claim needs drawn at once, without diffing the
 * whole list (the next {@link withClaims} with that very claim object finds
 * nothing to redraw). Never throws for a claim whose offsets are inside the text.
 */
export function withClaimPut(state: ClaimLayerState, doc: PMNode, index: PositionIndex, claim: Claim, place: PlaceClaim): ClaimLayerState {
  if (!changedSince(lookup(state).get(claim.id), claim)) return state
  if (state.drawn.size === 0) return fullBuild(doc, index, state.realized, new Map(state.put).set(claim.id, claim), place)
  return patched(state, doc, index, { drawn: state.drawn, put: new Map(state.put).set(claim.id, claim) }, new Set([claim.id]), place)
}

/** Redraw the blocks that the `changed` claims touched before and touch in `claims`. */
function patched(
  state: ClaimLayerState,
  doc: PMNode,
  index: PositionIndex,
  claims: Pick<ClaimLayerState, 'drawn' | 'put'>,
  changed: ReadonlySet<string>,
  place: PlaceClaim,
): ClaimLayerState {
  const previous = lookup(state)
  const next = lookup(claims)
  const byBlock = state.byBlock.slice()
  const crossing = new Set(state.crossing)
  const dirty = new Set<number>()
  for (const id of changed) {
    const old = previous.get(id)
    if (old && !old.orphan) {
      const [first, last] = blockSpan(index, old)
      for (let b = first; b <= last; b++) {
        byBlock[b] = (byBlock[b] ?? []).filter((x) => x !== id)
        dirty.add(b)
      }
      crossing.delete(id)
    }
    const now = next.get(id)
    if (now && !now.orphan) {
      const [first, last] = blockSpan(index, now)
      if (last > first) crossing.add(id)
      for (let b = first; b <= last; b++) {
        byBlock[b] = [...(byBlock[b] ?? []), id]
        dirty.add(b)
      }
    }
  }
  const blockSets = new Map(state.blockSets)
  for (const b of dirty) {
    blockSets.delete(b)
    if (state.realized[b] !== 1) continue
    const set = setOfBlock(doc, index, b, byBlock[b], next, place)
    if (set) blockSets.set(b, set)
  }
  return assemble(index, { ...claims, realized: state.realized, byBlock, blockSets, crossing }, state.groupSets, dirty, place)
}

/** True when every block in `[first, last]` is realized. */
export function isRealized(state: ClaimLayerState, first: number, last: number): boolean {
  for (let b = Math.max(0, first); b <= last && b < state.realized.length; b++) if (state.realized[b] !== 1) return false
  return true
}

/** The layer with blocks `[first, last]` (clamped to the document) realized and drawn. */
export function realizing(state: ClaimLayerState, doc: PMNode, index: PositionIndex, first: number, last: number, place: PlaceClaim): ClaimLayerState {
  const lo = Math.max(0, first)
  const hi = Math.min(state.realized.length - 1, last)
  if (isRealized(state, lo, hi)) return state
  const realized = state.realized.slice()
  const blockSets = new Map(state.blockSets)
  const dirty: number[] = []
  for (let b = lo; b <= hi; b++) {
    if (realized[b] === 1) continue
    realized[b] = 1
    const set = setOfBlock(doc, index, b, state.byBlock[b], lookup(state), place)
    if (set) {
      blockSets.set(b, set)
      dirty.push(b)
    }
  }
  const parts = { drawn: state.drawn, put: state.put, realized, byBlock: state.byBlock, blockSets, crossing: state.crossing }
  return assemble(index, parts, state.groupSets, dirty, place)
}
