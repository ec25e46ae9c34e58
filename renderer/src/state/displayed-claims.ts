/**
 * The claims a window shows: the set as stored, with this window's claim
 * operations not yet on disk applied on top (state/claim-session.ts keeps
 * both). Pure functions over claim lists in document order
 * (`compareClaimsInDocumentOrder`), so the session's bookkeeping and the list
 * it hands the desk can be read, and tested, apart.
 */
import type { Claim } from '../../../shared/claims/model'
import { compareClaimsInDocumentOrder } from '../../../shared/claims/model'
import { applyOperations, type ClaimOperation } from '../../../shared/claims/operations'

/**
 * `stored` (in document order) with the operations `queued` for each claim id
 * applied, in document order. Stored claims with nothing queued are the very
 * same objects (the desk's diff by identity stays cheap); the list is sorted
 * again only when a queued claim is new or moved, not for every key typed into
 * a note. A claim whose operations delete it is left out. `stored` itself is
 * returned when nothing is queued. Throws what `applyOperations` throws for an
 * operation that does not fit its claim.
 */
export function displayedClaims(stored: readonly Claim[], queued: ReadonlyMap<string, readonly ClaimOperation[]>): readonly Claim[] {
  if (queued.size === 0) return stored
  const out: Claim[] = []
  const seen = new Set<string>()
  let moved = false
  for (const claim of stored) {
    const operations = queued.get(claim.id)
    if (!operations) {
      out.push(claim)
      continue
    }
    seen.add(claim.id)
    const shown = applyOperations(claim, operations)
    if (!shown) continue
    out.push(shown)
    if (compareClaimsInDocumentOrder(shown, claim) !== 0) moved = true
  }
  for (const [id, operations] of queued) {
    if (seen.has(id)) continue
    const created = applyOperations(null, operations)
    if (created) {
      out.push(created)
      moved = true
    }
  }
  return moved ? out.sort(compareClaimsInDocumentOrder) : out
}

/**
 * `claims` (in document order) with the claim `id` replaced by `claim`, or
 * removed when it is null; a new array in document order, found by binary
 * search (no sort of the whole set for one claim).
 */
export function withStored(claims: readonly Claim[], id: string, claim: Claim | null): Claim[] {
  const out = claims.filter((c) => c.id !== id)
  if (!claim) return out
  let lo = 0
  let hi = out.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compareClaimsInDocumentOrder(out[mid]!, claim) < 0) lo = mid + 1
    else hi = mid
  }
  out.splice(lo, 0, claim)
  return out
}
