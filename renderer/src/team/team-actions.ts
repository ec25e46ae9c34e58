/**
 * What the workbench does with the team server (docs/team.md): share the
 * open set and list the team's sets on the open article (follow-team-sets.ts
 * brings colleagues' sets into the set list). Requests go through the host bridge (`teamFetch`): the browser host
 * fetches directly (CORS); the calls and their failures are shared/team/client.ts's.
 */
import type { HostBridge } from '../../../shared/bridge/contract'
import { TeamClient, isServerUrl, type FetchLike, type TeamResult, type TeamSetSummary } from '../../../shared/team/client'
import { exportSet } from '../../../shared/w3c'
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
  if (article === null || set === undefined) return { ok: false, problem: { kind: 'not-found', status: 0, missing: 'set', message: 'The set to share is no longer in the library.' } }
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
  await updateSetShared(db, set.id, () => sharedAfterShare(`${client.baseUrl}/sets/${encodeURIComponent(set.id)}/`, claims, etags, set.label))
  return { ok: true, value: { label: set.label, claims: collection.first.items.length, created: container.value.created } }
}

/** The team's sets on the article of `documentId`, without the caller's own (they are local already). */
export async function teamSetsOnArticle(db: WorkbenchDb, client: TeamClient, documentId: string, me: string): Promise<TeamResult<TeamSetSummary[]>> {
  const article = await getArticle(db, documentId)
  if (article === null) return { ok: false, problem: { kind: 'not-found', status: 0, missing: 'article', message: 'The article is no longer in the library.' } }
  const sets = await client.listSets(article.sha256)
  return sets.ok ? { ok: true, value: sets.value.filter((s) => s.owner !== me) } : sets
}
