/**
 * The line in the claims panel that says how many suggestions wait in the
 * active set, with a button to show or hide them in the reader.
 */
import { useTranslation } from 'react-i18next'
import type { Suggestions } from './use-suggestions'

export function PendingSummary({ suggest }: { suggest: Suggestions }) {
  const { t } = useTranslation()
  const { analysis, pending, visible } = suggest
  if (analysis.status === 'error') {
    return (
      <p className="suggestions-summary" role="status">
        {t('suggest.unavailableBecause', { message: analysis.message })}
      </p>
    )
  }
  const count = pending.length
  return (
    <p className="suggestions-summary">
      <span role="status" className="suggestions-summary-count">
        {analysis.status === 'running' ? t('suggest.finding') : t('suggest.pendingLong', { count })}
      </span>
      {analysis.status === 'ready' && (count > 0 || visible) && (
        <button type="button" className="link-button" onClick={() => suggest.setVisible(!visible)}>
          {t(visible ? 'suggest.hide' : 'suggest.review')}
        </button>
      )}
    </p>
  )
}
