/**
 * The candidate pairs of span alignment (alignment.ts) and their greedy order:
 * a sorted sweep finds every cross-set pair of overlapping spans (never an
 * all-pairs scan), keeps those meeting the Jaccard threshold in parallel typed
 * arrays, and sorts them best first with the set-blind tie-breaks that
 * alignment.ts explains. Split from the grouping so each file holds one step.
 */
import { CompareInputError } from './errors'

/** A claim's span as alignment sees it (code points, as every character figure counts; end exclusive). */
export interface AlignSpan {
  start: number
  end: number
  /** Claim id: the last tie-break, so results do not depend on input order. */
  id: string
}

/** One aligned unit: per set, the index of its claim in that set's list, or -1. */
export type AlignedUnit = number[]

/**
 * Candidate pairs as parallel typed arrays (`count` used): no object per
 * pair, and no garbage for the young generation to copy, on 10⁵-edge
 * comparisons of many sets.
 */
interface Edges {
  count: number
  s1: Int32Array
  i1: Int32Array
  s2: Int32Array
  i2: Int32Array
  inter: Int32Array
  jaccard: Float64Array
  /** 1 when the first claim's span comes first by {@link compareSpans} (the "lower" span of set-blind tie-breaks), else 0. */
  firstIsLow: Uint8Array
  /** Start of the lower span. */
  lowStart: Float64Array
}

function emptyEdges(capacity: number): Edges {
  return {
    count: 0,
    s1: new Int32Array(capacity),
    i1: new Int32Array(capacity),
    s2: new Int32Array(capacity),
    i2: new Int32Array(capacity),
    inter: new Int32Array(capacity),
    jaccard: new Float64Array(capacity),
    firstIsLow: new Uint8Array(capacity),
    lowStart: new Float64Array(capacity),
  }
}

/** `edges` with room for twice as many. */
function grown(edges: Edges): Edges {
  const next = emptyEdges(Math.max(1024, edges.s1.length * 2))
  next.count = edges.count
  next.s1.set(edges.s1)
  next.i1.set(edges.i1)
  next.s2.set(edges.s2)
  next.i2.set(edges.i2)
  next.inter.set(edges.inter)
  next.jaccard.set(edges.jaccard)
  next.firstIsLow.set(edges.firstIsLow)
  next.lowStart.set(edges.lowStart)
  return next
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
export function compareSpans(a: AlignSpan, b: AlignSpan): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

// Jaccard indices are compared as doubles: two different fractions p/q and
// r/s with q, s < 2^26 differ by more than 2^-52, so correctly rounded
// division keeps them apart and in order. Ties are then truly equal ratios.
function edgeOrder(sets: readonly (readonly AlignSpan[])[], edges: Edges): (x: number, y: number) => number {
  const { jaccard, inter, firstIsLow, s1, i1, s2, i2 } = edges
  const first = (e: number) => sets[s1[e]!]![i1[e]!]!
  const second = (e: number) => sets[s2[e]!]![i2[e]!]!
  const lo = (e: number) => (firstIsLow[e] ? first(e) : second(e))
  const hi = (e: number) => (firstIsLow[e] ? second(e) : first(e))
  return (x, y) =>
    jaccard[y]! - jaccard[x]! ||
    inter[y]! - inter[x]! ||
    compareSpans(lo(x), lo(y)) ||
    compareSpans(hi(x), hi(y)) ||
    s1[x]! - s1[y]! ||
    i1[x]! - i1[y]! ||
    s2[x]! - s2[y]! ||
    i2[x]! - i2[y]!
}

/** Indices of the non-empty spans, by start. */
function nonEmptyByStart(spans: readonly AlignSpan[]): Int32Array {
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
    // Int32Array: indices computed with `%` would otherwise be stored, and used as keys, as doubles.
    const order = new Int32Array(count)
    for (let j = 0; j < count; j++) order[j] = keys[j]! % scale
    return order
  }
  const order: number[] = []
  spans.forEach((span, i) => {
    if (span.end > span.start) order.push(i)
  })
  return Int32Array.from(order.sort((i, j) => spans[i]!.start - spans[j]!.start))
}

/**
 * The sorted sweep of {@link forEachOverlap} over non-empty spans, given each
 * list's {@link nonEmptyByStart} order (so a list compared with several
 * others is sorted once).
 */
