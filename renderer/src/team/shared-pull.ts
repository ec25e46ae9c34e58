/**
 * Taking in what another device of the owner's wrote to a shared set
 * (docs/team.md). On each sync the set's container is read again only when
 * its ETag moved; then every claim with nothing pending here whose server
 * version differs from the acknowledged one is replaced by the server's (or
 * deleted, when the server deleted it), and claims new on the server are
 * added. A claim with a pending local change is left alone: pushing it meets
 * a 412 and the analyst sees both versions, as before. So is a claim with an
 * edit of this window not yet stored (a key typed a moment ago, a note held
 * while the analyst chooses): it will be pending once stored, and meet the
 * same 412, instead of being overwritten by the server's version.
 */
import type { TeamClient, TeamProblem } from '../../../shared/team/client'
import type { Article } from '../../../shared/article/model'
import type { AnnotationSet, Claim, SharedTo } from '../../../shared/claims/model'
import { anchorImported, claimsFromImport, exportSet, parseAnnotationFile } from '../../../shared/w3c'
import type { WorkbenchDb } from '../storage/database'
import { listClaims, listSets, replaceClaimIfUnchanged, updateSetShared } from '../storage/claims-repo'
import { getArticle } from '../storage/documents-repo'

/** A JSON value with object keys sorted, so two serialisations of one document compare equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
  )
}

/** An annotation's content without what the server or the transport adds (its IRI, `canonical`, `@context`). */
export function annotationContent(annotation: Record<string, unknown>): string {
  const { id: _id, canonical: _canonical, '@context': _context, ...rest } = annotation
  return JSON.stringify(canonical(rest))
}

/** What a pull has to do, decided from the set's record, its claims (as exported) and the server's items. */
export interface PullPlan {
  /** Claim ids whose server version may differ from what is here: read each (with its ETag) and take it in unless its ETag is the acknowledged one. */
  check: string[]
  /** Claim ids the server no longer has and that have nothing pending here: delete them here. */
  deletes: string[]
  /** Claim ids changed or deleted on the server but left alone for an edit of this window not yet stored: the pull is not complete. */
  held: string[]
}

/** Whether claim `id` has an edit of this window not yet stored (the claim session's queue, a held note). */
export type UnsavedEdit = (claimId: string) => boolean

/**
 * Decide a pull. `local` maps each local claim id to its `modified` and its
 * exported annotation; `server` maps each claim id on the server to its
 * annotation. A claim is left out when it is in conflict or has a pending
 * local change (it differs from the acknowledged version, or is a pending
 * delete): those are the push's to send, over If-Match. A claim with an
 * `unsaved` edit is held back alike (`held`): it is pending as soon as the
 * edit is stored.
 */
export function planPull(
  shared: SharedTo,
  local: ReadonlyMap<string, { modified: string; annotation: Record<string, unknown> }>,
  server: ReadonlyMap<string, Record<string, unknown>>,
  unsaved: UnsavedEdit = () => false,
): PullPlan {
  const plan: PullPlan = { check: [], deletes: [], held: [] }
  const pending = (id: string) => {
    const here = local.get(id)
    const acked = shared.acked[id]
    return here === undefined ? acked !== undefined : acked?.modified !== here.modified
  }
  for (const [id, annotation] of server) {
    if (shared.conflicts[id] !== undefined || pending(id)) continue
    const here = local.get(id)
    if (here !== undefined && annotationContent(here.annotation) === annotationContent(annotation)) continue
    ;(unsaved(id) ? plan.held : plan.check).push(id)
  }
  for (const id of Object.keys(shared.acked)) {
    if (!server.has(id) && shared.conflicts[id] === undefined && !pending(id)) (unsaved(id) ? plan.held : plan.deletes).push(id)
  }
  return plan
}

/**
 * The server's version of a claim as a claim of set `setId` on `article`,
 * anchored as an import is, keeping id `claimId`; null when it cannot be read
 * as exactly one claim of this article.
 */
