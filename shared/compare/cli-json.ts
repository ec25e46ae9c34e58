/**
 * The machine-readable summary `critique compare --json` prints. Its shape
 * (and key order) is a public contract: scripts parse it.
 */
import type { Comparison } from './model'

/** Exactly what `critique compare --json` prints, key order included. */
export interface CliComparisonJson {
  sets: { label: string; claims: number }[]
  aligned: number
  exactSpanMatches: number
  agree: number
  stanceConflicts: number
  onlyA: number
  onlyB: number
  observedAgreement: number | null
  cohensKappa: number | null
  spanF1: { exact: number | null; overlap: number | null }
  krippendorffAlpha: number | null
  charKappa: number | null
}

/** Decimal places kept for ratios in the JSON: enough to compare, short enough to read. */
export const CLI_JSON_DECIMALS = 4

function round(x: number | null): number | null {
  if (x === null) return null
  const factor = 10 ** CLI_JSON_DECIMALS
  // `|| 0` turns -0 (from rounding a tiny negative κ) into 0.
  return Math.round(x * factor) / factor || 0
}

/**
 * The summary of `comparison` for `critique compare --json`: counts as they
 * are, ratios rounded to {@link CLI_JSON_DECIMALS} places, undefined ratios
 * as null. `sets[].claims` counts anchored claims only (orphans excluded).
 * Never throws.
 */
export function toCliJson(comparison: Comparison): CliComparisonJson {
  const f = comparison.figures
  return {
    sets: f.sets.map((s) => ({ label: s.label, claims: s.claims })),
    aligned: f.aligned,
    exactSpanMatches: f.exactSpanMatches,
    agree: f.agree,
    stanceConflicts: f.stanceConflicts,
    onlyA: f.onlyA,
    onlyB: f.onlyB,
    observedAgreement: round(f.observedAgreement),
    cohensKappa: round(f.cohensKappa),
    spanF1: { exact: round(f.spanF1.exact.f1), overlap: round(f.spanF1.overlap.f1) },
    krippendorffAlpha: round(f.krippendorffAlpha),
    charKappa: round(f.charKappa),
  }
}
