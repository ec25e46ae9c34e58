/**
 * Figures of the pure shared/ code on 10,000 claims, measured in this Node
 * process (the same code runs in the renderer): re-anchoring on an edited
 * text, comparing two sets, exporting W3C and rendering the Markdown report.
 * Each is run once to warm up, then `runs` times; the median is reported.
 */
import { reanchorAll, summarizeAnchoring, type AnchorSummary } from '../shared/anchoring'
import type { Article } from '../shared/article/model'
import type { AnnotationSet, Claim } from '../shared/claims/model'
import { compareSets } from '../shared/compare'
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
    reanchor: { ...summary!, total: targets.length, edits },
    compareMs: compare.ms,
    exportMs: exported.ms,
    exportBytes,
    reportMs: report.ms,
    reportBytes,
  }
}
