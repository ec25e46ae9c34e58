/**
 * The claim model. A claim is one analyst's judgement of a span of an article:
 * does the article back it with evidence, or only speculate? Claims belong to an
 * annotation set (one analyst's work on one document) and are anchored by W3C
 * Web Annotation selectors over the article's canonical text.
 */

export type Stance = 'evidenced' | 'speculative'
export const STANCES: readonly Stance[] = ['evidenced', 'speculative']

export type Strength = 'weak' | 'moderate' | 'strong'
export const STRENGTHS: readonly Strength[] = ['weak', 'moderate', 'strong']

/**
 * TextPositionSelector over the canonical text, in UTF-16 code units (what
 * JavaScript strings index). Exported files count code points, as the W3C
 * model requires: shared/w3c converts at the boundary.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

/** W3C TextQuoteSelector: the exact quote with up to 32 characters of context each side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

export interface ClaimTarget {
  position: TextPositionSelector
  quote: TextQuoteSelector
}

export interface Source {
  citation: string
  /** http, https or mailto only; empty when none. */
  url: string
}

export interface EvidenceItem {
  id: string
  citation: string
  url: string
}

export interface Counterpoint {
  id: string
  text: string
  strength: Strength
  source: Source | null
}

export interface Claim {
  id: string
  setId: string
  documentId: string
  stance: Stance
  target: ClaimTarget
  note: string
  evidence: EvidenceItem[]
  counterpoints: Counterpoint[]
  /** Free tags kept from imports (e.g. Hypothesis tags other than the stance). */
  tags: string[]
  created: string
  modified: string
  author: string
  /** True when the claim could not be anchored on the text (an orphan). */
  orphan?: boolean
}

export interface AnnotationSet {
  id: string
  documentId: string
  analyst: string
  label: string
  created: string
  /** Where the set came from: made here, imported from a file, or a consensus of others. */
  origin: 'local' | 'imported' | 'consensus'
  /**
   * The web address of the document the set was made on, when an imported
   * file named one (Hypothesis `uri`, a W3C target's `source` or `scope`);
   * exported as each target's `scope` beside the `urn:sha256:` source.
   */
  sourceUrl?: string
  /**
   * `sha256:<hex>` of the bytes of the file the set was imported from, so that
   * importing the same file again is recognised.
   */
  importedFrom?: string
  /**
   * Set when the set is a colleague's, followed from the team server
   * (docs/team.md): the workbench keeps it current and refuses to edit it.
   */
  followed?: FollowedFrom
  /**
   * Set once the analyst has shared this set of their own (docs/team.md):
   * what the team server last acknowledged, from which the pending changes
   * and the conflicts are derived.
   */
  shared?: SharedTo
}

/**
 * What the team server holds of a shared set. A claim is pending when its
 * `modified` differs from the acknowledged one (or it has none: new); an
 * acknowledged id without a local claim is a pending delete.
 */
export interface SharedTo {
  /** The set's container IRI on the team server (ends in '/'). */
  iri: string
  /** Per claim id: the server's ETag of the version it acknowledged, and the local `modified` that version was. */
  acked: Record<string, { etag: string; modified: string }>
  /**
   * Per claim id: a write the server refused as stale (412), with the
   * server's version (null when it was deleted there) until the analyst
   * chooses; nothing is sent for that claim meanwhile.
   */
  conflicts: Record<string, { annotation: Record<string, unknown> | null; etag: string | null }>
  /**
   * The container's ETag when its claims were last compared with the
   * server's (renderer/src/team/shared-pull.ts): while it stands, nothing was
   * changed there by another device. Absent before the first pull.
   */
  etag?: string | null
  /**
   * The set's label as the server last acknowledged it: while the set's own
   * label differs, the relabelling is pending and the next push sends it.
   * Absent on records made before labels were pushed (sent once, then recorded).
   */
  label?: string
}

/** Where a followed set comes from on the team server, and the version held here. */
export interface FollowedFrom {
  /** The set's container IRI on the team server (ends in '/'). */
  iri: string
  /** The colleague who owns it (the only one who may change it). */
  owner: string
  /** The container's ETag when it was last fetched; null when the server sent none. */
  etag: string | null
}

/** Sort annotation sets oldest first, by id among sets made at the same instant. */
export function compareSetsOldestFirst(a: AnnotationSet, b: AnnotationSet): number {
  return a.created.localeCompare(b.created) || a.id.localeCompare(b.id)
}

/** Sort claims in document order: by start, then longer first, then by id for stability. */
export function compareClaimsInDocumentOrder(a: Claim, b: Claim): number {
  return (
    a.target.position.start - b.target.position.start ||
    b.target.position.end - a.target.position.end ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/**
 * A mailto: link to one plain address, optionally with a subject. Other header
 * fields are refused: `attach=` asks some mail clients to attach a local file,
 * `body=` puts words in the user's mouth, `cc`/`bcc` or a second address send
 * copies elsewhere. No `%` in the address: decoding could produce any of those.
 */
const PLAIN_MAILTO = /^mailto:[^\s?#&%,;:<>()"'\\/@]+@[^\s?#&%,;:<>()"'\\/@]+(?:\?subject=[^\s?#&]*)?$/i

/**
 * True for a URL the app may open or keep as a link: http or https, or a
 * mailto: to one plain address with at most a subject.
 */
export function isSafeExternalUrl(url: string): boolean {
  const trimmed = url.trim()
  if (/^mailto:/i.test(trimmed)) return PLAIN_MAILTO.test(trimmed)
  return /^https?:\/\/[^\s]+$/i.test(trimmed)
}
