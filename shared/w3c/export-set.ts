/**
 * Annotation set -> W3C Web Annotation collection (docs/w3c-mapping.md).
 * The output is a plain object ready for `JSON.stringify`; every export
 * passes the MUST assertions of the W3C test suite (see `suite-validator.ts`).
 */
import { CodePointIndex } from '../anchoring/code-points'
import type { Article } from '../article/model'
import { articleUrn } from '../article/model'
import type { AnnotationSet, Claim, Counterpoint, EvidenceItem } from '../claims/model'
import { compareClaimsInDocumentOrder } from '../claims/model'
import {
  CLAIM_MOTIVATION,
  EXPORT_CONTEXT,
  PURPOSE,
  uuidUrn,
  type W3cAnnotation,
  type W3cAnnotationCollection,
  type W3cTextualBody,
} from './vocabulary'

const SHA256_HEX = /^[0-9a-f]{64}$/

function textBody(purpose: string, value: string, id?: string): W3cTextualBody {
  return { type: 'TextualBody', purpose, value, format: 'text/plain', ...(id === undefined ? {} : { partId: uuidUrn(id) }) }
}

function evidenceBody(item: EvidenceItem): W3cTextualBody {
  const body = textBody(PURPOSE.evidence, item.citation, item.id)
  if (item.url !== '') body.evidenceUrl = item.url
  return body
}

function counterpointBody(point: Counterpoint): W3cTextualBody {
  const body = textBody(PURPOSE.counterpoint, point.text, point.id)
  body.strength = point.strength
  // A source with neither citation nor URL says nothing: it is written as none.
  if (point.source !== null && point.source.citation !== '') body.sourceCitation = point.source.citation
  if (point.source !== null && point.source.url !== '') body.sourceUrl = point.source.url
  return body
}

/** Where a claim's annotation points: the text's identity, and optionally the page it was read on. */
export interface AnnotationTargetContext {
  /** `urn:sha256:<hex>` of the article's text. */
  source: string
  /** The article's text indexed for code points (TextPositionSelector counts code points, W3C §4.2.4). */
  points: CodePointIndex
  /** The document's web address (the set's `sourceUrl`), written as the target's `scope`. */
  scope?: string
}

/**
 * One claim as a W3C Annotation (without `@context`: it inherits the
 * collection's). The body lists, in this order: the stance (classifying), the
 * note (commenting, left out when empty), each evidence item (linking), each
 * counterpoint (replying), each tag (tagging). The TextPositionSelector counts
 * code points. An orphan claim, whose offsets mean nothing on this text, keeps
 * only its TextQuoteSelector.
 *
 * @throws RangeError when the claim's offsets lie outside the indexed text.
 */
export function claimToAnnotation(claim: Claim, target: AnnotationTargetContext): W3cAnnotation {
  const body: W3cTextualBody[] = [textBody(PURPOSE.stance, claim.stance)]
  if (claim.note !== '') body.push(textBody(PURPOSE.note, claim.note))
  for (const item of claim.evidence) body.push(evidenceBody(item))
  for (const point of claim.counterpoints) body.push(counterpointBody(point))
  for (const tag of claim.tags) body.push(textBody(PURPOSE.tag, tag))
  const { quote, position } = claim.target
  const quoteSelector = { type: 'TextQuoteSelector' as const, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }
  const orphan = claim.orphan === true
  const positionSelector = orphan
    ? null
    : { type: 'TextPositionSelector' as const, start: target.points.toCodePoints(position.start), end: target.points.toCodePoints(position.end) }
  return {
    id: uuidUrn(claim.id),
    type: 'Annotation',
    motivation: CLAIM_MOTIVATION,
    creator: { type: 'Person', name: claim.author },
    created: claim.created,
    modified: claim.modified,
    body,
    target: {
      source: target.source,
      ...(target.scope === undefined ? {} : { scope: target.scope }),
      selector: positionSelector === null ? [quoteSelector] : [quoteSelector, positionSelector],
    },
  }
}

/**
 * Export one annotation set on one article as an `AnnotationCollection` with
 * all its claims, in document order, embedded in `first.items`. Offsets count
 * code points over `article.text`; the set's `sourceUrl`, when it has one,
 * becomes each target's `scope`.
 *
 * Deterministic: the same inputs give the same object (no clock, no random).
 *
 * @throws RangeError when `article.sha256` is not 64 lowercase hex digits,
 *   when a claim belongs to another set (its `setId` is named), or when a
 *   placed claim's offsets lie outside `article.text`.
 */
export function exportSet(
  article: Pick<Article, 'sha256' | 'text'>,
  set: AnnotationSet,
  claims: readonly Claim[],
): W3cAnnotationCollection {
  if (!SHA256_HEX.test(article.sha256)) {
    throw new RangeError(`exportSet: article.sha256 must be 64 lowercase hex digits, got ${JSON.stringify(article.sha256)}`)
  }
  const stranger = claims.find((c) => c.setId !== set.id)
  if (stranger !== undefined) {
    throw new RangeError(`exportSet: claim ${stranger.id} belongs to set ${stranger.setId}, not ${set.id}`)
  }
  const target: AnnotationTargetContext = { source: articleUrn(article.sha256), points: new CodePointIndex(article.text) }
  if (set.sourceUrl !== undefined && set.sourceUrl !== '') target.scope = set.sourceUrl
  const items = [...claims].sort(compareClaimsInDocumentOrder).map((claim) => claimToAnnotation(claim, target))
  return {
    '@context': EXPORT_CONTEXT,
    id: uuidUrn(set.id),
    type: 'AnnotationCollection',
    label: set.label,
    creator: { type: 'Person', name: set.analyst },
    created: set.created,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  }
}
