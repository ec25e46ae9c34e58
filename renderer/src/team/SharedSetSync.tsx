/**
 * The team line of a shared set under the reader (docs/team.md): takes in
 * what another device of the analyst's changed on the server
 * (shared-pull.ts), and pushes the set's edits to the team server by themselves — after each change, when the
 * browser says it is online again, when the window gets the focus back and
 * every {@link SYNC_RETRY_MS} — and says Synced / n pending / Offline /
 * Conflict. A conflict shows the analyst's version beside the server's, and
 * the analyst chooses which to keep; nothing is overwritten before that, nor
 * is a claim with an edit not yet stored (`unsaved`).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HostBridge } from '../../../shared/bridge/contract'
import type { AnnotationSet, Claim, SharedTo } from '../../../shared/claims/model'
import { parseAnnotationFile } from '../../../shared/w3c'
import type { WorkbenchDb } from '../storage/database'
import { getPref } from '../storage/prefs-repo'
import type { TeamProblem } from '../../../shared/team/client'
import { teamProblemText } from './problem-text'
import { teamClient } from './team-actions'
import { keepMine, pushSharedSet, syncState, takeServers } from './shared-sync'
import { pullSharedSet, type UnsavedEdit } from './shared-pull'

/** How often pending changes are retried while the set is open. */
export const SYNC_RETRY_MS = 15_000

/** Wait this long after a change before pushing, so a burst of keystrokes goes out as one write. */
const SETTLE_MS = 400

function serverVersion(annotation: Record<string, unknown> | null): Pick<Claim, 'stance' | 'note'> | null {
  if (annotation === null) return null
  try {
    const item = parseAnnotationFile(JSON.stringify(annotation), 'team server').items[0]
    return item === undefined ? null : { stance: item.stance, note: item.note }
  } catch {
    return null
  }
}

/**
 * The sync line and conflicts of shared set `set` (whose claims, as on
 * screen, are `claims`). Never throws: a failed push is retried and said.
 */
export function SharedSetSync({ db, host, documentId, set, shared, claims, unsaved }: { db: WorkbenchDb; host: HostBridge; documentId: string; set: AnnotationSet; shared: SharedTo; claims: readonly Claim[]; unsaved: UnsavedEdit }) {
  const { t } = useTranslation()
  const [offline, setOffline] = useState(false)
  // The last push's refusal other than "unreachable" (token revoked, set gone, …), said under the state.
  const [refusal, setRefusal] = useState<{ problem: TeamProblem; server: string } | null>(null)
  const running = useRef(false)
  const latestUnsaved = useRef(unsaved)
  latestUnsaved.current = unsaved
  const again = useRef(false)

  const push = useCallback(async () => {
    // One push at a time; a change during one is pushed right after it.
    if (running.current) {
      again.current = true
      return
    }
    running.current = true
    try {
      do {
        again.current = false
        const [url, token] = await Promise.all([getPref(db, 'teamServerUrl'), getPref(db, 'teamToken')])
        const client = teamClient(host, url, token)
        if (client === null) return
        // What another device of the analyst's wrote first, so a claim changed only there is taken in, not met as a conflict.
        // A claim with an edit not yet stored is left alone: once stored it is pending, and the push meets the 412.
        const pulled = await pullSharedSet(db, client, documentId, set.id, (id) => latestUnsaved.current(id))
        const outcome = pulled.offline ? pulled : await pushSharedSet(db, client, documentId, set.id)
        const problem = pulled.problem ?? outcome.problem
        setOffline(outcome.offline)
        setRefusal(problem !== null && !outcome.offline ? { problem, server: client.baseUrl } : null)
      } while (again.current)
    } catch (error) {
      // IndexedDB refused to record an answer: said like a refusal; the next push tries again.
      setRefusal({ problem: { kind: 'refused', status: 0, message: error instanceof Error ? error.message : String(error) }, server: '' })
    } finally {
      running.current = false
    }
  }, [db, host, documentId, set.id])

  // After each change of the claims, of the set's label or of what the server acknowledged.
  useEffect(() => {
    const timer = setTimeout(() => void push(), SETTLE_MS)
    return () => clearTimeout(timer)
  }, [push, claims, shared, set.label])

  useEffect(() => {
    const retry = () => void push()
    const timer = setInterval(retry, SYNC_RETRY_MS)
    window.addEventListener('online', retry)
    window.addEventListener('focus', retry)
    return () => {
      clearInterval(timer)
      window.removeEventListener('online', retry)
      window.removeEventListener('focus', retry)
    }
  }, [push])

  const state = syncState(shared, claims, offline, set.label)
  // A refusal (token revoked, set gone) outranks "Synced" / "n pending", which would then mislead; a conflict still says itself.
  const refused = refusal !== null && state.kind !== 'conflict'
  const text = refused
    ? t('teamSync.notSent', { why: teamProblemText(t, refusal.problem, refusal.server) })
    : state.kind === 'synced'
      ? t('teamSync.synced')
      : state.kind === 'pending'
        ? t('teamSync.pending', { count: state.count })
        : state.kind === 'offline'
          ? t('teamSync.offline', { count: state.count })
          : t('teamSync.conflict', { count: state.count })
  const byId = new Map(claims.map((c) => [c.id, c]))
  return (
    <section className={`team-sync team-sync--${refused ? 'offline' : state.kind}`} aria-label={t('teamSync.title')}>
      <span role="status" aria-live="polite" className="team-sync-state">
        {text}
      </span>
      {refusal !== null && !refused && <p className="team-sync-refusal">{t('teamSync.notSent', { why: teamProblemText(t, refusal.problem, refusal.server) })}</p>}
      {Object.entries(shared.conflicts).map(([id, conflict]) => {
        const mine = byId.get(id)
        const theirs = serverVersion(conflict.annotation)
        return (
          <div key={id} className="team-conflict" role="group" aria-label={t('teamSync.conflictOn', { quote: mine?.target.quote.exact ?? id })}>
            <div className="team-conflict-version">
              <h4>{t('teamSync.yours')}</h4>
              <p>{mine === undefined ? t('teamSync.deleted') : `${t(`stance.${mine.stance}`)} — ${mine.note}`}</p>
            </div>
            <div className="team-conflict-version">
              <h4>{t('teamSync.servers')}</h4>
              <p>{theirs === null ? t('teamSync.deleted') : `${t(`stance.${theirs.stance}`)} — ${theirs.note}`}</p>
            </div>
            <button type="button" onClick={() => void keepMine(db, set.id, id)}>
              {t('teamSync.keepMine')}
            </button>
            <button type="button" onClick={() => void takeServers(db, documentId, set.id, id).then((ok) => ok || console.warn('The server’s version could not be read as a claim.'))}>
              {t('teamSync.takeServers')}
            </button>
          </div>
        )
      })}
    </section>
  )
}
