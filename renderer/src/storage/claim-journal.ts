/**
 * A set's claims as stored: its pages (claim-pages.ts) overlaid with its
 * journal of edits (`claimEdits`, one record per edited claim: the claim as
 * written, or a tombstone). Saving a claim writes one journal record blindly,
 * in a single request, as saving did when every claim was its own record:
 * rewriting the claim's page instead needed the page first, and the read's
 * round trip through a main thread busy drawing the new highlight added
 * ≈ 15-25 ms before "Saved" (docs/performance.md). Reading a set reads its
 * pages and its journal together; folding the journal into the pages
 * ({@link foldEdits}) keeps that journal short.
 *
 * Pure functions: no IndexedDB here (claims-repo.ts does the reading and writing).
 */
import { compareClaimsInDocumentOrder, type Claim } from '../../../shared/claims/model'
import { claimBucket, claimPageKey, withClaimInPage, withoutClaimInPage } from './claim-pages'
import type { ClaimEditRecord, ClaimPageRecord } from './records'

/** Journal edits of one set after which its session folds the journal into the pages (when idle). */
export const JOURNAL_FOLD_THRESHOLD = 64

/** The journal record saving `claim`. */
export function editOf(claim: Claim): ClaimEditRecord {
  return { setId: claim.setId, id: claim.id, documentId: claim.documentId, claim }
}

/** The journal record deleting `claim` (a tombstone: it hides the claim in its page until folded). */
export function tombstoneOf(claim: Pick<Claim, 'id' | 'setId' | 'documentId'>): ClaimEditRecord {
  return { setId: claim.setId, id: claim.id, documentId: claim.documentId, claim: null }
}

/**
 * One set's claims in document order: the claims of its `pages`, each
 * replaced by its edit in `edits` when there is one (removed for a
 * tombstone), plus the edited claims not yet in a page.
 */
export function claimsWithEdits(pages: readonly ClaimPageRecord[], edits: readonly ClaimEditRecord[]): Claim[] {
  if (edits.length === 0) return pages.flatMap((p) => p.claims).sort(compareClaimsInDocumentOrder)
  const edited = new Set(edits.map((e) => e.id))
  const out: Claim[] = []
  for (const page of pages) for (const claim of page.claims) if (!edited.has(claim.id)) out.push(claim)
  for (const edit of edits) if (edit.claim) out.push(edit.claim)
  // Sorted runs (the pages) and a few edits: TimSort merges them in near linear time.
  return out.sort(compareClaimsInDocumentOrder)
}

/** What folding a journal into its pages writes: pages to put and page keys to delete. */
export interface FoldedPages {
  put: ClaimPageRecord[]
  remove: string[]
}

/**
 * The pages of one set with `edits` (of that set) folded in. `pages` must
 * hold every existing page an edit touches (keyed by page key; others are
 * ignored); a page an edit empties is listed in `remove`.
 */
export function foldEdits(pages: ReadonlyMap<string, ClaimPageRecord>, edits: readonly ClaimEditRecord[]): FoldedPages {
  const touched = new Map<string, ClaimPageRecord | null>()
  for (const edit of edits) {
    const key = claimPageKey(edit.setId, claimBucket(edit.id))
    const page = touched.has(key) ? touched.get(key)! : (pages.get(key) ?? null)
    if (edit.claim) touched.set(key, withClaimInPage(page ?? undefined, edit.claim))
    else touched.set(key, page ? withoutClaimInPage(page, edit.id) : null)
  }
  const put: ClaimPageRecord[] = []
  const remove: string[] = []
  for (const [key, page] of touched) {
    if (page) put.push(page)
    else if (pages.has(key)) remove.push(key)
  }
  return { put, remove }
}
