/**
 * Keeping a shared set on the team server in step with the analyst's edits
 * (docs/team.md). There is no outbox table: what is pending is derived by
 * comparing each claim's `modified` with what the server last acknowledged
 * (`AnnotationSet.shared.acked`), so an edit made offline is simply a claim
 * that differs, and goes out on the next push. Every write carries the
 * acknowledged ETag in If-Match; a 412 records the server's version as a
 * conflict and nothing is sent for that claim until the analyst chooses.
 */
import type { TeamClient, TeamProblem } from '../../../shared/team/client'
import type { AnnotationSet, Claim, SharedTo } from '../../../shared/claims/model'
import { exportSet } from '../../../shared/w3c'
import type { WorkbenchDb } from '../storage/database'
import { deleteClaim, listClaims, listSets, putClaim, updateSetShared } from '../storage/claims-repo'
import { getArticle } from '../storage/documents-repo'
import { claimFromServer } from './shared-pull'

/** What a shared set has to send: claims created or changed since acknowledged, and acknowledged ids deleted here. */
export interface PendingChanges {
  puts: Claim[]
  deletes: string[]
}

/** The pending changes of a shared set, without the claims in conflict (held until the analyst chooses). */
export function pendingChanges(shared: SharedTo, claims: readonly Claim[]): PendingChanges {
  const here = new Set(claims.map((c) => c.id))
  const puts = claims.filter((c) => shared.conflicts[c.id] === undefined && shared.acked[c.id]?.modified !== c.modified)
  const deletes = Object.keys(shared.acked).filter((id) => !here.has(id) && shared.conflicts[id] === undefined)
  return { puts, deletes }
}

/** What the status line says of a shared set. */
export type SyncState = { kind: 'synced' } | { kind: 'pending'; count: number } | { kind: 'offline'; count: number } | { kind: 'conflict'; count: number }

/**
 * The label to send for a shared set: its own label when the server has not
 * acknowledged that one (relabelled here, or a record from before labels were
 * pushed), else null.
 */
export function pendingLabel(set: Pick<AnnotationSet, 'label' | 'shared'>): string | null {
  return set.shared !== undefined && set.shared.label !== set.label ? set.label : null
}

/**
 * The status of a shared set from its record, its claims and whether the
 * last push found the server unreachable. `label`, the set's own label, counts
 * as one pending change while the server has not acknowledged it.
 */
export function syncState(shared: SharedTo, claims: readonly Claim[], offline: boolean, label?: string): SyncState {
  const conflicts = Object.keys(shared.conflicts).length
  if (conflicts > 0) return { kind: 'conflict', count: conflicts }
  const pending = pendingChanges(shared, claims)
  const relabel = label !== undefined && pendingLabel({ label, shared }) !== null ? 1 : 0
  const count = pending.puts.length + pending.deletes.length + relabel
  if (offline) return { kind: 'offline', count }
  return count === 0 ? { kind: 'synced' } : { kind: 'pending', count }
}

/** The acknowledged record after sharing: every claim written, at the ETag the server gave it, and the label the container was given. */
export function sharedAfterShare(iri: string, claims: readonly Claim[], etags: ReadonlyMap<string, string>, label?: string): SharedTo {
  const acked: SharedTo['acked'] = {}
  for (const c of claims) {
    const etag = etags.get(c.id)
    if (etag !== undefined) acked[c.id] = { etag, modified: c.modified }
  }
  return { iri, acked, conflicts: {}, ...(label === undefined ? {} : { label }) }
}

/** What a push did: `offline` when the server could not be reached (the rest stays pending), else the first other problem. */
export interface PushOutcome {
  offline: boolean
  problem: TeamProblem | null
}

async function sharedSet(db: WorkbenchDb, documentId: string, setId: string): Promise<AnnotationSet | null> {
  return (await listSets(db, documentId)).find((s) => s.id === setId) ?? null
}

/**
 * Send the pending changes of shared set `setId`: its label when relabelled
 * (PUT on the container), then PUT each created or changed claim and DELETE
 * each deleted one, with If-Match on the acknowledged ETag. Each answer is
 * recorded at once, so a push cut short loses nothing. Stops at the first
 * unreachable answer. Never throws for the server's answers; rejects with a
 * StorageError when IndexedDB fails.
 */
