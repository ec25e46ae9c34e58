/**
 * Anchoring imported claims on the article they are imported onto, and
 * telling the analyst exactly how it went: how many were found and how, in
 * which unit their offsets were read, which could not be placed (with the
 * offsets the file gave), and whether the file seems to belong to another
 * article.
 */
import { anchor, CodePointIndex, splitsSurrogatePair, type AnchorResult } from '../anchoring'
import type { ImportedItem, PositionUnit } from './imported'

/** An item that could not be placed on the text. */
export interface OrphanReport {
  id: string
  /** The item's quote (`exact`), or '' when it had only offsets. */
  quote: string
  /** The offsets as the file gives them (in its own unit), or null when it gave none. */
  position: { start: number; end: number } | null
}

/** Counts of an import's anchoring; `anchored = byPosition + byQuote + fuzzy`. */
export interface ImportAnchoringSummary {
  total: number
  anchored: number
  byPosition: number
  byQuote: number
  fuzzy: number
  orphans: OrphanReport[]
  /** The unit the producer's offsets were taken to count (see `ParsedAnnotations.positionUnit`). */
  positionUnit: PositionUnit
  /** Placed by offsets alone, with no quote to confirm them, counted in `positionUnit` (the file names this very text). */
  positionsAssumed: number
  /** Placed by offsets that the quote confirmed only when read in the other unit. */
  otherUnit: number
  /** Items with offsets but no quote that were NOT placed: the file does not name this text, so their offsets cannot be trusted. */
  uncheckedPositions: number
}

/** The outcome of {@link anchorImported}. */
export interface ImportAnchoring {
  /** Where item `i` lies on the text (UTF-16 offsets), or null for an orphan. */
  placements: (AnchorResult | null)[]
  summary: ImportAnchoringSummary
  /** True when more than half of the items with a quote could not be placed. */
  probablyWrongArticle: boolean
}

/** What {@link anchorImported} knows about the file beyond its items. */
export interface ImportAnchoringOptions {
  /** The unit the producer counts offsets in; default 'code-points' (the W3C rule). */
  positionUnit?: PositionUnit
  /**
   * True when the file names this very text (its `urn:sha256:` source equals
   * the article's): only then are offsets without a quote trusted. Default false.
   */
  sameText?: boolean
}

/** Offsets read in `unit` as UTF-16 offsets into the text, or null when they do not fit it on whole characters. */
type ToUnits = (position: { start: number; end: number }, unit: PositionUnit) => { start: number; end: number } | null

function offsetReader(text: string): ToUnits {
  let index: CodePointIndex | null = null
  return (position, unit) => {
    let { start, end } = position
    if (unit === 'code-points') {
      // Built on first need, once per import: one pass over the text, then O(log n) per offset.
      index ??= new CodePointIndex(text)
      const s = index.fromCodePoints(start)
      const e = index.fromCodePoints(end)
      if (s === null || e === null) return null
      start = s
      end = e
    }
    const fits = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length
    if (!fits || splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) return null
    return { start, end }
  }
}

/**
 * Anchor each item on `articleText`:
 *
 * - with a quote: the offsets are a hint read in both units, the producer's
 *   first; whichever unit puts the quote's exact words there wins (a
 *   'position' placement; `otherUnit` counts those the other unit
 *   confirmed). Otherwise the quote is searched for (exact, then fuzzy; see
 *   `anchor`), hinted by the offsets.
 * - offsets without a quote: placed only when `options.sameText` (the file
 *   names this text by its hash), in the producer's unit (`positionsAssumed`),
 *   and only on whole characters. Otherwise they become orphans with their
 *   offsets reported (`uncheckedPositions`): nothing checks that those
 *   offsets still hold the words the analyst judged.
 *
 * Quotes are expected normalised as the article text is (`parseAnnotationFile`
 * does it). Items are visited in order of their stated start, each quote
 * search hinted with that start plus the shift the previous item was found
 * at. The article text is indexed for code points at most once. Never throws.
 */
