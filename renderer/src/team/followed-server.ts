/**
 * Which server a followed set is refreshed from (docs/team.md): a set
 * followed from another server than the configured one is not refreshed any
 * more; it is kept, marked as such, until the analyst removes it. Pure
 * functions, shared by discovery (follow-team-sets.ts), the set list and the
 * team line.
 */
import type { AnnotationSet, FollowedFrom } from '../../../shared/claims/model'

/** The team server a container IRI is on: the IRI without its `sets/{id}/` (what `TeamClient.baseUrl` is for it). */
export function serverOfContainer(iri: string): string {
  return iri.replace(/\/sets\/[^/]+\/$/, '')
}

/** Whether `set` is followed from `server` (a configured server's base URL; null when none is configured). */
export function followedFrom(set: AnnotationSet, server: string | null): set is AnnotationSet & { followed: FollowedFrom } {
  return set.followed !== undefined && server !== null && set.followed.iri.startsWith(`${server}/`)
}

/**
 * Followed sets that are not refreshed any more because they come from
 * another server than the configured one (`server`; null when none is),
 * grouped by the server they came from (groups and sets in the order of
 * `sets`: a group where its first set is). They are
 * kept — a colleague's claims do not vanish from a Compare in progress — and
 * shown as such until the analyst removes them (docs/team.md).
 */
export function staleFollowedSets(sets: readonly AnnotationSet[], server: string | null): { server: string; sets: AnnotationSet[] }[] {
  const groups = new Map<string, AnnotationSet[]>()
  for (const set of sets) {
    if (set.followed === undefined || followedFrom(set, server)) continue
    const from = serverOfContainer(set.followed.iri)
    groups.set(from, [...(groups.get(from) ?? []), set])
  }
  return [...groups].map(([from, list]) => ({ server: from, sets: list }))
}
