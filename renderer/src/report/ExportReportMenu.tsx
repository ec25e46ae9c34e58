/**
 * "Export report" in the app bar: a button that opens a small panel with the
 * four report formats, each with a line on what it is for, and the CSV's
 * "BOM for Excel" choice. Escape or a click elsewhere closes it; focus goes
 * back to the button.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { REPORT_FORMATS, type ReportFormat } from '../../../shared/report'
import { REPORT_FORMAT_LABELS } from './format-labels'

interface ExportReportMenuProps {
  onExport(format: ReportFormat): void
  bom: boolean
  onBomChange(value: boolean): void
  /** PDF goes through the browser's print dialog: its line says to choose "Save as PDF". */
  pdfViaPrintDialog?: boolean
}

export function ExportReportMenu({ onExport, bom, onBomChange, pdfViaPrintDialog = false }: ExportReportMenuProps) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const panelId = useId()

  useEffect(() => {
    if (!open) return
    root.current?.querySelector<HTMLButtonElement>('.report-export-choice')?.focus()
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      event.preventDefault()
      setOpen(false)
      toggle.current?.focus()
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  const choose = (format: ReportFormat) => {
    setOpen(false)
    toggle.current?.focus()
    onExport(format)
  }

  return (
    <div className="report-export" ref={root}>
      <button
        ref={toggle}
        type="button"
        className="report-export-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
        title={t('reportUi.toggleTitle')}
      >
        {t('reportUi.toggle')}
        <span className="report-export-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div className="report-export-panel" id={panelId} role="group" aria-label={t('reportUi.panelLabel')}>
          <p className="report-export-heading">{t('reportUi.heading')}</p>
          <ul className="report-export-list">
            {REPORT_FORMATS.map((format) => (
              <li key={format}>
                <button type="button" className="report-export-choice" onClick={() => choose(format)} aria-describedby={`${panelId}-${format}`}>
                  <span className="report-export-format">{REPORT_FORMAT_LABELS[format]}</span>
                  <span className="report-export-ext" aria-hidden="true">
                    .{format}
                  </span>
                  <span className="report-export-hint" id={`${panelId}-${format}`}>
                    {t(format === 'pdf' && pdfViaPrintDialog ? 'reportUi.hint.pdfPrintDialog' : `reportUi.hint.${format}`)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <label className="report-export-bom">
            <input type="checkbox" checked={bom} onChange={(event) => onBomChange(event.target.checked)} />
            {t('reportUi.bom')}
          </label>
        </div>
      )}
    </div>
  )
}
