/**
 * The comparison model: what {@link compareSets} produces when two or more
 * annotation sets on one document are put side by side.
 *
 * Roles: the first set is A (the reference), the second is B. The outcome
 * list (`items`) and every pairwise figure compare A with B; Krippendorff's α
 * is the only figure that uses every set (see `alignment.ts` for how units
 * are formed across more than two sets).
 */
import type { AnnotationSet, Claim, Stance } from '../claims/model'

/** One annotation set with its claims, as passed to {@link compareSets}. */
export interface SetWithClaims {
  set: AnnotationSet
  claims: readonly Claim[]
}

/** Options of {@link compareSets}. */
export interface CompareOptions {
  /**
   * Smallest Jaccard index (shared characters / characters covered by either)
   * for two claims to align. In [0, 1]; default {@link DEFAULT_MIN_OVERLAP}.
   * 0 aligns any two claims that share at least one character; spans that
   * merely touch never align.
   */
  minOverlap?: number
}

/** Default minimum Jaccard overlap for two claims to align. */
export const DEFAULT_MIN_OVERLAP = 0.5

/** A set as it took part: anchored claims in document order, orphans apart. */
export interface ComparedSet {
  set: AnnotationSet
  /** Claims with a position on the text, sorted by `compareClaimsInDocumentOrder`. */
  claims: readonly Claim[]
  /** Claims marked `orphan: true`: left out of alignment and of every figure but `orphans`. */
  orphans: readonly Claim[]
}

/**
 * Outcome of one item: aligned with the same stance, aligned with different
 * stances, or present in only one of A and B.
 */
export type ItemKind = 'agree' | 'conflict' | 'onlyA' | 'onlyB'

/** One entry of the outcome list (A against B). */
export interface ComparisonItem {
  /**
   * Stable id built from the claim ids only (`A:<id>|B:<id>`, either side
   * empty when absent, ids URI-encoded), so it survives recomputing the
   * comparison as long as the same claims pair up, whatever their stances.
   */
  id: string
  kind: ItemKind
  /** A's claim; null for `onlyB`. */
  a: Claim | null
  /** B's claim; null for `onlyA`. */
  b: Claim | null
  /** Jaccard index of the two spans over code points (see char-agreement.ts); null when one side is absent. */
  jaccard: number | null
  /** Start of the span covered by either claim (UTF-16 offset). */
  start: number
  /** End (exclusive) of the span covered by either claim. */
  end: number
}

/** `'none'` stands for "no aligned claim" (rows/columns of the confusion matrix). */
export type StanceOrNone = Stance | 'none'

/** Order of rows and columns wherever a stance table is printed. */
export const STANCE_OR_NONE: readonly StanceOrNone[] = ['evidenced', 'speculative', 'none']

/** Confusion matrix: `confusion[aStance][bStance]`; `none`/`none` is always 0. */
export type ConfusionMatrix = Record<StanceOrNone, Record<StanceOrNone, number>>

/** Precision, recall and F1 of B's spans against A's, brateval style. */
export interface SpanScore {
  /** A claims matched one-to-one by a B claim. */
  tp: number
  /** B claims left unmatched. */
  fp: number
  /** A claims left unmatched. */
  fn: number
  /** tp / (tp + fp); null when B has no claims. */
  precision: number | null
  /** tp / (tp + fn); null when A has no claims. */
  recall: number | null
  /** 2tp / (2tp + fp + fn); null when neither set has claims. */
  f1: number | null
}

/** Claim counts of one set. */
export interface SetFigures {
  label: string
  /** Anchored claims (orphans excluded). */
  claims: number
  orphans: number
}

/** Every figure of a comparison. Definitions: `FIGURE_DEFINITIONS`. */
export interface ComparisonFigures {
  sets: SetFigures[]
  aligned: number
  exactSpanMatches: number
  agree: number
  stanceConflicts: number
  onlyA: number
  onlyB: number
  /** Null when nothing aligned. */
  observedAgreement: number | null
  /** Null when nothing aligned. */
  expectedAgreement: number | null
  /** Null when nothing aligned or when expected agreement is 1. */
  cohensKappa: number | null
  spanF1: { exact: SpanScore; overlap: SpanScore }
  /** Null when fewer than two values are pairable or all pairable values are the same. */
  krippendorffAlpha: number | null
  /** Pairable units (claims of at least two sets aligned together) that α was computed over. */
  alphaUnits: number
  /** Null when the expected agreement over characters is 1 (e.g. no claims at all). */
  charKappa: number | null
  confusion: ConfusionMatrix
}

/** Result of {@link compareSets}. Plain data: safe to clone or send over IPC. */
export interface Comparison {
  documentId: string
  /** Length of the compared text in UTF-16 code units. */
  textLength: number
  /** The minimum Jaccard overlap that was applied. */
  minOverlap: number
  /** All sets in the order given; `sets[0]` is A, `sets[1]` is B. */
  sets: ComparedSet[]
  /** A against B, in document order (by start, then end, then id). */
  items: ComparisonItem[]
  figures: ComparisonFigures
}
