/**
 * Keeps colleagues' followed sets current while their article is open
 * (docs/team.md): once when the desk opens the article, then every
 * {@link FOLLOW_REFRESH_MS} and whenever the window gets the focus back, each
 * followed set is re-fetched if its ETag moved and its claims replaced in one
 * transaction; the desk's live queries show the change without a reload.
 */
import { useEffect } from 'react'
import type { HostBridge } from '../../../shared/bridge/contract'
import type { WorkbenchDb } from '../storage/database'
import { getPref } from '../storage/prefs-repo'
import { listSets } from '../storage/claims-repo'
import { refreshFollowedSets, teamClient } from './team-actions'

/** How often followed sets are checked while their article is open. */
export const FOLLOW_REFRESH_MS = 30_000

/**
 * Refresh the followed sets of `documentId` on open, on a timer and on
 * window focus. Never throws: without a configured server, or while it
 * cannot be reached, the sets keep what they hold (a failure is logged, not
 * shown: it would repeat every 30 s, and Preferences ▸ Team says what is wrong).
 */
export function useFollowedSetsRefresh(db: WorkbenchDb, host: HostBridge, documentId: string): void {
  useEffect(() => {
    let running = false
    let stopped = false
    const refresh = async () => {
      // One refresh at a time: a focus during a slow fetch would otherwise replace the set twice.
      if (running || stopped) return
      running = true
      try {
        if (!(await listSets(db, documentId)).some((s) => s.followed !== undefined)) return
        const [url, token] = await Promise.all([getPref(db, 'teamServerUrl'), getPref(db, 'teamToken')])
        const client = teamClient(host, url, token)
        if (client === null || stopped) return
        const outcome = await refreshFollowedSets(db, client, documentId)
        if (outcome.problem !== null) console.warn(`Followed sets not refreshed: ${outcome.problem.message}`)
      } catch (error) {
        console.warn('Followed sets not refreshed:', error)
      } finally {
        running = false
      }
    }
    void refresh()
    const timer = setInterval(() => void refresh(), FOLLOW_REFRESH_MS)
    const onFocus = () => void refresh()
    window.addEventListener('focus', onFocus)
    return () => {
      stopped = true
      clearInterval(timer)
      window.removeEventListener('focus', onFocus)
    }
  }, [db, host, documentId])
}
