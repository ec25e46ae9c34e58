/**
 * The sets being compared and their claims, live: an edit to any of them (in
 * this window or another) reaches the Compare view at once, so the outcome
 * list and figures follow it without a reload.
 */
import type { SetWithClaims } from '../../../shared/compare'
import type { WorkbenchDb } from '../storage/database'
import { listClaims, listSets } from '../storage/claims-repo'
import { useLiveQuery, type LiveResult } from '../state/use-live-query'

/**
 * The sets of `documentId` named by `setIds`, in that order (A first), each
 * with its claims in document order. Ids that no longer name a set of the
 * document (deleted meanwhile) are left out, so the result may hold fewer
 * sets than asked for.
 */
export function useComparedSets(db: WorkbenchDb, documentId: string, setIds: readonly string[]): LiveResult<SetWithClaims[]> {
  return useLiveQuery(async () => {
    const sets = await listSets(db, documentId)
    const chosen = setIds.flatMap((id) => sets.filter((s) => s.id === id))
    return Promise.all(chosen.map(async (set) => ({ set, claims: await listClaims(db, set.id) })))
  }, [db, documentId, setIds.join('|')])
}
