/**
 * Imported items + their placements -> the app's claims, ready to store or
 * export. Anchored items get fresh selectors described on the article's own
 * text; orphans keep what the file said and are flagged.
 */
import { CodePointIndex, describe, type AnchorResult } from '../anchoring'
import type { Claim, ClaimTarget } from '../claims/model'
import { statedPositionOnText } from './anchor-imported'
import { isUuid, type ImportedItem, type PositionUnit } from './imported'

/** Who the claims belong to, and the two things that cannot come from a pure function. */
export interface ImportContext {
  setId: string
  documentId: string
  /** ISO time used for a created/modified time the file lacks or gives in another form. */
  now: string
  /** A fresh UUID (e.g. `crypto.randomUUID`), for items whose file id is not one. */
  newId: () => string
  /** The unit the file's offsets count (`ParsedAnnotations.positionUnit`); default 'code-points'. */
  positionUnit?: PositionUnit
}

// xsd:dateTime with a time zone, as the W3C suite checks `created` and `modified`.
const DATE_TIME = /^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i

function orphanTarget(item: ImportedItem, text: string, unit: PositionUnit, index: () => CodePointIndex): ClaimTarget {
  const { position, quote } = item.selectors
  // Where the file's offsets point on this text, so the orphans queue can show
  // it; the claim is not placed there (nothing confirmed those words).
  const at = statedPositionOnText(text, position, unit, unit === 'code-points' && position !== undefined ? index() : undefined)
  return {
    position: { type: 'TextPositionSelector', start: at.start, end: at.end },
    quote: { type: 'TextQuoteSelector', exact: quote?.exact ?? '', prefix: quote?.prefix ?? '', suffix: quote?.suffix ?? '' },
  }
}

/**
 * Make one claim per item: `placements[i]` (from `anchorImported`) places
 * `items[i]`; a null placement makes an orphan claim (`orphan: true`, the
 * file's quote kept, its offsets converted to this text's UTF-16 offsets,
 * clipped to the text, so the analyst can see where they pointed). A UUID id from the file is kept unless an
 * earlier item already used it; other ids are replaced by `context.newId()`.
 * Created/modified times that are not ISO date-times with a zone become
 * `context.now`.
 *
 * @throws RangeError when `placements` and `items` differ in length, or a
 *   placement lies outside `articleText`.
 */
export function claimsFromImport(
  articleText: string,
  items: readonly ImportedItem[],
  placements: readonly (AnchorResult | null)[],
  context: ImportContext,
): Claim[] {
  if (placements.length !== items.length) {
    throw new RangeError(`claimsFromImport: ${items.length} items but ${placements.length} placements`)
  }
  const used = new Set<string>()
  const idFor = (given: string | null): string => {
    const id = given !== null && isUuid(given) && !used.has(given.toLowerCase()) ? given.toLowerCase() : context.newId()
    used.add(id)
    return id
  }
  let points: CodePointIndex | null = null
  const index = (): CodePointIndex => (points ??= new CodePointIndex(articleText))
  const timeOr = (value: string | null, fallback: string): string => (value !== null && DATE_TIME.test(value) ? value : fallback)
  return items.map((item, i) => {
    const placement = placements[i] ?? null
    const created = timeOr(item.created, context.now)
    const claim: Claim = {
      id: idFor(item.id),
      setId: context.setId,
      documentId: context.documentId,
      stance: item.stance,
      target: placement === null ? orphanTarget(item, articleText, context.positionUnit ?? 'code-points', index) : describe(articleText, placement.start, placement.end),
      note: item.note,
      evidence: item.evidence.map((e) => ({ id: idFor(e.id), citation: e.citation, url: e.url })),
      counterpoints: item.counterpoints.map((c) => ({
        id: idFor(c.id),
        text: c.text,
        strength: c.strength,
        source: c.source === null ? null : { citation: c.source.citation, url: c.source.url },
      })),
      tags: [...item.tags],
      created,
      modified: timeOr(item.modified, created),
      author: item.author,
    }
    if (placement === null) claim.orphan = true
    return claim
  })
}
