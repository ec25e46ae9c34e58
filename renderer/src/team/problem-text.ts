/**
 * A team server problem (shared/team/client.ts) in the user's language, naming
 * the server it concerns. One wording for Preferences ▸ Team and the desk's
 * status lines, so "token refused" reads the same wherever it is met.
 */
import type { TFunction } from 'i18next'
import type { TeamProblem } from '../../../shared/team/client'

/** The sentence for `problem` met talking to the server at `url`. */
export function teamProblemText(t: TFunction, problem: TeamProblem, url: string): string {
  switch (problem.kind) {
    case 'unreachable':
      return t('team.unreachable', { url })
    case 'bad-token':
      return t('team.badToken')
    case 'not-a-server':
      return t('team.notAServer', { url })
    case 'not-found':
      // Nothing was asked of the server: the set or article is gone from this library, not from the team's.
      if (problem.missing === 'set') return t('team.missingSet')
      if (problem.missing === 'article') return t('team.missingArticle')
      return problem.status === 404 ? t('team.setGone') : t('team.refused', { message: problem.message })
    case 'forbidden':
      return t('team.forbidden')
    default:
      return t('team.refused', { message: problem.message })
  }
}
