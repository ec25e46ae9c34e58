/**
 * What the workbench does with the team server (docs/team.md): share the
 * open set, list the team's sets on the open article, and bring one into the
 * library. Requests go through the host bridge (`teamFetch`): the browser host
 * fetches directly (CORS); the calls and their failures are shared/team/client.ts's.
 */
import type { HostBridge } from '../../../shared/bridge/contract'
import { TeamClient, isServerUrl, type FetchLike, type TeamProblem, type TeamResult, type TeamSetSummary } from '../../../shared/team/client'
import type { FollowedFrom } from '../../../shared/claims/model'
import { exportSet, type W3cAnnotationCollection } from '../../../shared/w3c'
import { importAnnotationFile, type ImportOutcome } from '../exchange/import-annotations'
import type { WorkbenchDb } from '../storage/database'
import { listClaims, listSets, updateSetShared } from '../storage/claims-repo'
import { sharedAfterShare } from './shared-sync'
import { getArticle } from '../storage/documents-repo'

/** The host's way to the team server as the client's fetch (headers read by name, lower-cased). */
export function fetchThroughHost(teamFetch: NonNullable<HostBridge['teamFetch']>, server: string): FetchLike {
  return async (url, init) => {
    const res = await teamFetch({ server, url, method: init.method, headers: init.headers, ...(init.body === undefined ? {} : { body: init.body }) })
    return { status: res.status, headers: { get: (name) => res.headers[name.toLowerCase()] ?? null }, text: async () => res.body }
  }
}

/** A client for the configured server, or null when the URL or token is missing or malformed. */
export function teamClient(host: HostBridge, url: string | null, token: string | null): TeamClient | null {
  if (host.teamFetch === undefined || url === null || token === null || token.trim() === '' || !isServerUrl(url)) return null
  const server = url.trim().replace(/\/+$/, '')
  return new TeamClient(server, token.trim(), fetchThroughHost(host.teamFetch.bind(host), server))
}

/** What sharing did: how many claims went out, and whether the set was new on the server. */
export interface ShareOutcome {
  label: string
  claims: number
  created: boolean
}

/**
 * Share set `setId` of document `documentId`: create (or relabel) its
 * container, then write each claim. A claim refused stops the share with that
 * problem; claims already written stay written (a second share completes it).
 * A complete share marks the set shared: its later edits are pushed by
 * use-shared-sync.ts.
 */
export async function shareSet(db: WorkbenchDb, client: TeamClient, documentId: string, setId: string): Promise<TeamResult<ShareOutcome>> {
  const article = await getArticle(db, documentId)
  const set = (await listSets(db, documentId)).find((s) => s.id === setId)
  if (article === null || set === undefined) return { ok: false, problem: { kind: 'not-found', status: 0, message: 'The set to share is no longer in the library.' } }
  const claims = await listClaims(db, setId)
  const collection = exportSet(article, set, claims)
  const container = await client.putSet(set.id, set.label, article.sha256, set.created)
  if (!container.ok) return container
  const etags = new Map<string, string>()
  for (const annotation of collection.first.items) {
    const put = await client.putAnnotation(set.id, annotation, null)
    if (!put.ok) return put
    etags.set(String(annotation.id).replace(/^urn:uuid:/, ''), put.value.etag)
  }
  // From now on the set's edits go out by themselves (shared-sync.ts), measured against these versions.
  await updateSetShared(db, set.id, () => sharedAfterShare(`${client.baseUrl}/sets/${encodeURIComponent(set.id)}/`, claims, etags))
  return { ok: true, value: { label: set.label, claims: collection.first.items.length, created: container.value.created } }
}

/** The team's sets on the article of `documentId`, without the caller's own (they are local already). */
export async function teamSetsOnArticle(db: WorkbenchDb, client: TeamClient, documentId: string, me: string): Promise<TeamResult<TeamSetSummary[]>> {
  const article = await getArticle(db, documentId)
  if (article === null) return { ok: false, problem: { kind: 'not-found', status: 0, message: 'The article is no longer in the library.' } }
  const sets = await client.listSets(article.sha256)
  return sets.ok ? { ok: true, value: sets.value.filter((s) => s.owner !== me) } : sets
}

/**
 * Follow a colleague's set: fetch it and import it as a set of the open
 * article (the same import a W3C file goes through: validated, anchored,
 * stored in one transaction), marked followed — read-only here and kept
 * current by {@link refreshFollowedSets}. Following the same set again
 * updates the followed copy instead of making a second one.
 */
export async function importTeamSet(db: WorkbenchDb, client: TeamClient, summary: Pick<TeamSetSummary, 'iri' | 'setId' | 'owner' | 'label'>, documentId: string): Promise<TeamResult<ImportOutcome>> {
  const fetched = await client.fetchSetIfChanged(summary, null)
  if (!fetched.ok) return fetched
  return storeFollowed(db, fetched.value!.collection, { iri: summary.iri, owner: summary.owner, etag: fetched.value!.etag }, summary.label, documentId)
}

async function storeFollowed(db: WorkbenchDb, collection: W3cAnnotationCollection, follow: FollowedFrom, label: string, documentId: string): Promise<TeamResult<ImportOutcome>> {
  const name = `${follow.owner} - ${label}.jsonld`
  const bytes = new TextEncoder().encode(JSON.stringify(collection))
  try {
    return { ok: true, value: await importAnnotationFile(db, { name, bytes }, { openDocumentId: documentId, follow }) }
  } catch (error) {
    const problem: TeamProblem = { kind: 'refused', status: 0, message: error instanceof Error ? error.message : String(error) }
    return { ok: false, problem }
  }
}

/** What a refresh did: the labels of the followed sets that changed, and the first problem met. */
export interface RefreshOutcome {
  updated: string[]
  problem: TeamProblem | null
}

/**
 * Bring every followed set of document `documentId` up to date: each is
 * fetched only if its container's ETag moved (If-None-Match), and a changed
 * one has all its claims replaced in one transaction. A set that cannot be
 * fetched or stored keeps what it had; the others are still refreshed.
 */
export async function refreshFollowedSets(db: WorkbenchDb, client: TeamClient, documentId: string): Promise<RefreshOutcome> {
  const outcome: RefreshOutcome = { updated: [], problem: null }
  for (const set of await listSets(db, documentId)) {
    const followed = set.followed
    if (followed === undefined) continue
    const setId = followed.iri.replace(/\/$/, '').split('/').pop() ?? ''
    const fetched = await client.fetchSetIfChanged({ iri: followed.iri, setId }, followed.etag)
    if (!fetched.ok) {
      outcome.problem ??= fetched.problem
      continue
    }
    if (fetched.value === null) continue
    const stored = await storeFollowed(db, fetched.value.collection, { ...followed, etag: fetched.value.etag }, set.label, documentId)
    if (stored.ok) outcome.updated.push(set.label)
    else outcome.problem ??= stored.problem
  }
  return outcome
}
