/**
 * The suggestions toolbar above the reader: the Suggestions switch, the
 * pending count, stepping, the keys, and the way into the lexicon. It also
 * hosts the lexicon dialog.
 */
import { useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { messageKey } from '../i18n/message-key'
import { LexiconDialog } from './LexiconDialog'
import type { Suggestions } from './use-suggestions'

/** "21 pending", "Finding suggestions…" or why it failed, through the message lookup `t`. */
export function pendingLabel(s: Pick<Suggestions, 'analysis' | 'pending'>, t: (key: string, values?: Record<string, number>) => string): string {
  if (s.analysis.status === 'running') return t('suggest.finding')
  if (s.analysis.status === 'error') return t('suggest.unavailable')
  return t('suggest.pendingShort', { count: s.pending.length })
}

export function SuggestionsBar({ suggest }: { suggest: Suggestions }) {
  const { t } = useTranslation()
  const [lexiconOpen, setLexiconOpen] = useState(false)
  const { visible, focused, pending } = suggest
  const at = focused ? pending.indexOf(focused) : -1
  return (
    <div className={`suggestions-bar ${visible ? 'is-on' : ''}`} role="toolbar" aria-label={t('suggest.title')}>
      <button
        type="button"
        className="suggestions-switch"
        aria-pressed={visible}
        disabled={!suggest.known}
        onClick={() => suggest.setVisible(!visible)}
        title={t('suggest.switchTitle')}
      >
        <span className="suggestions-switch-track" aria-hidden="true">
          <span className="suggestions-switch-thumb" />
        </span>
        {t('suggest.title')}
      </button>
      <span className="suggestions-count" title={suggest.analysis.status === 'error' ? suggest.analysis.message : undefined}>
        {pendingLabel(suggest, (key, values) => t(messageKey(key), values ?? {}))}
        {visible && at >= 0 && <span className="suggestions-position"> · {t('suggest.position', { at: at + 1, total: pending.length })}</span>}
      </span>
      {visible && (
        <>
          <span className="suggestions-nav">
            <button type="button" onClick={() => suggest.step(-1)} disabled={pending.length === 0} aria-keyshortcuts="P" title={t('suggest.prevTitle')}>
              {t('suggest.prev')}
            </button>
            <button type="button" onClick={() => suggest.step(1)} disabled={pending.length === 0} aria-keyshortcuts="N" title={t('suggest.nextTitle')}>
              {t('suggest.next')}
            </button>
          </span>
          <span className="suggestions-keys" aria-label={t('suggest.keysLabel')}>
            <Trans i18nKey="suggest.keys" components={{ kbd: <kbd /> }} />
          </span>
        </>
      )}
      <span className="suggestions-tools">
        {visible && suggest.dismissedCount > 0 && (
          <button type="button" className="button-quiet" onClick={suggest.restoreDismissed} title={t('suggest.restoreDismissedTitle')}>
            {t('suggest.restoreDismissed', { count: suggest.dismissedCount })}
          </button>
        )}
        <button type="button" className="button-quiet" onClick={() => setLexiconOpen(true)} aria-haspopup="dialog">
          {t('suggest.lexicon')}
        </button>
      </span>
      {lexiconOpen && <LexiconDialog suggest={suggest} onClose={() => setLexiconOpen(false)} />}
    </div>
  )
}
