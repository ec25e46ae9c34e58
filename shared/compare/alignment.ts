/**
 * Span alignment: which claims of different sets are "the same item".
 *
 * Why greedy by Jaccard and not an optimal assignment: alignment pairs are
 * shown to analysts one by one, so each pair must be explainable on its own
 * ("these two overlap more than anything else still free"). A maximum-weight
 * assignment can break an identical-span pair to gain two mediocre ones, which
 * reads as a bug in the UI and would make `exactSpanMatches` exceed the exact
 * pairs actually shown. Greedy by decreasing Jaccard always pairs identical
 * spans first, is a 1/2-approximation of the optimum in the rare components
 * where they differ (at the default 0.5 threshold a claim seldom has two
 * candidates), and costs O(E log E) on the sparse overlap graph.
 *
 * Ties are broken without looking at which set a claim belongs to (Jaccard,
 * then shared length, then the earlier/shorter span, then claim id), so
 * swapping A and B mirrors the result exactly and shuffling inputs changes
 * nothing. Candidate pairs come from a sorted sweep, never an all-pairs scan.
 *
 * More than two sets: units are grown by the same greedy edge order across
 * every pair of sets, with complete linkage: two units merge only when they
 * hold claims of different sets and every cross pair meets the threshold.
 * That keeps at most one claim per set in a unit (so Krippendorff's α sees at
 * most one value per coder) and stops chains a~b~c where a and c hardly
 * overlap. With exactly two sets it is plain greedy one-to-one matching.
 */
import { CompareInputError } from './errors'

/** A claim's span as alignment sees it (UTF-16 offsets, end exclusive). */
export interface AlignSpan {
  start: number
  end: number
  /** Claim id: the last tie-break, so results do not depend on input order. */
  id: string
}

/** One aligned unit: per set, the index of its claim in that set's list, or -1. */
export type AlignedUnit = number[]

/** Shared and covered length of two spans. */
interface Overlap {
  inter: number
  union: number
}

/** Candidate pairs as parallel arrays: fewer objects, less garbage on 10⁴-claim sets. */
interface Edges {
  s1: number[]
  i1: number[]
  s2: number[]
  i2: number[]
  inter: number[]
  jaccard: number[]
  /** The two spans ordered by {@link compareSpans}, for set-blind tie-breaks. */
  lo: AlignSpan[]
  hi: AlignSpan[]
}

/** Shared and covered length of two spans; null when they share no character. */
function overlapOf(a: AlignSpan, b: AlignSpan): Overlap | null {
  if (a.start === b.start && a.end === b.end) {
    // Identical empty spans count as a one-character exact match.
    const length = Math.max(1, a.end - a.start)
    return { inter: length, union: length }
  }
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  if (inter <= 0) return null
  return { inter, union: Math.max(a.end, b.end) - Math.min(a.start, b.start) }
}

/**
 * Jaccard index of two spans over characters: shared / covered by either.
 * Identical spans (even empty ones) give 1; spans sharing no character give 0.
 */
export function jaccardIndex(a: Omit<AlignSpan, 'id'>, b: Omit<AlignSpan, 'id'>): number {
  if (a.start === b.start && a.end === b.end) return 1
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  return inter > 0 ? inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start)) : 0
}

/** Document order of spans: start, then end, then id. */
function compareSpans(a: AlignSpan, b: AlignSpan): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

// Jaccard indices are compared as doubles: two different fractions p/q and
// r/s with q, s < 2^26 differ by more than 2^-52, so correctly rounded
// division keeps them apart and in order. Ties are then truly equal ratios.
function edgeOrder(edges: Edges): (x: number, y: number) => number {
  const { jaccard, inter, lo, hi, s1, i1, s2, i2 } = edges
  return (x, y) =>
    jaccard[y]! - jaccard[x]! ||
    inter[y]! - inter[x]! ||
    compareSpans(lo[x]!, lo[y]!) ||
    compareSpans(hi[x]!, hi[y]!) ||
    s1[x]! - s1[y]! ||
    i1[x]! - i1[y]! ||
    s2[x]! - s2[y]! ||
    i2[x]! - i2[y]!
}

/** Indices of the non-empty spans, by start. */
function nonEmptyByStart(spans: readonly AlignSpan[]): number[] {
  // Packing (start, index) into one double lets the typed array sort
  // natively instead of calling a comparator 10⁵ times.
  const scale = 2 ** 21
  let count = 0
  for (const span of spans) if (span.end > span.start) count++
  if (spans.length <= scale && spans.every((span) => span.start < 2 ** 31)) {
    const keys = new Float64Array(count)
    let k = 0
    spans.forEach((span, i) => {
      if (span.end > span.start) keys[k++] = span.start * scale + i
    })
    keys.sort()
    return Array.from(keys, (key) => key % scale)
  }
  const order: number[] = []
  spans.forEach((span, i) => {
    if (span.end > span.start) order.push(i)
  })
  return order.sort((i, j) => spans[i]!.start - spans[j]!.start)
}

