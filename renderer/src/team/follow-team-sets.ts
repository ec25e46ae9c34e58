/**
 * Colleagues' sets on the open article, kept in the set list by themselves
 * (docs/team.md): the team's containers for the article's SHA-256 are listed,
 * each colleague's set is imported as a *followed* set (read-only, with the
 * owner's name) the first time it is seen, re-fetched only when its
 * container's ETag moved, and removed when it is gone from the server.
 */
import type { TeamClient, TeamProblem, TeamSetSummary } from '../../../shared/team/client'
import type { AnnotationSet, FollowedFrom } from '../../../shared/claims/model'
import type { W3cAnnotationCollection } from '../../../shared/w3c'
import type { WorkbenchDb } from '../storage/database'
import { deleteSet, listSets } from '../storage/claims-repo'
import { getArticle } from '../storage/documents-repo'
import { followedFrom } from './followed-server'

/** What one pass did: labels of the sets added, brought up to date and removed, and the first problem met. */
export interface FollowOutcome {
  added: string[]
  updated: string[]
  /** Followed sets no longer on the server (deleted by their owner, or no longer readable): removed here. */
  gone: { label: string; owner: string }[]
  problem: TeamProblem | null
}

/** The set id of a container IRI (its last path segment). */
export function setIdOf(iri: string): string {
  return iri.replace(/\/$/, '').split('/').pop() ?? ''
}

/**
 * Store a colleague's set fetched from the server as a followed set of
 * `documentId`, through the same validated import as a W3C file: a new one
 * is added, the one already following the same container is replaced in one
 * transaction. Never throws: a refused import is returned as a problem and
 * nothing is stored.
 */
export async function storeFollowed(db: WorkbenchDb, collection: W3cAnnotationCollection, follow: FollowedFrom, label: string, documentId: string): Promise<TeamProblem | null> {
  const name = `${follow.owner} - ${label}.jsonld`
  const bytes = new TextEncoder().encode(JSON.stringify(collection))
  try {
    // Loaded on first use, as the File menu's import does: the importer and the W3C
    // parsing behind it stay out of the code an analyst without a team server opens with.
    const { importAnnotationFile } = await import('../exchange/import-annotations')
    await importAnnotationFile(db, { name, bytes }, { openDocumentId: documentId, follow })
    return null
  } catch (error) {
    return { kind: 'refused', status: 0, message: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * One pass over the team's sets on the article of `documentId` for the
 * analyst named `me` (whose own sets are not followed): list them, add each
 * colleague's set not followed yet, refresh each followed one whose ETag
 * moved, and remove followed sets the server no longer lists or answers 404
 * for. When the list cannot be read (server unreachable, token refused) the
 * followed sets keep what they hold and the problem is returned. Never
 * throws for the server's answers; rejects with a StorageError when
 * IndexedDB fails.
 */
export async function followTeamSets(db: WorkbenchDb, client: TeamClient, documentId: string, me: string): Promise<FollowOutcome> {
  const outcome: FollowOutcome = { added: [], updated: [], gone: [], problem: null }
  const article = await getArticle(db, documentId)
  if (article === null) return outcome
  const listed = await client.listSets(article.sha256)
  if (!listed.ok) return { ...outcome, problem: listed.problem }
  const local = await listSets(db, documentId)
  const ownIds = new Set(local.filter((s) => s.followed === undefined).map((s) => s.id))
  const colleagues = listed.value.filter((s) => s.owner !== me && !ownIds.has(s.setId))
  const byIri = new Map(colleagues.map((s) => [s.iri, s]))

  const seen = new Set<string>()
  for (const set of local.filter((s) => followedFrom(s, client.baseUrl))) {
    if (byIri.has(set.followed.iri) && !seen.has(set.followed.iri)) {
      seen.add(set.followed.iri)
      continue
    }
    if (seen.has(set.followed.iri)) {
      // A second copy of one container: two windows discovered it at the same moment. One is enough.
      await deleteSet(db, set.id)
      continue
    }
    // Not listed any more: deleted by its owner (or the analyst moved to another team).
    await deleteSet(db, set.id)
    outcome.gone.push({ label: set.label, owner: set.followed.owner })
  }
  for (const summary of colleagues) {
    // A set followed from a former server that this one serves too (same set id: the team moved its
    // server onto the same database) is found by the import under its id and taken over, not copied.
    const following = local.find((s) => s.followed?.iri === summary.iri)
    await followOne(db, client, documentId, summary, following, outcome)
  }
  return outcome
}

async function followOne(db: WorkbenchDb, client: TeamClient, documentId: string, summary: TeamSetSummary, following: AnnotationSet | undefined, outcome: FollowOutcome): Promise<void> {
  const fetched = await client.fetchSetIfChanged(summary, following?.followed?.etag ?? null)
  if (!fetched.ok) {
    if (fetched.problem.kind === 'not-found' && following !== undefined) {
      // Listed a moment ago, gone now: the owner deleted it in between.
      await deleteSet(db, following.id)
      outcome.gone.push({ label: following.label, owner: summary.owner })
    } else outcome.problem ??= fetched.problem
    return
  }
  if (fetched.value === null) return
  const problem = await storeFollowed(db, fetched.value.collection, { iri: summary.iri, owner: summary.owner, etag: fetched.value.etag }, summary.label, documentId)
  if (problem !== null) outcome.problem ??= problem
  else (following === undefined ? outcome.added : outcome.updated).push(summary.label)
}
