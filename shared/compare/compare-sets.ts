/**
 * compareSets: put two or more annotation sets on one document side by side.
 * A (first set) is the reference, B (second) the other side of the outcome
 * list; further sets only enter Krippendorff's α. Pure and deterministic:
 * the same inputs in any claim order give the same comparison.
 */
import { CodePointIndex } from '../anchoring/code-points'
import { compareClaimsInDocumentOrder, type Claim } from '../claims/model'
import { alignSpansUnordered, checkMinOverlap, jaccardIndex, type AlignSpan, type AlignedUnit } from './alignment'
import { characterTable } from './char-agreement'
import { CompareInputError } from './errors'
import {
  DEFAULT_MIN_OVERLAP,
  STANCE_OR_NONE,
  type CompareOptions,
  type ComparedSet,
  type Comparison,
  type ComparisonFigures,
  type ComparisonItem,
  type ConfusionMatrix,
  type SetWithClaims,
} from './model'
import { cohensKappa, krippendorffAlphaNominal, spanScore } from './statistics'

/** Display name of a set: its label, else its analyst, else its id. */
export function setLabel(set: SetWithClaims['set']): string {
  return set.label.trim() || set.analyst.trim() || set.id
}

function checkSpan(claim: Claim, label: string, textLength: number): void {
  const { start, end } = claim.target.position
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= textLength)) {
    throw new CompareInputError(
      'compare-span-out-of-text',
      `Claim "${claim.id}" in set "${label}" points at characters ${start}–${end}, outside this text ` +
        `(${textLength} characters). Is it the same document? Re-anchor the set before comparing.`,
    )
  }
}

function prepareSet({ set, claims }: SetWithClaims, textLength: number): ComparedSet {
  const label = setLabel(set)
  const anchored: Claim[] = []
  const orphans: Claim[] = []
  for (const claim of claims) {
    if (claim.orphan === true) {
      orphans.push(claim)
    } else {
      checkSpan(claim, label, textLength)
      anchored.push(claim)
    }
  }
  return { set, claims: anchored.sort(compareClaimsInDocumentOrder), orphans }
}

// Every character figure (overlap, character κ) counts code points, so an
// emoji or 𠮷 weighs one character as the reader sees it, not two UTF-16 units.
function spanOf(claim: Claim, points: CodePointIndex): AlignSpan {
  const { start, end } = claim.target.position
  return { start: points.toCodePoints(start), end: points.toCodePoints(end), id: claim.id }
}

function itemOf(a: Claim | null, b: Claim | null, points: CodePointIndex): ComparisonItem {
  const kind = a && b ? (a.stance === b.stance ? 'agree' : 'conflict') : a ? 'onlyA' : 'onlyB'
  const pa = a?.target.position
  const pb = b?.target.position
  return {
    id: `A:${a ? encodeURIComponent(a.id) : ''}|B:${b ? encodeURIComponent(b.id) : ''}`,
    kind,
    a,
    b,
    jaccard: a && b ? jaccardIndex(spanOf(a, points), spanOf(b, points)) : null,
    start: Math.min(pa?.start ?? Infinity, pb?.start ?? Infinity),
    end: Math.max(pa?.end ?? -Infinity, pb?.end ?? -Infinity),
  }
}

function compareItems(x: ComparisonItem, y: ComparisonItem): number {
  return x.start - y.start || y.end - x.end || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
}

function emptyConfusion(): ConfusionMatrix {
  const row = (): Record<string, number> => Object.fromEntries(STANCE_OR_NONE.map((s) => [s, 0]))
  return Object.fromEntries(STANCE_OR_NONE.map((s) => [s, row()])) as ConfusionMatrix
}

/** Units holding values of at least two sets (what α is computed over). */
function pairableCount(coded: readonly (readonly (string | null)[])[]): number {
  let count = 0
  for (const unit of coded) {
    let values = 0
    for (const v of unit) if (v !== null) values++
    if (values >= 2) count++
  }
  return count
}

const pairCount = (units: readonly AlignedUnit[]): number => units.filter((unit) => unit[0]! >= 0 && unit[1]! >= 0).length

