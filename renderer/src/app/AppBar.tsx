/**
 * The bar across the top: the app's name (back to the library), the in-app
 * menu bar where the host has no native menu, and the everyday buttons.
 */
import { useTranslation } from 'react-i18next'
import type { ReportFormat } from '../../../shared/report'
import type { CommandId } from '../commands/command-list'
import { MenuBar } from '../commands/MenuBar'
import { ExportReportMenu } from '../report/ExportReportMenu'

interface AppBarProps {
  showMenuBar: boolean
  view: 'library' | 'reader' | 'preferences' | null
  isEnabled(id: CommandId): boolean
  onRun(id: CommandId): void
  onExportReport(format: ReportFormat): void
  bom: boolean
  onBomChange(value: boolean): void
  /** The host "saves" a PDF through the browser's print dialog (the report menu says so). */
  pdfViaPrintDialog: boolean
}

export function AppBar({ showMenuBar, view, isEnabled, onRun, onExportReport, bom, onBomChange, pdfViaPrintDialog }: AppBarProps) {
  const { t } = useTranslation()
  return (
    <header className="app-bar">
      <div className="app-bar-start">
        <button type="button" className="app-name" onClick={() => onRun('show-library')}>
          {t('app.name')}
        </button>
        {showMenuBar && <MenuBar isEnabled={isEnabled} onRun={onRun} />}
      </div>
      <nav className="app-bar-actions" aria-label={t('app.workbenchNav')}>
        <button type="button" onClick={() => onRun('show-library')} aria-current={view === 'library' ? 'page' : undefined}>
          {t('app.library')}
        </button>
        <button type="button" onClick={() => onRun('open-article')}>
          {t('app.openArticle')}
        </button>
        {view === 'reader' && <ExportReportMenu onExport={onExportReport} bom={bom} onBomChange={onBomChange} pdfViaPrintDialog={pdfViaPrintDialog} />}
        <button type="button" onClick={() => onRun('preferences')} aria-current={view === 'preferences' ? 'page' : undefined}>
          {t('app.preferences')}
        </button>
      </nav>
    </header>
  )
}