export function claimFromServer(article: Article, annotation: Record<string, unknown>, setId: string, claimId: string): Claim | null {
  try {
    const parsed = parseAnnotationFile(JSON.stringify(annotation), 'team server')
    const anchoring = anchorImported(article.text, parsed.items, { positionUnit: parsed.positionUnit, sameText: parsed.sourceUrn === `urn:sha256:${article.sha256}` })
    const made = claimsFromImport(article.text, parsed.items, anchoring.placements, { setId, documentId: article.id, now: new Date().toISOString(), newId: () => crypto.randomUUID(), positionUnit: parsed.positionUnit })
    return made.length === 1 ? { ...made[0]!, id: claimId } : null
  } catch {
    return null
  }
}

/** What a pull did: how many claims it took in (changed, added or deleted here), and why it stopped, if it did. */
export interface PullOutcome {
  taken: number
  offline: boolean
  problem: TeamProblem | null
}

/**
 * Take in the server's changes to shared set `setId` that nothing here
 * contradicts (see {@link planPull}; `unsaved` tells the claims with an edit
 * of this window not yet stored). Each claim is written only if it is still
 * stored as planned and still has no unsaved edit, checked in the write's
 * own transaction, so a key typed while the server's version was being read
 * is not overwritten. The container's ETag is recorded only after every
 * change was taken in, so a pull cut short or held back is done again. Never
 * throws for the server's answers; rejects with a StorageError when
 * IndexedDB fails.
 */
export async function pullSharedSet(db: WorkbenchDb, client: TeamClient, documentId: string, setId: string, unsaved: UnsavedEdit = () => false): Promise<PullOutcome> {
  const outcome: PullOutcome = { taken: 0, offline: false, problem: null }
  const set: AnnotationSet | undefined = (await listSets(db, documentId)).find((s) => s.id === setId)
  if (set?.shared === undefined) return outcome
  const fetched = await client.fetchSetIfChanged({ iri: set.shared.iri, setId }, set.shared.etag ?? null)
  if (!fetched.ok) return { ...outcome, offline: fetched.problem.kind === 'unreachable', problem: fetched.problem }
  if (fetched.value === null) return outcome
  const article = await getArticle(db, documentId)
  if (article === null) return outcome
  const claims = await listClaims(db, setId)
  const exported = new Map(exportSet(article, set, claims).first.items.map((a) => [String(a.id).replace(/^urn:uuid:/, ''), a as unknown as Record<string, unknown>]))
  const local = new Map(claims.map((c) => [c.id, { modified: c.modified, annotation: exported.get(c.id)! }]))
  const server = new Map(fetched.value.collection.first.items.map((a) => [String(a.id).replace(/^urn:uuid:/, ''), a as unknown as Record<string, unknown>]))
  const plan = planPull(set.shared, local, server, unsaved)
  let complete = plan.held.length === 0
  for (const id of plan.check) {
    const got = await client.getAnnotation(setId, id)
    if (!got.ok) {
      if (got.problem.kind === 'unreachable') return { ...outcome, offline: true, problem: got.problem }
      // Deleted since the container was read: the next pull sees it gone.
      if (got.problem.kind !== 'not-found') outcome.problem ??= got.problem
      complete = false
      continue
    }
    if (set.shared.acked[id]?.etag === got.value.etag) continue
    const claim = claimFromServer(article, got.value.annotation, setId, id)
    if (claim === null) {
      outcome.problem ??= { kind: 'refused', status: 0, message: `The team server's version of claim ${id} cannot be read as a claim of this article.` }
      continue
    }
    if (!(await replaceClaimIfUnchanged(db, claim, claim, local.get(id)?.modified ?? null, () => !unsaved(id)))) {
      // Edited here while the server's version was on its way: pending now, the push meets the 412.
      complete = false
      continue
    }
    const etag = got.value.etag
    await updateSetShared(db, setId, (s) => ({ ...s!, acked: { ...s!.acked, [id]: { etag, modified: claim.modified } } }))
    outcome.taken++
  }
  for (const id of plan.deletes) {
    const here = local.get(id)
    if (here !== undefined && !(await replaceClaimIfUnchanged(db, { id, setId, documentId }, null, here.modified, () => !unsaved(id)))) {
      complete = false
      continue
    }
    await updateSetShared(db, setId, (s) => {
      const acked = { ...s!.acked }
      delete acked[id]
      return { ...s!, acked }
    })
    outcome.taken++
  }
  if (complete) await updateSetShared(db, setId, (s) => ({ ...s!, etag: fetched.value!.etag }))
  return outcome
}
