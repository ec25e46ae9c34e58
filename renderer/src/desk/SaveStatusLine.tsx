/**
 * The status line under the reader. It says "Saved" only after IndexedDB
 * confirmed the write, "Unsaved" while text on screen is held back from
 * saving (state/unsaved-drafts.ts); a failure shows its message and that a retry follows.
 */
import { useTranslation } from 'react-i18next'
import type { SaveStatus } from '../state/save-status'

export function SaveStatusLine({
  status,
  claimCount,
  loadError,
  unsaved = false,
}: {
  status: SaveStatus
  claimCount: number
  loadError: string | null
  unsaved?: boolean
}) {
  const { t, i18n } = useTranslation()
  let text: string
  let tone = 'quiet'
  if (loadError) {
    text = loadError
    tone = 'error'
  } else if (unsaved && status.state !== 'error') text = t('status.unsaved')
  else if (status.state === 'saving') text = t('status.saving')
  else if (status.state === 'saved') text = t('status.saved')
  else if (status.state === 'error') {
    // Known storage failures have a message in every language; others show their own text.
    const key = status.code ? `storageErrors.${status.code}` : null
    const message = key && i18n.exists(key) ? t(key) : status.message
    text = t('status.retrying', { message, seconds: Math.round(status.retryInMs / 1000) })
    tone = 'error'
  } else text = ''
  return (
    <footer className={`status-line status-line--${tone}`}>
      <span role="status" aria-live="polite" className="save-status">
        {text}
      </span>
      <span className="claim-count">
        {t('claims.count', { count: claimCount })}
      </span>
    </footer>
  )
}
