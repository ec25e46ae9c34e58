/**
 * The app's report export: one function per format for the menu commands and
 * the "Export report" control, the remembered "BOM for Excel" choice, and the
 * notices that tell the user what happened.
 */
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HostBridge } from '../../../shared/bridge/contract'
import { errorText } from '../i18n/error-message'
import { reportStringsFor, type ReportFormat } from '../../../shared/report'
import type { WorkbenchDb } from '../storage/database'
import { getPref, setPref } from '../storage/prefs-repo'
import type { ReportContext } from './export-report'
import { REPORT_FORMAT_LABELS } from './format-labels'
import { messageKey } from '../i18n/message-key'

/** Whatever can say what the open document's report is made of (the reader view). */
export interface ReportSource {
  exportContext(): ReportContext | null
}

export interface ReportExport {
  /** Export the open document's active set as `format`; problems become notices, never rejections. */
  exportAs(format: ReportFormat): Promise<void>
  /** Whether CSV files start with a byte-order mark (remembered across sessions). */
  bom: boolean
  setBom(value: boolean): void
}

/**
 * Report export for the app shell. `source` is read at export time, so the
 * report has the claims as they are on screen then (unsaved edits included).
 * Notices and the report itself are in the UI language of that moment.
 */
export function useReportExport(
  db: WorkbenchDb,
  host: HostBridge,
  notify: (kind: 'info' | 'error', message: string) => void,
  source: { readonly current: ReportSource | null },
): ReportExport {
  const { t, i18n } = useTranslation()
  const [bom, setBomState] = useState(false)

  useEffect(() => {
    let live = true
    void getPref(db, 'reportCsvBom').then((value) => live && setBomState(value), () => undefined)
    return () => {
      live = false
    }
  }, [db])

  const setBom = useCallback(
    (value: boolean) => {
      setBomState(value)
      void setPref(db, 'reportCsvBom', value).catch(() => undefined)
    },
    [db],
  )

  const exportAs = useCallback(
    async (format: ReportFormat) => {
      const tr = (key: string, values?: Record<string, string | number>) => t(messageKey(key), values ?? {})
      if (source.current === null) {
        notify('info', tr('reportUi.openArticleFirst'))
        return
      }
      const context = source.current.exportContext()
      if (context === null) {
        notify('info', tr('reportUi.nothingToReport'))
        return
      }
      try {
        // Loaded on first use: the report renderers are not needed to open the reader.
        const { exportReport, exportedMessage } = await import('./export-report')
        const result = await exportReport(host, context, format, { bom, strings: reportStringsFor(i18n.language), printInstructions: tr('reportUi.printInstructions') })
        const message = exportedMessage(result, format, host, tr)
        if (message !== null) notify('info', message)
      } catch (error) {
        notify('error', tr('reportUi.failed', { format: REPORT_FORMAT_LABELS[format], message: errorText(error) }))
      }
    },
    [bom, host, notify, source, t, i18n],
  )

  return { exportAs, bom, setBom }
}
