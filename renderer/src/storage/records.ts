/**
 * Shapes of the stored records. The domain types live in shared/; a record adds
 * only what the store needs to index (e.g. a claim's start offset).
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

/** A claim as stored: `start` is copied out of the target for the `[setId+start]` index. */
export interface ClaimRecord extends Claim {
  start: number
}

export function toClaimRecord(claim: Claim): ClaimRecord {
  return { ...claim, start: claim.target.position.start }
}

export function fromClaimRecord(record: ClaimRecord): Claim {
  const { start: _start, ...claim } = record
  return claim
}
