/**
 * Anchoring imported claims on the article they are imported onto, and
 * telling the analyst how it went: how many were found and how, which could
 * not be placed, and whether the file seems to belong to another article.
 */
import { anchor, type AnchorResult } from '../anchoring'
import type { ImportedItem } from './imported'

/** An item that could not be placed on the text. */
export interface OrphanReport {
  id: string
  /** The item's quote (`exact`), or '' when it had only offsets. */
  quote: string
}

/** Counts of an import's anchoring; `anchored = byPosition + byQuote + fuzzy`. */
export interface ImportAnchoringSummary {
  total: number
  anchored: number
  byPosition: number
  byQuote: number
  fuzzy: number
  orphans: OrphanReport[]
}

/** The outcome of {@link anchorImported}. */
export interface ImportAnchoring {
  /** Where item `i` lies on the text, or null for an orphan. */
  placements: (AnchorResult | null)[]
  summary: ImportAnchoringSummary
  /** True when more than half of the items with a quote could not be placed. */
  probablyWrongArticle: boolean
}

/**
 * Anchor each item on `articleText` with the shared anchoring rules
 * (position, then exact quote, then fuzzy quote; see `anchor`).
 *
 * Items are visited in order of their stated start, each search hinted with
 * that start plus the shift the previous item was found at: annotations
 * made on a web page (a header before the text, say) are all off by about the
 * same amount, so the hint lands near the quote. Never throws.
 */
export function anchorImported(articleText: string, items: readonly ImportedItem[]): ImportAnchoring {
  const placements: (AnchorResult | null)[] = new Array<AnchorResult | null>(items.length).fill(null)
  const startOf = (i: number): number => items[i]?.selectors.position?.start ?? Number.MAX_SAFE_INTEGER
  const order = items.map((_, i) => i).sort((a, b) => startOf(a) - startOf(b) || a - b)
  let shift = 0
  for (const i of order) {
    const selectors = items[i]!.selectors
    const start = selectors.position?.start
    const result = anchor(articleText, selectors, start === undefined ? {} : { hint: start + shift })
    placements[i] = result
    if (result !== null && start !== undefined) shift = result.start - start
  }
  const summary: ImportAnchoringSummary = { total: items.length, anchored: 0, byPosition: 0, byQuote: 0, fuzzy: 0, orphans: [] }
  let quoted = 0
  let quotedOrphans = 0
  placements.forEach((placement, i) => {
    const item = items[i]!
    const quote = item.selectors.quote?.exact ?? ''
    if (quote !== '') quoted += 1
    if (placement === null) {
      summary.orphans.push({ id: item.id, quote })
      if (quote !== '') quotedOrphans += 1
      return
    }
    summary.anchored += 1
    if (placement.method === 'position') summary.byPosition += 1
    else if (placement.method === 'quote') summary.byQuote += 1
    else summary.fuzzy += 1
  })
  return { placements, summary, probablyWrongArticle: quoted > 0 && quotedOrphans * 2 > quoted }
}