/**
 * Compare `sets` (two or more, all on the document whose canonical text is
 * `text`). Overlaps and character κ count code points (see char-agreement.ts). Claims with `orphan: true` are set aside and counted; all other
 * claims must lie within the text. Throws {@link CompareInputError} when
 * fewer than two sets are given, the sets belong to different documents, a
 * claim lies outside the text, or `minOverlap` is not in [0, 1]. Input
 * arrays are never modified.
 */
export function compareSets(text: string, sets: readonly SetWithClaims[], options: CompareOptions = {}): Comparison {
  const minOverlap = options.minOverlap ?? DEFAULT_MIN_OVERLAP
  checkMinOverlap(minOverlap)
  const [first, second] = sets
  if (!first || !second) {
    throw new CompareInputError('compare-too-few-sets', 'Choose at least two annotation sets to compare.')
  }
  const documentId = first.set.documentId
  const stranger = sets.find((s) => s.set.documentId !== documentId)
  if (stranger) {
    throw new CompareInputError(
      'compare-different-documents',
      `Set "${setLabel(stranger.set)}" annotates a different document than "${setLabel(first.set)}"; only sets on the same document can be compared.`,
    )
  }

  const compared = sets.map((s) => prepareSet(s, text.length))
  const points = new CodePointIndex(text)
  const spans = compared.map((s) => s.claims.map((claim) => spanOf(claim, points)))
  const a = compared[0]!.claims
  const b = compared[1]!.claims
  // Overlap-mode span F1 is a second greedy pass at threshold 0 over the same sweep.
  const [pairUnits, overlapUnits] = alignSpansUnordered([spans[0]!, spans[1]!], [minOverlap, 0]) as [
    AlignedUnit[],
    AlignedUnit[],
  ]
  const items = pairUnits
    .map((unit) => itemOf(a[unit[0]!] ?? null, b[unit[1]!] ?? null, points))
    .sort(compareItems)

  const confusion = emptyConfusion()
  for (const item of items) confusion[item.a?.stance ?? 'none'][item.b?.stance ?? 'none']++
  const stanceKappa = cohensKappa([
    [confusion.evidenced.evidenced, confusion.evidenced.speculative],
    [confusion.speculative.evidenced, confusion.speculative.speculative],
  ])

  const alphaUnits = sets.length === 2 ? pairUnits : alignSpansUnordered(spans, [minOverlap])[0]!
  const coded = alphaUnits.map((unit) => unit.map((i, s) => (i >= 0 ? compared[s]!.claims[i]!.stance : null)))
  const stanced = (s: number) => compared[s]!.claims.map((claim, i) => ({ ...spans[s]![i]!, stance: claim.stance }))
  const characters = cohensKappa(characterTable(points.length, stanced(0), stanced(1)))

  const kinds = { agree: 0, conflict: 0, onlyA: 0, onlyB: 0 }
  for (const item of items) kinds[item.kind]++
  // Greedy alignment pairs identical spans first (Jaccard 1), so every exact
  // match the sets allow one-to-one is among the aligned pairs.
  const exact = items.filter((item) => item.jaccard === 1).length
  const figures: ComparisonFigures = {
    sets: compared.map((s) => ({ label: setLabel(s.set), claims: s.claims.length, orphans: s.orphans.length })),
    aligned: kinds.agree + kinds.conflict,
    exactSpanMatches: exact,
    agree: kinds.agree,
    stanceConflicts: kinds.conflict,
    onlyA: kinds.onlyA,
    onlyB: kinds.onlyB,
    observedAgreement: stanceKappa?.observed ?? null,
    expectedAgreement: stanceKappa?.expected ?? null,
    cohensKappa: stanceKappa?.kappa ?? null,
    spanF1: {
      exact: spanScore(exact, a.length, b.length),
      overlap: spanScore(pairCount(overlapUnits), a.length, b.length),
    },
    krippendorffAlpha: krippendorffAlphaNominal(coded),
    alphaUnits: pairableCount(coded),
    // An empty text has no characters to agree on; cohensKappa gives null then.
    charKappa: characters?.kappa ?? null,
    confusion,
  }
  return { documentId, textLength: text.length, minOverlap, sets: compared, items, figures }
}
