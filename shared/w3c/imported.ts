/**
 * What the annotation importers produce: claims as read from a file, before
 * they are anchored on an article and given ids. Shared by the W3C and the
 * Hypothesis readers, with the rules both follow for stance, tags and authors.
 */
import type { AnchorSelectors } from '../anchoring'
import type { Source, Stance, Strength } from '../claims/model'
import { ImportRefusedError, type ImportErrorCode } from '../errors'

/** An evidence item as read; `id` is kept only when the file gave a UUID. */
export interface ImportedEvidence {
  id: string | null
  citation: string
  url: string
}

/** A counterpoint as read; `id` is kept only when the file gave a UUID. */
export interface ImportedCounterpoint {
  id: string | null
  text: string
  strength: Strength
  source: Source | null
}

/** One claim as read from a file. */
export interface ImportedItem {
  /** The id as given in the file, less a `urn:uuid:` prefix; `#<index>` when it had none. */
  id: string
  /** Where the file says the span is: offsets and/or quote (at least one). */
  selectors: AnchorSelectors
  stance: Stance
  note: string
  evidence: ImportedEvidence[]
  counterpoints: ImportedCounterpoint[]
  tags: string[]
  /** ISO times as given, or null when the file gave none. */
  created: string | null
  modified: string | null
  /** The annotation's author, or '' when the file names none. */
  author: string
}

/**
 * What a TextPositionSelector's offsets count. The W3C model says code points;
 * tools that take offsets from the DOM (Hypothesis, Recogito) count UTF-16
 * code units, as JavaScript strings do.
 */
export type PositionUnit = 'code-points' | 'code-units'

/** A whole annotation file as read. */
export interface ParsedAnnotations {
  format: 'w3c' | 'hypothesis'
  /**
   * The unit the file's producer counts offsets in: 'code-units' for
   * Hypothesis and Recogito, 'code-points' (the W3C rule) for other W3C files.
   * Assumed only for offsets no quote confirms (see `anchorImported`).
   */
  positionUnit: PositionUnit
  /**
   * The web address of the document the annotations were made on (Hypothesis
   * `uri`, a W3C target's http(s) `source` or its `scope`), or null.
   */
  originalAddress: string | null
  /** Whose work this is: the collection's creator, else the items' author(s); '' when unnamed. */
  analyst: string
  /** The collection's label, else the file name without its extension. */
  label: string
  /** The set's UUID when the file is a collection with a `urn:uuid:` id, else null. */
  setId: string | null
  /** The collection's `created` time, or null. */
  created: string | null
  /** `urn:sha256:<hex>` when the items name the article by hash (all the same one), else null. */
  sourceUrn: string | null
  items: ImportedItem[]
  /** Things read but left out or changed, one sentence each, for the user to see. */
  warnings: string[]
}

/** Tag added when a file gives no stance for an item (it then counts as speculative). */
export const UNTAGGED_TAG = 'untagged'
/** Tag added when a file gives both stances for one item (it then counts as speculative). */
export const CONFLICTING_STANCE_TAG = 'conflicting-stance'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** True for a UUID in its usual 8-4-4-4-12 hex form. */
export function isUuid(id: string): boolean {
  return UUID.test(id)
}

/** The UUID in `urn:uuid:<uuid>` (lowercased), or null. */
export function uuidFromUrn(value: unknown): string | null {
  if (typeof value !== 'string' || !/^urn:uuid:/i.test(value)) return null
  const id = value.slice('urn:uuid:'.length)
  return isUuid(id) ? id.toLowerCase() : null
}

const stanceWord = (label: string): Stance | null => {
  const word = label.trim().toLowerCase()
  return word === 'evidenced' || word === 'speculative' ? word : null
}

/**
 * Decide an item's stance from its stance labels (W3C classifying bodies)
 * and tags. The words `evidenced` / `speculative`, in any case, set it: from
 * the stance labels when any is one of them, else from the tags (Hypothesis
 * has only tags), which then drop those words. With neither word the stance
 * is 'speculative' and {@link UNTAGGED_TAG} is added; with both,
 * 'speculative' and {@link CONFLICTING_STANCE_TAG}: an unknown or
 * contradictory judgement is never read as evidenced, and the added tag lets
 * the analyst find every such item. Other stance labels become tags. Tags are
 * kept as written, less empty ones and exact duplicates, in order.
 */
export function stanceAndTags(stanceLabels: readonly string[], tags: readonly string[]): { stance: Stance; tags: string[] } {
  const fromLabels = stanceLabels.map(stanceWord).filter((w): w is Stance => w !== null)
  const tagsSetStance = fromLabels.length === 0
  const found = new Set<Stance>(fromLabels)
  const kept: string[] = []
  const keep = (tag: string): void => {
    if (tag.trim() !== '' && !kept.includes(tag)) kept.push(tag)
  }
  for (const label of stanceLabels) if (stanceWord(label) === null) keep(label)
  for (const tag of tags) {
    const word = tagsSetStance ? stanceWord(tag) : null
    if (word !== null) found.add(word)
    else keep(tag)
  }
  if (found.size === 1) return { stance: [...found][0]!, tags: kept }
  keep(found.size === 0 ? UNTAGGED_TAG : CONFLICTING_STANCE_TAG)
  return { stance: 'speculative', tags: kept }
}

/** `acct:name@host` -> `name`; other strings are returned as they are. */
export function accountName(user: string): string {
  const m = /^\s*acct:([^@]+)@/.exec(user)
  return m ? m[1]! : user
}

/** The one name shared by all `authors`, or all distinct names joined by ', ' ('' for none). */
export function commonAuthor(authors: readonly string[]): string {
  const names = [...new Set(authors.filter((a) => a !== ''))]
  return names.join(', ')
}

/** `name.ext` -> `name`, for a default label. */
export function labelFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '')
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(0, dot) : base
}

/** The one `urn:sha256:` source all items agree on, else null. */
export function commonSourceUrn(sources: readonly (string | null)[]): string | null {
  const urns = new Set(sources.filter((s): s is string => s !== null && /^urn:sha256:[0-9a-f]{64}$/.test(s)))
  return urns.size === 1 && sources.every((s) => s !== null && urns.has(s)) ? [...urns][0]! : null
}

/** The first http(s) address among `candidates` (trimmed), or null. */
export function firstWebAddress(candidates: readonly unknown[]): string | null {
  for (const c of candidates) {
    if (typeof c === 'string' && /^https?:\/\/\S+$/i.test(c.trim())) return c.trim()
  }
  return null
}

/** An ImportRefusedError `code` whose message starts with the quoted file name; `itemIndex` names the item. */
export function refuse(code: ImportErrorCode, fileName: string, message: string, itemIndex?: number): ImportRefusedError {
  return new ImportRefusedError(code, `"${fileName}": ${message}`, itemIndex === undefined ? { fileName } : { fileName, itemIndex })
}
