/**
 * The claims panel's exchange buttons, "Import annotations…" and "Export
 * set…". They run the same actions as the File menu, which the shell
 * provides through {@link ExchangeActionsContext}; without a provider they
 * are not shown.
 */
import { createContext, useContext } from 'react'

/** The shell's annotation import and export, as the File menu runs them. */
export interface ExchangeActions {
  importAnnotations(): void
  exportSet(): void
}

/** Provided by the shell (App) around the reader. */
export const ExchangeActionsContext = createContext<ExchangeActions | null>(null)

export function ExchangeButtons({ canExport }: { canExport: boolean }) {
  const actions = useContext(ExchangeActionsContext)
  if (!actions) return null
  return (
    <div className="exchange-buttons" role="group" aria-label="Exchange annotations">
      <button type="button" className="button-quiet" onClick={actions.importAnnotations} title="Import a W3C or Hypothesis annotation file (Ctrl+Shift+I)">
        Import annotations…
      </button>
      <button
        type="button"
        className="button-quiet"
        onClick={actions.exportSet}
        disabled={!canExport}
        title={canExport ? 'Save this set as W3C Web Annotation JSON-LD' : 'Tag a claim first: there is no set to export yet'}
      >
        Export set…
      </button>
    </div>
  )
}
