/**
 * The numbers at the top of a critique report: how the analyst judged the
 * article's claims, and how much of that judgement is backed or challenged.
 */
import { STANCES, type Claim, type Stance } from '../claims/model'

/** Counts over a list of claims; see {@link summariseClaims}. */
export interface ClaimSummary {
  total: number
  byStance: Record<Stance, number>
  /** Speculative claims as a whole-number percentage of all claims; null when there are none. */
  speculativePercent: number | null
  /** Claims with at least one evidence item. */
  withEvidence: number
  /** Claims with at least one counterpoint. */
  withCounterpoints: number
  /** Claims with both evidence and counterpoints. */
  withBoth: number
  /** Claims with neither evidence nor counterpoints. */
  withNeither: number
  /**
   * Claims the caller's predicate flags as stated with certainty but without
   * evidence; null when no predicate was given (the report then omits the line).
   */
  certaintyWithoutEvidence: number | null
}

/** Options of {@link summariseClaims}. */
export interface SummariseOptions {
  /**
   * Decides whether a claim asserts certainty without evidence (for example
   * from the claim finder's certainty cues). Must be pure; it is called once
   * per claim.
   */
  isCertaintyWithoutEvidence?: (claim: Claim) => boolean
}

/** Stance counts of `claims`, one entry per stance (zeros included). Never throws. */
export function countByStance(claims: readonly Claim[]): Record<Stance, number> {
  const counts = Object.fromEntries(STANCES.map((stance) => [stance, 0])) as Record<Stance, number>
  for (const claim of claims) counts[claim.stance]++
  return counts
}

/**
 * Summarise `claims` (orphans included: they are still the analyst's claims).
 * Percentages are rounded half up to whole numbers. Never throws, except what
 * the caller's predicate throws.
 */
export function summariseClaims(claims: readonly Claim[], options: SummariseOptions = {}): ClaimSummary {
  let withEvidence = 0
  let withCounterpoints = 0
  let withBoth = 0
  let certain = 0
  for (const claim of claims) {
    const evidenced = claim.evidence.length > 0
    const countered = claim.counterpoints.length > 0
    if (evidenced) withEvidence++
    if (countered) withCounterpoints++
    if (evidenced && countered) withBoth++
    if (options.isCertaintyWithoutEvidence?.(claim)) certain++
  }
  const byStance = countByStance(claims)
  const total = claims.length
  return {
    total,
    byStance,
    speculativePercent: total === 0 ? null : Math.round((byStance.speculative * 100) / total),
    withEvidence,
    withCounterpoints,
    withBoth,
    withNeither: total - withEvidence - withCounterpoints + withBoth,
    certaintyWithoutEvidence: options.isCertaintyWithoutEvidence ? certain : null,
  }
}
