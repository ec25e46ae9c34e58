/**
 * The desk's status line for colleagues' sets (docs/team.md): how many are
 * followed on this article and that they are current, or why they could not
 * be refreshed (server unreachable, token refused, …), which sets
 * disappeared because their owner deleted them on the server, and which are
 * followed from a server that is no longer the configured one: those are not
 * refreshed, keep what they held (a Compare in progress keeps them) and are
 * removed only when the analyst says so.
 */
import { useTranslation } from 'react-i18next'
import type { AnnotationSet } from '../../../shared/claims/model'
import type { TeamSetsState } from './use-team-sets'
import { teamProblemText } from './problem-text'
import { followedFrom, staleFollowedSets } from './followed-server'

/**
 * The line under the reader for the sets of the open article (`sets`);
 * nothing when no server is configured and no followed set is stale.
 * `onRemoveStale` removes the given followed sets (the analyst's choice).
 */
export function TeamSetsLine({ state, sets, onRemoveStale }: { state: TeamSetsState; sets: readonly AnnotationSet[]; onRemoveStale(setIds: string[]): void }) {
  const { t } = useTranslation()
  const stale = state.known ? staleFollowedSets(sets, state.server) : []
  if (state.server === null && stale.length === 0) return null
  const problem = state.problem
  const following = sets.filter((s) => followedFrom(s, state.server)).length
  return (
    <section className={`team-sync team-follow${problem === null ? '' : ' team-sync--offline'}`} aria-label={t('teamSets.title')}>
      {state.server !== null && (
        <span role="status" aria-live="polite" className="team-sync-state">
          {problem === null ? (following === 0 ? t('teamSets.none') : t('teamSets.current', { count: following })) : t('teamSets.notRefreshed', { why: teamProblemText(t, problem, state.server) })}
        </span>
      )}
      {state.gone.map((g) => (
        <p key={`${g.owner}\n${g.label}`} className="team-follow-gone">
          {t('teamSets.gone', { label: g.label, owner: g.owner })}
        </p>
      ))}
      {stale.map((group) => (
        <p key={group.server} className="team-follow-stale">
          {t('teamSets.stale', { count: group.sets.length, server: group.server, labels: group.sets.map((s) => t('teamSets.quoted', { label: s.label })).join(t('teamSets.listSeparator')) })}{' '}
          <button type="button" onClick={() => onRemoveStale(group.sets.map((s) => s.id))}>
            {t('teamSets.removeStale', { count: group.sets.length })}
          </button>
        </p>
      ))}
    </section>
  )
}