export async function pushSharedSet(db: WorkbenchDb, client: TeamClient, documentId: string, setId: string): Promise<PushOutcome> {
  const outcome: PushOutcome = { offline: false, problem: null }
  const set = await sharedSet(db, documentId, setId)
  if (set?.shared === undefined) return outcome
  const label = pendingLabel(set)
  if (label !== null) {
    const relabelled = await pushLabel(db, client, documentId, set, label)
    if (relabelled !== null && relabelled.kind === 'unreachable') return { offline: true, problem: relabelled }
    outcome.problem = relabelled
  }
  const { puts, deletes } = pendingChanges(set.shared, await listClaims(db, setId))
  if (puts.length === 0 && deletes.length === 0) return outcome
  // The article (up to megabytes) is read only when there is something to send: this
  // runs after every change and on a timer, and is usually a no-op.
  const article = puts.length > 0 ? await getArticle(db, documentId) : null
  if (puts.length > 0 && article === null) return outcome
  const annotations = new Map(article === null ? [] : exportSet(article, set, puts).first.items.map((a) => [String(a.id), a]))
  const stale = (id: string, problem: TeamProblem) =>
    updateSetShared(db, setId, (s) => ({ ...s!, conflicts: { ...s!.conflicts, [id]: { annotation: problem.current ?? null, etag: problem.currentEtag ?? null } } }))
  for (const claim of puts) {
    const put = await client.putAnnotation(setId, annotations.get(`urn:uuid:${claim.id}`)!, set.shared.acked[claim.id]?.etag ?? null)
    if (put.ok) {
      await updateSetShared(db, setId, (s) => ({ ...s!, acked: { ...s!.acked, [claim.id]: { etag: put.value.etag, modified: claim.modified } } }))
      continue
    }
    if (put.problem.kind === 'unreachable') return { offline: true, problem: put.problem }
    if (put.problem.kind === 'stale') await stale(claim.id, put.problem)
    else outcome.problem ??= put.problem
  }
  for (const id of deletes) {
    const del = await client.deleteAnnotation(setId, id, set.shared.acked[id]!.etag)
    if (del.ok || del.problem.kind === 'not-found') {
      await updateSetShared(db, setId, (s) => {
        const acked = { ...s!.acked }
        delete acked[id]
        return { ...s!, acked }
      })
      continue
    }
    if (del.problem.kind === 'unreachable') return { offline: true, problem: del.problem }
    if (del.problem.kind === 'stale') await stale(id, del.problem)
    else outcome.problem ??= del.problem
  }
  return outcome
}

/**
 * Relabel the set's container on the server. No If-Match: the label has one
 * writer (the owner), and the container's ETag also moves with every claim
 * written, so a condition on it would refuse a relabel after any edit from the
 * owner's other device. The label sent is recorded as acknowledged, so a
 * relabelling made here meanwhile stays pending. Resolves with the problem, or
 * null when the server took it.
 */
async function pushLabel(db: WorkbenchDb, client: TeamClient, documentId: string, set: AnnotationSet, label: string): Promise<TeamProblem | null> {
  const article = await getArticle(db, documentId)
  if (article === null) return null
  const put = await client.putSet(set.id, label, article.sha256, set.created)
  if (!put.ok) return put.problem
  await updateSetShared(db, set.id, (s) => ({ ...s!, label }))
  return null
}

function withoutConflict(shared: SharedTo, claimId: string): SharedTo['conflicts'] {
  const conflicts = { ...shared.conflicts }
  delete conflicts[claimId]
  return conflicts
}

/**
 * Resolve a conflict by keeping the analyst's version: it becomes pending
 * over the server's current ETag, so the next push replaces the server's
 * version knowingly (and meets a 412 again if it moved once more).
 */
export async function keepMine(db: WorkbenchDb, setId: string, claimId: string): Promise<void> {
  await updateSetShared(db, setId, (s) => {
    const conflict = s!.conflicts[claimId]
    const acked = { ...s!.acked }
    if (conflict?.etag == null) delete acked[claimId]
    else acked[claimId] = { etag: conflict.etag, modified: '' }
    return { ...s!, acked, conflicts: withoutConflict(s!, claimId) }
  })
}

/**
 * Resolve a conflict by taking the server's version: the local claim is
 * replaced by it (anchored on the article as an import is), or deleted when
 * the server deleted it. Resolves false when the server's version cannot be
 * read as a claim of this article (the conflict then stays).
 */
export async function takeServers(db: WorkbenchDb, documentId: string, setId: string, claimId: string): Promise<boolean> {
  const set = await sharedSet(db, documentId, setId)
  const article = await getArticle(db, documentId)
  const conflict = set?.shared?.conflicts[claimId]
  if (set?.shared === undefined || article === null || conflict === undefined) return false
  if (conflict.annotation === null || conflict.etag === null) {
    await deleteClaim(db, { id: claimId, setId, documentId })
    await updateSetShared(db, setId, (s) => {
      const acked = { ...s!.acked }
      delete acked[claimId]
      return { ...s!, acked, conflicts: withoutConflict(s!, claimId) }
    })
    return true
  }
  const claim = claimFromServer(article, conflict.annotation, setId, claimId)
  if (claim === null) return false
  await putClaim(db, claim)
  const etag = conflict.etag
  await updateSetShared(db, setId, (s) => ({ ...s!, acked: { ...s!.acked, [claimId]: { etag, modified: claim.modified } }, conflicts: withoutConflict(s!, claimId) }))
  return true
}