function sweepOverlaps(
  a: readonly AlignSpan[],
  b: readonly AlignSpan[],
  orderA: Int32Array,
  orderB: Int32Array,
  visit: (i: number, j: number) => void,
): void {
  const activeA: number[] = []
  const activeB: number[] = []
  let ia = 0
  let ib = 0
  // scanActive inlined: a callback per event would be a closure per span, 10⁵-10⁶ of them on large comparisons.
  while (ia < orderA.length || ib < orderB.length) {
    if (ia < orderA.length && (ib >= orderB.length || a[orderA[ia]!]!.start <= b[orderB[ib]!]!.start)) {
      const nextA = orderA[ia]!
      const at = a[nextA]!.start
      let kept = 0
      for (let q = 0; q < activeB.length; q++) {
        const j = activeB[q]!
        if (b[j]!.end > at) {
          activeB[kept++] = j
          visit(nextA, j)
        }
      }
      activeB.length = kept
      activeA.push(nextA)
      ia++
    } else {
      const nextB = orderB[ib]!
      const at = b[nextB]!.start
      let kept = 0
      for (let q = 0; q < activeA.length; q++) {
        const i = activeA[q]!
        if (a[i]!.end > at) {
          activeA[kept++] = i
          visit(i, nextB)
        }
      }
      activeA.length = kept
      activeB.push(nextB)
      ib++
    }
  }
}

