/**
 * The JSON-LD vocabulary of exported annotation sets: the W3C Web Annotation
 * context plus the app's own small context for what the W3C model has no
 * term for (a counterpoint's strength and source, an evidence item's URL).
 * See docs/w3c-mapping.md for the whole mapping.
 *
 * No context is ever fetched: the app reads and writes these files by their
 * JSON shape alone, and the namespace IRI lies under the reserved `.invalid`
 * top-level domain (RFC 6761), which by definition resolves nowhere.
 */

/** The W3C Web Annotation JSON-LD context. */
export const W3C_ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

/** Namespace of the app's own terms. */
export const CW_NAMESPACE = 'https://critique-workbench.invalid/ns#'

/** The app's own JSON-LD context, placed after the W3C one. */
export const CW_CONTEXT = {
  cw: CW_NAMESPACE,
  strength: 'cw:strength',
  sourceCitation: 'cw:sourceCitation',
  sourceUrl: { '@id': 'cw:sourceUrl', '@type': '@id' },
  evidenceUrl: { '@id': 'cw:evidenceUrl', '@type': '@id' },
  // The suite reads any body with an `id` as an External Web Resource, which
  // may not have a `purpose`; so the app's ids of evidence items and
  // counterpoints travel in their own term instead of `id`.
  partId: { '@id': 'cw:partId', '@type': '@id' },
} as const

/** `@context` of every exported collection (embedded annotations inherit it). */
export const EXPORT_CONTEXT = [W3C_ANNO_CONTEXT, CW_CONTEXT] as const

/** Motivation of every exported claim. */
export const CLAIM_MOTIVATION = 'assessing'

/** Body purposes, per part of a claim. */
export const PURPOSE = {
  stance: 'classifying',
  note: 'commenting',
  counterpoint: 'replying',
  evidence: 'linking',
  tag: 'tagging',
} as const

/** Prefix of claim, set, evidence and counterpoint ids in exported files. */
export const UUID_URN_PREFIX = 'urn:uuid:'

/** `urn:uuid:<id>` for an app id. */
export function uuidUrn(id: string): string {
  return `${UUID_URN_PREFIX}${id}`
}

/** A W3C Agent as the app writes it. */
export interface W3cPerson {
  type: 'Person'
  name: string
}

/** A plain-text TextualBody as the app writes it (one shape for every purpose). */
export interface W3cTextualBody {
  type: 'TextualBody'
  purpose: string
  value: string
  format: 'text/plain'
  strength?: string
  sourceCitation?: string
  sourceUrl?: string
  evidenceUrl?: string
  partId?: string
}

export interface W3cTextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

export interface W3cTextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

/** One exported claim. */
export interface W3cAnnotation {
  '@context'?: unknown
  id: string
  type: 'Annotation'
  motivation: typeof CLAIM_MOTIVATION
  creator: W3cPerson
  created: string
  modified: string
  body: W3cTextualBody[]
  target: {
    source: string
    /** The web page the text was read on, when known. */
    scope?: string
    selector: (W3cTextQuoteSelector | W3cTextPositionSelector)[]
  }
}

/** One exported annotation set. */
export interface W3cAnnotationCollection {
  '@context': typeof EXPORT_CONTEXT
  id: string
  type: 'AnnotationCollection'
  label: string
  creator: W3cPerson
  created: string
  total: number
  first: {
    type: 'AnnotationPage'
    startIndex: 0
    items: W3cAnnotation[]
  }
}
