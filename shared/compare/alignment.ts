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
import { checkMinOverlap, compareSpans, orderedEdges, type AlignSpan, type AlignedUnit, type OrderedEdges } from './alignment-edges'

export { checkMinOverlap, forEachOverlap, jaccardIndex, type AlignSpan, type AlignedUnit } from './alignment-edges'

/** Whether two spans may share a unit at `minOverlap`: identical, or sharing characters with Jaccard ≥ `minOverlap`. No allocation: called O(k²) times per merge. */
function spansJoin(x: AlignSpan, y: AlignSpan, minOverlap: number): boolean {
  // Identical spans (empty ones too) have Jaccard 1, which meets any threshold in [0, 1].
  if (x.start === y.start && x.end === y.end) return true
  const inter = Math.min(x.end, y.end) - Math.max(x.start, y.start)
  return inter > 0 && inter / (Math.max(x.end, y.end) - Math.min(x.start, y.start)) >= minOverlap
}

/** Greedy complete-linkage grouping over `order` (see module comment); units unsorted. */
function greedyUnits(
  sets: readonly (readonly AlignSpan[])[],
  edges: OrderedEdges,
  minOverlap: number,
): AlignedUnit[] {
  const k = sets.length
  const unitOf = sets.map((spans) => new Int32Array(spans.length).fill(-1))
  const units: (AlignedUnit | null)[] = []
  // A free claim stands in as a one-claim unit; these two are reused, never stored.
  const scratch = [new Array<number>(k).fill(-1), new Array<number>(k).fill(-1)] as const
  const asUnit = (u: number, s: number, i: number, slot: 0 | 1): AlignedUnit => {
    if (u >= 0) return units[u]!
    const unit = scratch[slot]
    unit.fill(-1)
    unit[s] = i
    return unit
  }
  // Complete linkage: every claim of `x` against every claim of `y`, different sets only.
  const canJoin = (x: AlignedUnit, y: AlignedUnit): boolean => {
    for (let s = 0; s < k; s++) {
      if (x[s]! < 0) continue
      const span = sets[s]![x[s]!]!
      for (let t = 0; t < k; t++) {
        if (y[t]! < 0) continue
        if (s === t || !spansJoin(span, sets[t]![y[t]!]!, minOverlap)) return false
      }
    }
    return true
  }
  const solo = (s: number, i: number): AlignedUnit => {
    const unit = new Array<number>(k).fill(-1)
    unit[s] = i
    return unit
  }
  const { claims, jaccard, count } = edges
  for (let r = 0; r < count; r++) {
    if (jaccard[r]! < minOverlap) break
    const s1 = claims[4 * r]!
    const i1 = claims[4 * r + 1]!
    const s2 = claims[4 * r + 2]!
    const i2 = claims[4 * r + 3]!
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
    const first = asUnit(u1, s1, i1, 0)
    const second = asUnit(u2, s2, i2, 1)
    if (!canJoin(first, second)) continue
    // The units hold claims of different sets (canJoin checked), so the kept
    // unit takes the other's claims in place.
    const id = u1 >= 0 ? u1 : u2
    const kept = units[id]!
    const other = id === u1 ? second : first
    for (let s = 0; s < k; s++) {
      if (other[s]! < 0) continue
      kept[s] = other[s]!
      unitOf[s]![other[s]!] = id
    }
    if (u1 >= 0 && u2 >= 0) units[u2] = null
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
  const edges = orderedEdges(sets, Math.min(...minOverlaps))
  return minOverlaps.map((t) => greedyUnits(sets, edges, t))
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