/** Calls `visit(i, j)` for every pair of identical empty spans `a[i]`, `b[j]`. */
function visitEmptyPairs(a: readonly AlignSpan[], b: readonly AlignSpan[], visit: (i: number, j: number) => void): void {
  let emptyB: Map<number, number[]> | null = null
  b.forEach((span, j) => {
    if (span.end !== span.start) return
    emptyB ??= new Map()
    const list = emptyB.get(span.start)
    if (list) list.push(j)
    else emptyB.set(span.start, [j])
  })
  if (!emptyB) return
  const byStart: Map<number, number[]> = emptyB
  a.forEach((span, i) => {
    if (span.end === span.start) for (const j of byStart.get(span.start) ?? []) visit(i, j)
  })
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
  sweepOverlaps(a, b, nonEmptyByStart(a), nonEmptyByStart(b), visit)
  visitEmptyPairs(a, b, visit)
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

/**
 * Rank of each edge's (Jaccard, shared length) pair, best first: equal pairs
 * get equal ranks. There are few distinct pairs (claims are short), so they
 * are sorted once as pairs instead of once per edge.
 */
function pairRanks(edges: Edges): Int32Array {
  const { jaccard, inter, count } = edges
  const distinct = new Map<number, Map<number, number>>()
  const pairs: [number, number][] = []
  for (let e = 0; e < count; e++) {
    let byInter = distinct.get(jaccard[e]!)
    if (!byInter) distinct.set(jaccard[e]!, (byInter = new Map()))
    if (!byInter.has(inter[e]!)) {
      byInter.set(inter[e]!, 0)
      pairs.push([jaccard[e]!, inter[e]!])
    }
  }
  pairs.sort((x, y) => y[0] - x[0] || y[1] - x[1])
  pairs.forEach(([j, i], rank) => distinct.get(j)!.set(i, rank))
  const ranks = new Int32Array(count)
  for (let e = 0; e < count; e++) ranks[e] = distinct.get(jaccard[e]!)!.get(inter[e]!)!
  return ranks
}

/**
 * Edge indices in {@link edgeOrder}, without calling a comparator per pair:
 * edges are bucketed by the rank of their (Jaccard, shared length) pair, each
 * bucket is sorted natively by the lower span's start (start and edge index
 * packed into one double), and only runs equal on all three go through the
 * full comparator. Same order as sorting with {@link edgeOrder} alone.
 */
function sortEdges(sets: readonly (readonly AlignSpan[])[], edges: Edges): Int32Array {
  const { count, lowStart } = edges
  const full = edgeOrder(sets, edges)
  let maxStart = 0
  for (let e = 0; e < count; e++) if (lowStart[e]! > maxStart) maxStart = lowStart[e]!
  // Exact while start·count + index stays below 2^53.
  if ((maxStart + 1) * count >= 2 ** 53) return Int32Array.from(Array.from({ length: count }, (_, e) => e).sort(full))
  const ranks = pairRanks(edges)
  let rankCount = 0
  for (const rank of ranks) if (rank >= rankCount) rankCount = rank + 1
  // Counting sort by rank: bucket b holds its edges at [bucketStart[b], bucketStart[b + 1]).
  const bucketStart = new Int32Array(rankCount + 1)
  for (const rank of ranks) bucketStart[rank + 1]!++
  for (let b = 0; b < rankCount; b++) bucketStart[b + 1]! += bucketStart[b]!
  const fill = bucketStart.slice(0, rankCount)
  const keys = new Float64Array(count)
  for (let e = 0; e < count; e++) keys[fill[ranks[e]!]!++] = lowStart[e]! * count + e
  // Int32Array: indices computed with `%` would otherwise be stored as doubles.
  const order = new Int32Array(count)
  for (let b = 0; b < rankCount; b++) {
    const bucket = keys.subarray(bucketStart[b]!, bucketStart[b + 1]!).sort()
    const base = bucketStart[b]!
    for (let k = 0; k < bucket.length; ) {
      // A run of edges with the same lower start: the full comparator decides among them.
      const start = Math.floor(bucket[k]! / count)
      let end = k + 1
      while (end < bucket.length && Math.floor(bucket[end]! / count) === start) end++
      for (let r = k; r < end; r++) order[base + r] = bucket[r]! % count
      if (end - k > 1) {
        const run = Array.from(order.subarray(base + k, base + end)).sort(full)
        for (let r = 0; r < run.length; r++) order[base + k + r] = run[r]!
      }
      k = end
    }
  }
  return order
}

/**
 * Edges in greedy order, laid out one after the other: for edge r, its two
 * claims as (set, index) at `claims[4r .. 4r + 3]` and its Jaccard index at
 * `jaccard[r]`. The greedy pass then reads memory in order; reading the
 * parallel arrays through a sorted index instead cost a cache miss per array
 * per edge, most of its time on 10⁵ edges.
 */
export interface OrderedEdges {
  count: number
  claims: Int32Array
  jaccard: Float64Array
}

/** Every cross-set pair meeting `minOverlap`, in greedy order (best first). */
export function orderedEdges(sets: readonly (readonly AlignSpan[])[], minOverlap: number): OrderedEdges {
  const { edges, order } = sortedEdges(sets, minOverlap)
  const claims = new Int32Array(4 * edges.count)
  const jaccard = new Float64Array(edges.count)
  for (let r = 0; r < edges.count; r++) {
    const e = order[r]!
    claims[4 * r] = edges.s1[e]!
    claims[4 * r + 1] = edges.i1[e]!
    claims[4 * r + 2] = edges.s2[e]!
    claims[4 * r + 3] = edges.i2[e]!
    jaccard[r] = edges.jaccard[e]!
  }
  return { count: edges.count, claims, jaccard }
}

function sortedEdges(sets: readonly (readonly AlignSpan[])[], minOverlap: number): { edges: Edges; order: Int32Array } {
  let edges = emptyEdges(sets.reduce((n, spans) => n + spans.length, 0))
  const orders = sets.map(nonEmptyByStart)
  for (let s1 = 0; s1 < sets.length; s1++) {
    for (let s2 = s1 + 1; s2 < sets.length; s2++) {
      const a = sets[s1]!
      const b = sets[s2]!
      const visit = (i1: number, i2: number): void => {
        const x = a[i1]!
        const y = b[i2]!
        // Shared and covered length; identical empty spans count as a one-character exact match.
        let inter: number
        let union: number
        if (x.start === y.start && x.end === y.end) inter = union = Math.max(1, x.end - x.start)
        else {
          inter = Math.min(x.end, y.end) - Math.max(x.start, y.start)
          union = Math.max(x.end, y.end) - Math.min(x.start, y.start)
        }
        const jaccard = inter / union
        if (jaccard < minOverlap) return
        const xFirst = compareSpans(x, y) <= 0
        if (edges.count === edges.s1.length) edges = grown(edges)
        const e = edges.count++
        edges.s1[e] = s1
        edges.i1[e] = i1
        edges.s2[e] = s2
        edges.i2[e] = i2
        edges.inter[e] = inter
        edges.jaccard[e] = jaccard
        edges.firstIsLow[e] = xFirst ? 1 : 0
        edges.lowStart[e] = xFirst ? x.start : y.start
      }
      sweepOverlaps(a, b, orders[s1]!, orders[s2]!, visit)
      visitEmptyPairs(a, b, visit)
    }
  }
  return { edges, order: sortEdges(sets, edges) }
}