/** Calls `visit(k)` for each active span still open at `at`, dropping the closed ones. */
function scanActive(active: number[], spans: readonly AlignSpan[], at: number, visit: (k: number) => void): void {
  let kept = 0
  for (const k of active) {
    if (spans[k]!.end > at) {
      active[kept++] = k
      visit(k)
    }
  }
  active.length = kept
}

/**
 * Calls `visit(i, j)` once for every pair of `a[i]` and `b[j]` that share at
 * least one character or are identical empty spans. Sorted sweep: O((n + m)
 * log(n + m) + pairs), never O(n·m) unless every span overlaps every other.
 */
export function forEachOverlap(
  a: readonly AlignSpan[],
  b: readonly AlignSpan[],
  visit: (i: number, j: number) => void,
): void {
  const orderA = nonEmptyByStart(a)
  const orderB = nonEmptyByStart(b)
  const activeA: number[] = []
  const activeB: number[] = []
  let ia = 0
  let ib = 0
  while (ia < orderA.length || ib < orderB.length) {
    const nextA = orderA[ia]
    const nextB = orderB[ib]
    if (nextA !== undefined && (nextB === undefined || a[nextA]!.start <= b[nextB]!.start)) {
      scanActive(activeB, b, a[nextA]!.start, (j) => visit(nextA, j))
      activeA.push(nextA)
      ia++
    } else if (nextB !== undefined) {
      scanActive(activeA, a, b[nextB]!.start, (i) => visit(i, nextB))
      activeB.push(nextB)
      ib++
    }
  }
  const emptyB = new Map<number, number[]>()
  b.forEach((span, j) => {
    if (span.end === span.start) emptyB.set(span.start, [...(emptyB.get(span.start) ?? []), j])
  })
  a.forEach((span, i) => {
    if (span.end === span.start) for (const j of emptyB.get(span.start) ?? []) visit(i, j)
  })
}

function meetsThreshold(overlap: Overlap | null, minOverlap: number): boolean {
  return overlap !== null && overlap.inter / overlap.union >= minOverlap
}

/** Throws {@link CompareInputError} unless `minOverlap` is a number in [0, 1]. */
export function checkMinOverlap(minOverlap: number): void {
  if (!(typeof minOverlap === 'number' && minOverlap >= 0 && minOverlap <= 1)) {
    throw new CompareInputError(
      'compare-min-overlap',
      `The minimum overlap must be a number from 0 to 1 (got ${String(minOverlap)}).`,
    )
  }
}

/** Every cross-set pair meeting `minOverlap`, in greedy order (best first). */
function sortedEdges(sets: readonly (readonly AlignSpan[])[], minOverlap: number): { edges: Edges; order: number[] } {
  const edges: Edges = { s1: [], i1: [], s2: [], i2: [], inter: [], jaccard: [], lo: [], hi: [] }
  for (let s1 = 0; s1 < sets.length; s1++) {
    for (let s2 = s1 + 1; s2 < sets.length; s2++) {
      const a = sets[s1]!
      const b = sets[s2]!
      forEachOverlap(a, b, (i1, i2) => {
        const x = a[i1]!
        const y = b[i2]!
        const overlap = overlapOf(x, y)!
        const jaccard = overlap.inter / overlap.union
        if (jaccard < minOverlap) return
        const xFirst = compareSpans(x, y) <= 0
        edges.s1.push(s1)
        edges.i1.push(i1)
        edges.s2.push(s2)
        edges.i2.push(i2)
        edges.inter.push(overlap.inter)
        edges.jaccard.push(jaccard)
        edges.lo.push(xFirst ? x : y)
        edges.hi.push(xFirst ? y : x)
      })
    }
  }
  const order = Array.from(edges.s1, (_, e) => e).sort(edgeOrder(edges))
  return { edges, order }
}

