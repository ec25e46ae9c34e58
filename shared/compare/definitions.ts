/**
 * What each comparison figure means, in words fit for hover text and for
 * reports. The keys are the figure names of `toCliJson`, so UI, CLI and
 * reports describe a number the same way wherever it appears.
 */

/** Names of the figures that have a definition. */
export type FigureName =
  | 'claims'
  | 'orphans'
  | 'aligned'
  | 'exactSpanMatches'
  | 'agree'
  | 'stanceConflicts'
  | 'onlyA'
  | 'onlyB'
  | 'observedAgreement'
  | 'cohensKappa'
  | 'spanF1.exact'
  | 'spanF1.overlap'
  | 'krippendorffAlpha'
  | 'charKappa'
  | 'confusion'

/** Short human labels of the figures, for table headings. */
export const FIGURE_LABELS: Readonly<Record<FigureName, string>> = {
  claims: 'Claims',
  orphans: 'Orphaned claims',
  aligned: 'Aligned pairs',
  exactSpanMatches: 'Exact span matches',
  agree: 'Agree',
  stanceConflicts: 'Stance conflicts',
  onlyA: 'Only in A',
  onlyB: 'Only in B',
  observedAgreement: 'Observed agreement',
  cohensKappa: "Cohen's κ (stance)",
  'spanF1.exact': 'Span F1, exact',
  'spanF1.overlap': 'Span F1, overlap',
  krippendorffAlpha: "Krippendorff's α (nominal)",
  charKappa: "Character-level κ",
  confusion: 'Confusion matrix',
}

/**
 * One-paragraph definition of every figure. Each states how the number is
 * computed and when it is undefined (shown as "n/a", null in JSON).
 */
export const FIGURE_DEFINITIONS: Readonly<Record<FigureName, string>> = {
  claims:
    'Claims in the set that are anchored on the text. Orphaned claims (their quote could not be found) are counted apart and take part in no other figure.',
  orphans: 'Claims of the set that could not be anchored on this text; they are left out of the comparison.',
  aligned:
    'Pairs of one claim from A and one from B judged to be the same item: their spans share characters and their Jaccard overlap (shared characters / characters covered by either) reaches the minimum overlap. Pairs are one-to-one and chosen greedily, highest overlap first.',
  exactSpanMatches: 'Aligned pairs whose two claims cover exactly the same characters (identical start and end).',
  agree: 'Aligned pairs where A and B give the same stance (both evidenced or both speculative).',
  stanceConflicts: 'Aligned pairs where A and B give different stances.',
  onlyA: 'Claims of A that aligned with no claim of B.',
  onlyB: 'Claims of B that aligned with no claim of A.',
  observedAgreement: 'Share of aligned pairs on which A and B give the same stance. Undefined when nothing aligned.',
  cohensKappa:
    "Cohen's κ on the stance of aligned pairs (two categories): (observed − expected) / (1 − expected), where expected agreement comes from each set's own stance proportions. 1 is perfect agreement, 0 is what chance alone would give. Undefined when nothing aligned or when expected agreement is 1 (both sets used one and the same stance throughout).",
  'spanF1.exact':
    "F1 of B's spans against A's as reference (brateval, exact mode): a B claim matches an A claim only with identical start and end, one-to-one; precision = matches / B claims, recall = matches / A claims, F1 = their harmonic mean. Stance is ignored. Undefined when neither set has claims.",
  'spanF1.overlap':
    "F1 of B's spans against A's as reference (brateval, overlap mode): a B claim matches an A claim when they share at least one character, one-to-one, highest overlap first; precision = matches / B claims, recall = matches / A claims. Stance is ignored. Undefined when neither set has claims.",
  krippendorffAlpha:
    "Krippendorff's α (nominal) on stance across all sets. Claims are grouped into units holding at most one claim per set, every pair in a unit meeting the minimum overlap; a set with no claim in a unit is a missing value. 1 is perfect agreement, 0 is chance. Undefined when no unit has two values or all values are the same stance.",
  charKappa:
    "Cohen's κ over every character of the text, each character being none, evidenced or speculative in A and in B. Where a set has overlapping claims of different stance on a character, speculative wins. Undefined when expected agreement is 1 (e.g. neither set has claims).",
  confusion:
    "A's stance (rows) against B's stance (columns) for every item: aligned pairs by their two stances, claims only in A under B's 'none', claims only in B under A's 'none'.",
}
