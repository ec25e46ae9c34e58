/**
 * Preferences ▸ Team: the server URL and personal token, "Test connection"
 * (which says exactly what is wrong), sharing the open set, and the team's
 * sets on the open article (which the desk shows in the set list by
 * themselves, use-team-sets.ts).
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HostBridge } from '../../../shared/bridge/contract'
import type { TeamProblem, TeamSetSummary, TeamUser } from '../../../shared/team/client'
import type { WorkbenchDb } from '../storage/database'
import { setPref, type Prefs } from '../storage/prefs-repo'
import { shareSet, teamClient, teamSetsOnArticle } from './team-actions'
import { teamProblemText } from './problem-text'
import { errorText } from '../i18n/error-message'

interface TeamSectionProps {
  db: WorkbenchDb
  host: HostBridge
  prefs: Prefs
  notify(kind: 'info' | 'error', message: string): void
}

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'connected'; user: TeamUser } | { kind: 'problem'; problem: TeamProblem }

export function TeamSection({ db, host, prefs, notify }: TeamSectionProps) {
  const { t } = useTranslation()
  const [url, setUrl] = useState(prefs.teamServerUrl ?? '')
  const [token, setToken] = useState(prefs.teamToken ?? '')
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const [sets, setSets] = useState<TeamSetSummary[] | null>(null)
  const documentId = prefs.lastDocumentId
  const activeSetId = documentId === null ? undefined : prefs.activeSets[documentId]

  const problemText = (p: TeamProblem) => teamProblemText(t, p, url.trim())

  const client = () => teamClient(host, url, token)

  const test = async () => {
    const c = client()
    if (c === null) return setStatus({ kind: 'problem', problem: { kind: 'refused', status: 0, message: t('team.needUrlAndToken') } })
    await Promise.all([setPref(db, 'teamServerUrl', url.trim()), setPref(db, 'teamToken', token.trim())]).catch((e: unknown) => notify('error', errorText(e)))
    setStatus({ kind: 'busy' })
    const result = await c.testConnection()
    setStatus(result.ok ? { kind: 'connected', user: result.value } : { kind: 'problem', problem: result.problem })
    if (result.ok && documentId !== null) {
      const listed = await teamSetsOnArticle(db, c, documentId, result.value.name)
      setSets(listed.ok ? listed.value : null)
    }
  }

  const share = async () => {
    const c = client()
    if (c === null || documentId === null || activeSetId === undefined) return
    const result = await shareSet(db, c, documentId, activeSetId)
    if (result.ok) notify('info', t('team.shared', { label: result.value.label, count: result.value.claims }))
    else notify('error', problemText(result.problem))
  }

  return (
    <section className="prefs-section" aria-labelledby="prefs-team">
      <h2 id="prefs-team">{t('team.title')}</h2>
      <p className="field-hint">{t('team.hint')}</p>
      {host.teamFetch === undefined && <p role="note">{t('team.notInThisHost')}</p>}
      <label className="field">
        <span>{t('team.serverUrl')}</span>
        <input type="url" value={url} placeholder="https://annotations.example.org" onChange={(e) => setUrl(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('team.token')}</span>
        <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
      </label>
      <button type="button" onClick={() => void test()} disabled={status.kind === 'busy' || host.teamFetch === undefined}>
        {t('team.test')}
      </button>
      <p role="status" className="team-status">
        {status.kind === 'busy' && t('team.testing')}
        {status.kind === 'connected' && t('team.connected', { name: status.user.name, team: status.user.team })}
        {status.kind === 'problem' && problemText(status.problem)}
      </p>
      {status.kind === 'connected' && activeSetId !== undefined && (
        <button type="button" onClick={() => void share()}>
          {t('team.shareActive')}
        </button>
      )}
      {status.kind === 'connected' && sets !== null && (
        <div aria-labelledby="team-sets">
          <h3 id="team-sets">{t('team.setsOnArticle')}</h3>
          {sets.length === 0 ? (
            <p>{t('team.noSets')}</p>
          ) : (
            <ul className="team-sets">
              {sets.map((s) => (
                <li key={s.iri}>{t('team.setLine', { label: s.label, owner: s.owner, count: s.total })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}