/** Greedy complete-linkage grouping over `order` (see module comment); units unsorted. */
function greedyUnits(
  sets: readonly (readonly AlignSpan[])[],
  edges: Edges,
  order: readonly number[],
  minOverlap: number,
): AlignedUnit[] {
  const k = sets.length
  const unitOf = sets.map((spans) => new Int32Array(spans.length).fill(-1))
  const units: (AlignedUnit | null)[] = []
  // Complete linkage: every claim of `x` against every claim of `y`, different sets only.
  const canJoin = (x: AlignedUnit, y: AlignedUnit): boolean => {
    for (let s = 0; s < k; s++) {
      if (x[s]! < 0) continue
      for (let t = 0; t < k; t++) {
        if (y[t]! < 0) continue
        if (s === t || !meetsThreshold(overlapOf(sets[s]![x[s]!]!, sets[t]![y[t]!]!), minOverlap)) return false
      }
    }
    return true
  }
  const solo = (s: number, i: number): AlignedUnit => {
    const unit = new Array<number>(k).fill(-1)
    unit[s] = i
    return unit
  }
  for (const e of order) {
    if (edges.jaccard[e]! < minOverlap) break
    const s1 = edges.s1[e]!
    const i1 = edges.i1[e]!
    const s2 = edges.s2[e]!
    const i2 = edges.i2[e]!
    const u1 = unitOf[s1]![i1]!
    const u2 = unitOf[s2]![i2]!
    if (u1 < 0 && u2 < 0) {
      // Two free claims: the edge itself meets the threshold.
      const unit = solo(s1, i1)
      unit[s2] = i2
      unitOf[s1]![i1] = unitOf[s2]![i2] = units.length
      units.push(unit)
      continue
    }
    // Cheap rejections first: same unit, or the unit already holds a claim of
    // the other claim's set (always the case with two sets).
    if (u1 === u2 || (u1 >= 0 && units[u1]![s2]! >= 0) || (u2 >= 0 && units[u2]![s1]! >= 0)) continue
    const first = u1 >= 0 ? units[u1]! : solo(s1, i1)
    const second = u2 >= 0 ? units[u2]! : solo(s2, i2)
    if (!canJoin(first, second)) continue
    const id = u1 >= 0 ? u1 : u2
    const merged = first.map((i, s) => (i >= 0 ? i : second[s]!))
    units[id] = merged
    if (u1 >= 0 && u2 >= 0) units[u2] = null
    merged.forEach((i, s) => {
      if (i >= 0) unitOf[s]![i] = id
    })
  }
  const result = units.filter((unit): unit is AlignedUnit => unit !== null)
  unitOf.forEach((of, s) => {
    for (let i = 0; i < of.length; i++) if (of[i]! < 0) result.push(solo(s, i))
  })
  return result
}

function inDocumentOrder(sets: readonly (readonly AlignSpan[])[], units: AlignedUnit[]): AlignedUnit[] {
  const firsts = units.map((unit) => {
    let best: AlignSpan | null = null
    unit.forEach((i, s) => {
      const span = i >= 0 ? sets[s]![i]! : null
      if (span && (!best || compareSpans(span, best) < 0)) best = span
    })
    return best!
  })
  return Array.from(units, (_, u) => u)
    .sort((x, y) => compareSpans(firsts[x]!, firsts[y]!) || x - y)
    .map((u) => units[u]!)
}

/**
 * Align claims of `sets` (one span list per set) once per threshold in
 * `minOverlaps`, sharing one sweep and one sort. Result `[t]` is what
 * {@link alignSpans} gives for `minOverlaps[t]`. Throws
 * {@link CompareInputError} when a threshold is outside [0, 1].
 */
export function alignSpansAt(
  sets: readonly (readonly AlignSpan[])[],
  minOverlaps: readonly number[],
): AlignedUnit[][] {
  return alignSpansUnordered(sets, minOverlaps).map((units) => inDocumentOrder(sets, units))
}

/**
 * {@link alignSpansAt} without putting units in document order, for callers
 * that sort their own results anyway. Same units, same errors.
 */
export function alignSpansUnordered(
  sets: readonly (readonly AlignSpan[])[],
  minOverlaps: readonly number[],
): AlignedUnit[][] {
  minOverlaps.forEach(checkMinOverlap)
  const { edges, order } = sortedEdges(sets, Math.min(...minOverlaps))
  return minOverlaps.map((t) => greedyUnits(sets, edges, order, t))
}

/**
 * Align claims of `sets` (one span list per set) into units holding at most
 * one claim per set, greedily by Jaccard (see module comment). Two claims can
 * only share a unit when they share a character (or are identical) and their
 * Jaccard index is at least `minOverlap`. Every claim lands in exactly one
 * unit; unaligned claims get a unit of their own. Units come in document
 * order of their earliest claim. Throws {@link CompareInputError} when
 * `minOverlap` is outside [0, 1].
 */
export function alignSpans(sets: readonly (readonly AlignSpan[])[], minOverlap: number): AlignedUnit[] {
  return alignSpansAt(sets, [minOverlap])[0]!
}
