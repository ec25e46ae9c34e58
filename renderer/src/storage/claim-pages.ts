/**
 * How a set's claims are laid out in IndexedDB (schema version 3): in pages,
 * not one record per claim. Reading a record has a fixed cost in IndexedDB
 * (≈ 10 µs each in Chromium, on the main thread as much as in the browser),
 * so a 10,000-claim set read as 10,000 records took ≈ 105 ms on an idle page
 * and 200-260 ms during start-up; the same claims in 64 pages read in
 * ≈ 30 ms (docs/performance.md).
 *
 * A claim's page is fixed by its id alone: {@link claimBucket} hashes the id
 * (FNV-1a over UTF-16 code units) into one of {@link CLAIM_PAGE_BUCKETS}
 * buckets, so folding an edit in rewrites one page (≈ 1/64 of the set) found
 * without a lookup. Edits themselves are not written into pages but into the
 * set's journal (claim-journal.ts), one small record each, so saving a claim
 * stays a single write; the journal is folded into the pages now and then.
 * Each page keeps its claims in document order
 * ({@link compareClaimsInDocumentOrder}), so a set read is a merge of sorted
 * runs. Changing the hash or the bucket count changes the storage format: it
 * needs a new schema version that re-pages every set.
 *
 * Pure functions: no IndexedDB here (claims-repo.ts does the reading and writing).
 */
import { compareClaimsInDocumentOrder, type Claim } from '../../../shared/claims/model'
import type { ClaimPageRecord } from './records'

/** Pages per set. Part of the storage format (see above). */
export const CLAIM_PAGE_BUCKETS = 64

/** The bucket (0 ≤ n < {@link CLAIM_PAGE_BUCKETS}) of a claim id: FNV-1a 32-bit over its UTF-16 code units. */
export function claimBucket(claimId: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < claimId.length; i++) {
    hash ^= claimId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % CLAIM_PAGE_BUCKETS
}

/**
 * Primary key of a set's page: `<setId>#<bucket>`. The bucket is the part after
 * the last `#`, so any set id (even one containing `#`) gives distinct keys.
 */
export function claimPageKey(setId: string, bucket: number): string {
  if (!Number.isInteger(bucket) || bucket < 0 || bucket >= CLAIM_PAGE_BUCKETS) throw new RangeError(`claimPageKey: bucket out of range: ${bucket}`)
  return `${setId}#${bucket}`
}

/** The key of the page that holds (or would hold) `claim`. */
export function pageKeyOf(claim: Pick<Claim, 'id' | 'setId'>): string {
  return claimPageKey(claim.setId, claimBucket(claim.id))
}

/** The record of a page holding `claims` (all of one set and one bucket, any order); sorted here. */
function pageRecord(setId: string, documentId: string, bucket: number, claims: Claim[]): ClaimPageRecord {
  claims.sort(compareClaimsInDocumentOrder)
  return { key: claimPageKey(setId, bucket), setId, documentId, bucket, claimIds: claims.map((c) => c.id), claims }
}

/**
 * Claims (of any number of sets) grouped into page records, each page in
 * document order. Only pages holding claims are returned.
 *
 * @throws RangeError when two claims share an id: the unique `claimIds` index
 *   cannot see a duplicate inside one record, so it is refused here.
 */
export function toClaimPages(claims: readonly Claim[]): ClaimPageRecord[] {
  const seen = new Set<string>()
  const pages = new Map<string, { setId: string; documentId: string; bucket: number; claims: Claim[] }>()
  for (const claim of claims) {
    if (seen.has(claim.id)) throw new RangeError(`toClaimPages: two claims share the id ${JSON.stringify(claim.id)}`)
    seen.add(claim.id)
    const bucket = claimBucket(claim.id)
    const key = claimPageKey(claim.setId, bucket)
    let page = pages.get(key)
    if (!page) pages.set(key, (page = { setId: claim.setId, documentId: claim.documentId, bucket, claims: [] }))
    page.claims.push(claim)
  }
  return [...pages.values()].map((p) => pageRecord(p.setId, p.documentId, p.bucket, p.claims))
}

/**
 * The page with `claim` put in (replacing the claim with its id, if there),
 * or a new page when `page` is undefined. `claim` must belong in this page.
 */
export function withClaimInPage(page: ClaimPageRecord | undefined, claim: Claim): ClaimPageRecord {
  const bucket = claimBucket(claim.id)
  if (page && (page.setId !== claim.setId || page.bucket !== bucket)) {
    throw new RangeError(`withClaimInPage: claim ${JSON.stringify(claim.id)} of set ${JSON.stringify(claim.setId)} does not belong in page ${JSON.stringify(page.key)}`)
  }
  const others = page ? page.claims.filter((c) => c.id !== claim.id) : []
  return pageRecord(claim.setId, page?.documentId ?? claim.documentId, bucket, [...others, claim])
}

/** The page without the claim `claimId`: the same object when it does not hold it, null when it would be empty. */
export function withoutClaimInPage(page: ClaimPageRecord, claimId: string): ClaimPageRecord | null {
  if (!page.claimIds.includes(claimId)) return page
  const claims = page.claims.filter((c) => c.id !== claimId)
  return claims.length === 0 ? null : { ...page, claimIds: claims.map((c) => c.id), claims }
}
