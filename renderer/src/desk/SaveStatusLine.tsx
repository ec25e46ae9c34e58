/**
 * The status line under the reader. It says "Saved" only after IndexedDB
 * confirmed the write, "Unsaved" while text on screen is held back from
 * saving (state/unsaved-drafts.ts); a failure shows its message and that a retry follows.
 */
import { useTranslation } from 'react-i18next'
import type { SaveStatus } from '../state/save-status'
import { isErrorCode } from '../../../shared/error-codes'
import { codeMessage, errorMessage } from '../i18n/error-message'

export function SaveStatusLine({
  status,
  claimCount,
  loadError,
  unsaved = false,
}: {
  status: SaveStatus
  claimCount: number
  /** Why the set could not be read (state/claim-session.ts), or null. */
  loadError: unknown
  unsaved?: boolean
}) {
  const { t, i18n } = useTranslation()
  let text: string
  let tone = 'quiet'
  if (loadError !== null && loadError !== undefined) {
    // Kept as the error itself, so it is told in the language shown now (i18n/error-message.ts).
    text = errorMessage(loadError, t, i18n.language)
    tone = 'error'
  } else if (unsaved && status.state !== 'error') text = t('status.unsaved')
  else if (status.state === 'saving') text = t('status.saving')
  else if (status.state === 'saved') text = t('status.saved')
  else if (status.state === 'error') {
    // Storage failures are told by their code in the user's language (i18n/error-message.ts).
    const message = isErrorCode(status.code) ? codeMessage(status.code, status.message, t, i18n.language) : status.message
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
