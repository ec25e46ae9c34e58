/**
 * Figures of the pure shared/ code on 10,000 claims, measured in this Node
 * process (the same code runs in the renderer): re-anchoring on an edited
 * text, comparing two sets, exporting W3C and rendering the Markdown report;
 * and a team's work: comparing ten analysts' sets and reporting their consensus.
 * Each is run once to warm up, then `runs` times; the median is reported.
 */
import { reanchorAll, summarizeAnchoring, type AnchorSummary } from '../shared/anchoring'
import type { Article } from '../shared/article/model'
import type { AnnotationSet, Claim } from '../shared/claims/model'
import { buildConsensus, compareSets, type AdjudicationDecision, type SetWithClaims } from '../shared/compare'
import { renderReportMarkdown } from '../shared/report'
import { exportSet } from '../shared/w3c'
import { editedCopy } from './data'
import { median } from './figures'

/** Median wall time of `fn` over `runs` runs after one warm-up, ms. */
export function timeMedian(runs: number, fn: () => unknown): { ms: number; samples: number[] } {
  fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    samples.push(performance.now() - t0)
  }
  return { ms: median(samples), samples }
}

export interface SharedFigures {
  reanchorMs: number
  reanchorSamples: number[]
  compareSamples: number[]
  exportSamples: number[]
  reportSamples: number[]
  reanchor: AnchorSummary & { total: number; edits: number }
  compareMs: number
  exportMs: number
  exportBytes: number
  reportMs: number
  reportBytes: number
}

/**
 * Time the shared operations on `article` with set A (`claimsA`) and a second
 * analyst's set B (`claimsB`) on the same text. `edits` insertions and
 * deletions make the edited copy that A's targets are re-anchored on.
 */
export function measureShared(
  article: Article,
  setA: AnnotationSet,
  claimsA: readonly Claim[],
  setB: AnnotationSet,
  claimsB: readonly Claim[],
  runs: number,
  edits: number,
): SharedFigures {
  const edited = editedCopy(article.text, edits)
  const targets = claimsA.map((c) => c.target)
  let summary: AnchorSummary | null = null
  const reanchor = timeMedian(runs, () => {
    summary = summarizeAnchoring(reanchorAll(edited, targets))
  })
  const compare = timeMedian(runs, () =>
    compareSets(article.text, [
      { set: setA, claims: claimsA },
      { set: setB, claims: claimsB },
    ]),
  )
  let exportBytes = 0
  const exported = timeMedian(runs, () => {
    exportBytes = JSON.stringify(exportSet(article, setA, claimsA), null, 2).length
  })
  let reportBytes = 0
  const report = timeMedian(runs, () => {
    reportBytes = renderReportMarkdown({ article, set: setA, claims: claimsA }, { generatedAt: '2025-09-01T12:00:00Z' }).length
  })
  return {
    reanchorMs: reanchor.ms,
    reanchorSamples: reanchor.samples,
    compareSamples: compare.samples,
    exportSamples: exported.samples,
    reportSamples: report.samples,
    reanchor: { ...summary!, total: targets.length, edits },
    compareMs: compare.ms,
    exportMs: exported.ms,
    exportBytes,
    reportMs: report.ms,
    reportBytes,
  }
}

export interface TeamFigures {
  /** compareSets over all the sets: A against B (items, κ, F1, character κ) and α over every set. */
  compareMs: number
  compareSamples: number[]
  alpha: number | null
  alphaUnits: number
  /** buildConsensus (every item decided) plus renderReportMarkdown of the consensus set. */
  reportMs: number
  reportSamples: number[]
  consensusClaims: number
  reportBytes: number
}

/**
 * Time the comparison of `sets` (the first two are the pair the outcome list
 * and κ are about; all enter Krippendorff's α), then the Markdown critique
 * report of their consensus: agreed items kept automatically, every other
 * item decided the way an adjudicator keeping everything would (A's claim on
 * a conflict or an only-in-A item, B's on an only-in-B item). The comparison
 * is made once outside the report's timing; the report's figure is
 * buildConsensus plus rendering.
 */
export function measureTeam(article: Article, sets: readonly SetWithClaims[], runs: number): TeamFigures {
  let comparison = compareSets(article.text, sets)
  const compare = timeMedian(runs, () => {
    comparison = compareSets(article.text, sets)
  })
  const decisions: AdjudicationDecision[] = comparison.items
    .filter((item) => item.kind !== 'agree')
    .map((item) => ({ itemId: item.id, keep: item.kind === 'onlyB' ? 'B' : 'A' }))
  let consensusClaims = 0
  let reportBytes = 0
  const report = timeMedian(runs, () => {
    const consensus = buildConsensus(comparison, decisions, {
      setId: 'bench-consensus',
      label: 'Consensus',
      analyst: 'Adjudicator',
      created: '2025-09-02T09:00:00.000Z',
    })
    consensusClaims = consensus.claims.length
    reportBytes = renderReportMarkdown({ article, set: consensus.set, claims: consensus.claims }, { generatedAt: '2025-09-02T12:00:00Z' }).length
  })
  return {
    compareMs: compare.ms,
    compareSamples: compare.samples,
    alpha: comparison.figures.krippendorffAlpha,
    alphaUnits: comparison.figures.alphaUnits,
    reportMs: report.ms,
    reportSamples: report.samples,
    consensusClaims,
    reportBytes,
  }
}
