/**
 * The desk's status line for colleagues' sets (docs/team.md): how many are
 * followed on this article and that they are current, or why they could not
 * be refreshed (server unreachable, token refused, …), and which sets
 * disappeared because their owner deleted them on the server. Shown only when
 * a team server is configured.
 */
import { useTranslation } from 'react-i18next'
import type { TeamSetsState } from './use-team-sets'
import { teamProblemText } from './problem-text'

/** The line under the reader; nothing without a configured server. `following` is the number of followed sets on the article. */
export function TeamSetsLine({ state, following }: { state: TeamSetsState; following: number }) {
  const { t } = useTranslation()
  if (state.server === null) return null
  const problem = state.problem
  return (
    <section className={`team-sync team-follow${problem === null ? '' : ' team-sync--offline'}`} aria-label={t('teamSets.title')}>
      <span role="status" aria-live="polite" className="team-sync-state">
        {problem === null ? (following === 0 ? t('teamSets.none') : t('teamSets.current', { count: following })) : t('teamSets.notRefreshed', { why: teamProblemText(t, problem, state.server) })}
      </span>
      {state.gone.map((g) => (
        <p key={`${g.owner}\n${g.label}`} className="team-follow-gone">
          {t('teamSets.gone', { label: g.label, owner: g.owner })}
        </p>
      ))}
    </section>
  )
}
