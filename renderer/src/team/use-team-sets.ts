/**
 * Keeps colleagues' sets on the open article in the set list while it is
 * open (docs/team.md): once when the desk opens the article, then every
 * {@link FOLLOW_REFRESH_MS} and whenever the window gets the focus back, the
 * team's sets on the article are listed, new ones added as followed sets,
 * changed ones (ETag moved) replaced in one transaction and gone ones
 * removed; the desk's live queries show each change without a reload.
 */
import { useEffect, useRef, useState } from 'react'
import type { HostBridge } from '../../../shared/bridge/contract'
import type { TeamProblem } from '../../../shared/team/client'
import type { WorkbenchDb } from '../storage/database'
import { getPref } from '../storage/prefs-repo'

/** How often the team's sets are checked while their article is open. */
export const FOLLOW_REFRESH_MS = 30_000

/** What the status line says of colleagues' sets. */
export interface TeamSetsState {
  /** The configured server's URL, or null when no team server is configured. */
  server: string | null
  /** False until the preferences were read: which followed sets are stale is not known before. */
  known: boolean
  /** Why the last pass failed, or null when it went through. */
  problem: TeamProblem | null
  /** Followed sets the last passes found gone from the server (and removed here). */
  gone: { label: string; owner: string }[]
}

const NOT_READ: TeamSetsState = { server: null, known: false, problem: null, gone: [] }
const NO_TEAM: TeamSetsState = { ...NOT_READ, known: true }

/**
 * Follow the team's sets on `documentId`: on open, on a timer and on window
 * focus. Never throws: a failed pass leaves the followed sets as they were
 * and is returned (the desk's status line says it in the user's language).
 */
export function useTeamSets(db: WorkbenchDb, host: HostBridge, documentId: string): TeamSetsState {
  const [state, setState] = useState<TeamSetsState>(NOT_READ)
  // Who the token belongs to, asked once per server and token (own sets are not followed).
  const me = useRef<{ key: string; name: string } | null>(null)

  useEffect(() => {
    let running = false
    let again = false
    let stopped = false
    setState(NOT_READ)
    const pass = async () => {
      // One pass at a time (two would add a set twice); one asked for meanwhile runs right after.
      if (stopped) return
      if (running) {
        again = true
        return
      }
      running = true
      try {
        do {
          again = false
          await onePass()
        } while (again && !stopped)
      } finally {
        running = false
      }
    }
    const onePass = async () => {
      try {
        const [url, token] = await Promise.all([getPref(db, 'teamServerUrl'), getPref(db, 'teamToken')])
        if (url === null || token === null) return setState(NO_TEAM)
        // Loaded only with a team server configured: following sets imports them through
        // the W3C parser and its schemas (≈ 450 KB), which the open of the article need not wait for.
        const [{ teamClient }, { followTeamSets }] = await Promise.all([import('./team-actions'), import('./follow-team-sets')])
        if (stopped) return
        const client = teamClient(host, url, token)
        if (client === null) return setState(NO_TEAM)
        const key = `${client.baseUrl}\n${token ?? ''}`
        if (me.current?.key !== key) {
          const who = await client.whoAmI()
          if (stopped) return
          if (!who.ok) return setState((was) => ({ ...was, server: client.baseUrl, known: true, problem: who.problem }))
          me.current = { key, name: who.value.name }
        }
        const outcome = await followTeamSets(db, client, documentId, me.current.name)
        if (stopped) return
        setState((was) => ({ server: client.baseUrl, known: true, problem: outcome.problem, gone: [...was.gone, ...outcome.gone] }))
      } catch (error) {
        // IndexedDB refused a write: said like a server problem, retried on the next pass.
        if (!stopped) setState((was) => ({ ...was, problem: { kind: 'refused', status: 0, message: error instanceof Error ? error.message : String(error) } }))
      }
    }
    void pass()
    const timer = setInterval(() => void pass(), FOLLOW_REFRESH_MS)
    const onFocus = () => void pass()
    window.addEventListener('focus', onFocus)
    return () => {
      stopped = true
      clearInterval(timer)
      window.removeEventListener('focus', onFocus)
    }
  }, [db, host, documentId])

  return state
}