export function anchorImported(articleText: string, items: readonly ImportedItem[], options: ImportAnchoringOptions = {}): ImportAnchoring {
  const unit = options.positionUnit ?? 'code-points'
  const other: PositionUnit = unit === 'code-points' ? 'code-units' : 'code-points'
  const sameText = options.sameText ?? false
  const toUnits = offsetReader(articleText)
  const placements: (AnchorResult | null)[] = new Array<AnchorResult | null>(items.length).fill(null)
  const summary: ImportAnchoringSummary = {
    total: items.length,
    anchored: 0,
    byPosition: 0,
    byQuote: 0,
    fuzzy: 0,
    orphans: [],
    positionUnit: unit,
    positionsAssumed: 0,
    otherUnit: 0,
    uncheckedPositions: 0,
  }
  const startOf = (i: number): number => items[i]?.selectors.position?.start ?? Number.MAX_SAFE_INTEGER
  const order = items.map((_, i) => i).sort((a, b) => startOf(a) - startOf(b) || a - b)
  let shift = 0
  for (const i of order) {
    const { position, quote } = items[i]!.selectors
    const exact = quote?.exact ?? ''
    const own = position === undefined ? null : toUnits(position, unit)
    const alt = position === undefined || exact === '' ? null : toUnits(position, other)
    const ref = own?.start ?? alt?.start ?? position?.start
    let result: AnchorResult | null = null
    if (exact === '') {
      if (own !== null && sameText) {
        result = { ...own, method: 'position', score: 1 }
        summary.positionsAssumed += 1
      } else if (position !== undefined) {
        summary.uncheckedPositions += 1
      }
    } else {
      if (own !== null && own.end - own.start === exact.length && articleText.startsWith(exact, own.start)) {
        result = { ...own, method: 'position', score: 1 }
      } else if (alt !== null && alt.end - alt.start === exact.length && articleText.startsWith(exact, alt.start)) {
        result = { ...alt, method: 'position', score: 1 }
        summary.otherUnit += 1
      } else {
        result = anchor(articleText, { quote: quote! }, ref === undefined ? {} : { hint: ref + shift })
      }
    }
    if (result !== null && ref !== undefined) shift = result.start - ref
    placements[i] = result
  }
  let quoted = 0
  let quotedOrphans = 0
  placements.forEach((placement, i) => {
    const { position, quote } = items[i]!.selectors
    const exact = quote?.exact ?? ''
    if (exact !== '') quoted += 1
    if (placement === null) {
      summary.orphans.push({ id: items[i]!.id, quote: exact, position: position === undefined ? null : { start: position.start, end: position.end } })
      if (exact !== '') quotedOrphans += 1
      return
    }
    summary.anchored += 1
    if (placement.method === 'position') summary.byPosition += 1
    else if (placement.method === 'quote') summary.byQuote += 1
    else summary.fuzzy += 1
  })
  return { placements, summary, probablyWrongArticle: quoted > 0 && quotedOrphans * 2 > quoted }
}

/**
 * An item's offsets (read in `unit`) as UTF-16 offsets clipped to the text and
 * widened to whole characters, for showing where a position-only orphan
 * pointed; {start: 0, end: 0} when it gave none or they lie past the text.
 * Never throws.
 */
export function statedPositionOnText(articleText: string, position: { start: number; end: number } | undefined, unit: PositionUnit, index?: CodePointIndex): { start: number; end: number } {
  if (position === undefined) return { start: 0, end: 0 }
  const points = unit === 'code-points' ? (index ?? new CodePointIndex(articleText)) : null
  const clip = (n: number, forward: boolean): number => {
    const at = points === null ? Math.min(n, articleText.length) : (points.fromCodePoints(Math.min(n, points.length)) ?? articleText.length)
    return splitsSurrogatePair(articleText, at) ? at + (forward ? 1 : -1) : at
  }
  const start = clip(position.start, false)
  return { start, end: Math.max(start, clip(position.end, true)) }
}
