/**
 * Shapes of the stored records. The domain types live in shared/; a record adds
 * only what the store needs to find it (e.g. the claim ids of a claims page).
 */
import type { Article, ArticleBlock } from '../../../shared/article/model'
import type { AnnotationSet, Claim } from '../../../shared/claims/model'

/** Library metadata of a document: everything but its text. */
export type DocumentRecord = Omit<Article, 'text' | 'blocks'>

/** A document's immutable body. */
export interface BodyRecord {
  id: string
  blocks: ArticleBlock[]
  text: string
}

export interface PrefRecord {
  key: string
  value: unknown
}

export type SetRecord = AnnotationSet

/**
 * A claim as schema version 2 stored it, one record per claim: `start` is
 * copied out of the target for the `[setId+start]` index. Read only by the
 * version 3 migration (schema-versions.ts), which moves claims into pages.
 */
export interface ClaimRecord extends Claim {
  start: number
}

/**
 * One page of a set's claims (schema version 3; claim-pages.ts says how
 * claims are paged). `key` is `<setId>#<bucket>`; `claimIds` lists the ids of
 * `claims` for the multi-entry index that finds a claim by id; `claims` are
 * plain claims in document order. The set's journal (ClaimEditRecord) may
 * hold newer versions of some of them.
 */
export interface ClaimPageRecord {
  key: string
  setId: string
  documentId: string
  bucket: number
  claimIds: string[]
  claims: Claim[]
}

/**
 * An edit of one claim not yet folded into its set's pages (schema version
 * 3; claim-journal.ts): the claim as written, or null once it was deleted.
 * Keyed by `[setId+id]`; the claim's set never changes.
 */
export interface ClaimEditRecord {
  setId: string
  id: string
  documentId: string
  claim: Claim | null
}

/**
 * The id of a claim operation applied to storage (schema version 4), kept so
 * that the same operation is never applied twice. Only the id: a note typed
 * key by key is one operation per key, and its text is in the claim already.
 */
export interface ClaimOpRecord {
  id: string
  setId: string
}
