/**
 * Agreement coefficients, each written against its published definition.
 * They know nothing about claims: callers hand them counts or coded units.
 * Undefined results are null, never NaN or a made-up 0.
 */
// Not a statistics library: each coefficient is a few lines checked against its paper, and must give null (not NaN) where it is undefined.
import type { SpanScore } from './model'

/** Observed and chance agreement of a square contingency table, with Cohen's κ. */
export interface KappaResult {
  /** Share of items on the diagonal. */
  observed: number
  /** Σ row share × column share: agreement expected from the marginals alone. */
  expected: number
  /** (observed − expected) / (1 − expected); null when expected is 1. */
  kappa: number | null
}

/**
 * Cohen's κ (Cohen 1960) of a k×k table, `table[i][j]` = items the first rater
 * put in category i and the second in j. Returns null for an empty table.
 * When both raters used one and the same category throughout, expected
 * agreement is 1 and κ is undefined: `kappa` is null. Throws RangeError when
 * the table is not square or holds a negative or non-integer count.
 */
export function cohensKappa(table: readonly (readonly number[])[]): KappaResult | null {
  const k = table.length
  for (const row of table) {
    if (row.length !== k) throw new RangeError(`cohensKappa needs a square table, got a row of ${row.length} in ${k}`)
    for (const cell of row) {
      if (!Number.isInteger(cell) || cell < 0) throw new RangeError(`cohensKappa: bad count ${cell}`)
    }
  }
  const rows = table.map((row) => row.reduce((sum, cell) => sum + cell, 0))
  const columns = table.map((_, j) => table.reduce((sum, row) => sum + row[j]!, 0))
  const total = rows.reduce((sum, n) => sum + n, 0)
  if (total === 0) return null
  const diagonal = table.reduce((sum, row, i) => sum + row[i]!, 0)
  // Integer products decide "expected is exactly 1" without rounding doubt.
  const marginalProducts = rows.reduce((sum, n, i) => sum + n * columns[i]!, 0)
  const observed = diagonal / total
  const expected = marginalProducts / (total * total)
  const kappa = marginalProducts === total * total ? null : (observed - expected) / (1 - expected)
  return { observed, expected, kappa }
}

/** A coded value; null (or undefined) is a missing value. */
export type NominalValue = string | number | null | undefined

/**
 * Krippendorff's α for nominal data with any number of coders and missing
 * values, computed from the coincidence matrix as in Krippendorff (2011),
 * "Computing Krippendorff's Alpha-Reliability", section C.
 * `units[u][c]` is coder c's value for unit u. Units with fewer than two
 * values are not pairable and are ignored. Returns null when fewer than two
 * pairable values exist or every pairable value is the same category
 * (expected disagreement 0: α undefined).
 */
export function krippendorffAlphaNominal(units: readonly (readonly NominalValue[])[]): number | null {
  // Nominal α needs only the off-diagonal sum of the coincidence matrix
  // (Σ o_ck, c ≠ k) and the marginals n_c, so the matrix itself is not kept.
  const totals = new Map<string | number, number>()
  let disagreement = 0
  // Per unit: its distinct values and their counts, in first-seen order, in
  // two small reused arrays (a unit holds a handful of categories; a Map and
  // a filtered copy per unit were most of the time on 10⁵ units).
  const distinct: (string | number)[] = []
  const counts: number[] = []
  for (const unit of units) {
    distinct.length = 0
    counts.length = 0
    let m = 0
    for (const v of unit) {
      if (v === null || v === undefined) continue
      m++
      const at = distinct.indexOf(v)
      if (at >= 0) counts[at]!++
      else {
        distinct.push(v)
        counts.push(1)
      }
    }
    if (m < 2) continue
    // Pairs of different values in the unit, each weighted 1 / (m − 1).
    let same = 0
    for (const n of counts) same += n * (n - 1)
    disagreement += (m * (m - 1) - same) / (m - 1)
    for (let i = 0; i < distinct.length; i++) totals.set(distinct[i]!, (totals.get(distinct[i]!) ?? 0) + counts[i]!)
  }
  const n = [...totals.values()].reduce((sum, x) => sum + x, 0)
  if (n < 2) return null
  let expectedPairs = n * n
  for (const nc of totals.values()) expectedPairs -= nc * nc
  if (expectedPairs === 0) return null
  return 1 - ((n - 1) * disagreement) / expectedPairs
}

/**
 * Precision, recall and F1 from match counts, as brateval reports them with
 * A as the reference and B as the system: tp matched pairs, fp = unmatched
 * B, fn = unmatched A. Ratios with a zero denominator are null (brateval
 * prints 0 there; 0 would claim total disagreement between two empty sets).
 * Throws RangeError when tp exceeds either count.
 */
export function spanScore(tp: number, referenceCount: number, systemCount: number): SpanScore {
  if (tp > referenceCount || tp > systemCount || tp < 0) {
    throw new RangeError(`spanScore: ${tp} matches cannot come from ${referenceCount} and ${systemCount} spans`)
  }
  const fp = systemCount - tp
  const fn = referenceCount - tp
  return {
    tp,
    fp,
    fn,
    precision: systemCount === 0 ? null : tp / systemCount,
    recall: referenceCount === 0 ? null : tp / referenceCount,
    f1: tp + fp + fn === 0 ? null : (2 * tp) / (2 * tp + fp + fn),
  }
}
