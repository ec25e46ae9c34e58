/**
 * The claims panel's exchange buttons, "Import annotations…" and "Export
 * set…". They run the same actions as the File menu, which the shell
 * provides through {@link ExchangeActionsContext}; without a provider they
 * are not shown.
 */
import { createContext, useContext } from 'react'
import { useTranslation } from 'react-i18next'

/** The shell's annotation import and export, as the File menu runs them. */
export interface ExchangeActions {
  importAnnotations(): void
  exportSet(): void
}

/** Provided by the shell (App) around the reader. */
export const ExchangeActionsContext = createContext<ExchangeActions | null>(null)

export function ExchangeButtons({ canExport }: { canExport: boolean }) {
  const actions = useContext(ExchangeActionsContext)
  const { t } = useTranslation()
  if (!actions) return null
  return (
    <div className="exchange-buttons" role="group" aria-label={t('exchange.buttonsLabel')}>
      <button type="button" className="button-quiet" onClick={actions.importAnnotations} title={t('exchange.importTitle')}>
        {t('exchange.import')}
      </button>
      <button
        type="button"
        className="button-quiet"
        onClick={actions.exportSet}
        disabled={!canExport}
        title={t(canExport ? 'exchange.exportSetTitle' : 'exchange.exportSetDisabled')}
      >
        {t('exchange.exportSet')}
      </button>
    </div>
  )
}
