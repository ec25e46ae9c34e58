import type { ClaimTarget } from '../claims/model'
import { anchor, type AnchorResult } from './anchor'

/** How a batch of targets anchored. */
export interface AnchorSummary {
  byPosition: number
  byQuote: number
  fuzzy: number
  orphans: number
}

/**
 * Anchor every target on `text`; result `i` belongs to `targets[i]` (null for
 * an orphan). Targets are visited in order of their old start, and each
 * search is hinted with the old start plus the shift the previous target
 * anchored with: after an insertion or deletion every later span moves by the
 * same amount, so the shifted hint lands in the first search window instead
 * of forcing a scan of the whole text per claim. Spans that anchor by
 * position or verbatim quote are cheap; each orphan costs a failed
 * approximate search of the whole text (tens of milliseconds on megabytes),
 * so a batch's time is dominated by how many claims were lost. Never throws.
 */
export function reanchorAll(text: string, targets: readonly ClaimTarget[]): (AnchorResult | null)[] {
  const results: (AnchorResult | null)[] = new Array<AnchorResult | null>(targets.length).fill(null)
  const order = targets.map((_, i) => i)
  order.sort((a, b) => startOf(targets[a]) - startOf(targets[b]) || a - b)
  let shift = 0
  for (const i of order) {
    const target = targets[i]
    if (target === undefined) continue
    const start = target.position.start
    const hint = Number.isFinite(start) ? start + shift : undefined
    const result = anchor(text, target, hint === undefined ? {} : { hint })
    results[i] = result
    if (result !== null && Number.isFinite(start)) shift = result.start - start
  }
  return results
}

function startOf(target: ClaimTarget | undefined): number {
  const start = target?.position.start
  return typeof start === 'number' && Number.isFinite(start) ? start : Number.MAX_SAFE_INTEGER
}

/** Count results by method; null counts as an orphan. Never throws. */
export function summarizeAnchoring(results: readonly (AnchorResult | null)[]): AnchorSummary {
  const summary: AnchorSummary = { byPosition: 0, byQuote: 0, fuzzy: 0, orphans: 0 }
  for (const r of results) {
    if (r === null) summary.orphans += 1
    else if (r.method === 'position') summary.byPosition += 1
    else if (r.method === 'quote') summary.byQuote += 1
    else summary.fuzzy += 1
  }
  return summary
}
