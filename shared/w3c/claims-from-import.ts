/**
 * Imported items + their placements -> the app's claims, ready to store or
 * export. Anchored items get fresh selectors described on the article's own
 * text; orphans keep what the file said and are flagged.
 */
import { describe, type AnchorResult } from '../anchoring'
import type { Claim, ClaimTarget } from '../claims/model'
import { isUuid, type ImportedItem } from './imported'

/** Who the claims belong to, and the two things that cannot come from a pure function. */
export interface ImportContext {
  setId: string
  documentId: string
  /** ISO time used for a created/modified time the file lacks or gives in another form. */
  now: string
  /** A fresh UUID (e.g. `crypto.randomUUID`), for items whose file id is not one. */
  newId: () => string
}

// xsd:dateTime with a time zone, as the W3C suite checks `created` and `modified`.
const DATE_TIME = /^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i

function orphanTarget(item: ImportedItem): ClaimTarget {
  const { position, quote } = item.selectors
  return {
    position: { type: 'TextPositionSelector', start: position?.start ?? 0, end: position?.end ?? 0 },
    quote: { type: 'TextQuoteSelector', exact: quote?.exact ?? '', prefix: quote?.prefix ?? '', suffix: quote?.suffix ?? '' },
  }
}

/**
 * Make one claim per item: `placements[i]` (from `anchorImported`) places
 * `items[i]`; a null placement makes an orphan claim (`orphan: true`, the
 * file's own selectors kept). A UUID id from the file is kept unless an
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
  const timeOr = (value: string | null, fallback: string): string => (value !== null && DATE_TIME.test(value) ? value : fallback)
  return items.map((item, i) => {
    const placement = placements[i] ?? null
    const created = timeOr(item.created, context.now)
    const claim: Claim = {
      id: idFor(item.id),
      setId: context.setId,
      documentId: context.documentId,
      stance: item.stance,
      target: placement === null ? orphanTarget(item) : describe(articleText, placement.start, placement.end),
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
