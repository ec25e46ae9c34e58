/**
 * The shell's annotation exchange: import a W3C or Hypothesis file (menu,
 * shortcut, button, drop, host "open file") as a new active set and show the
 * "Import result"; export the active set as W3C JSON-LD through the host.
 * App mounts `ui` and routes the menu commands here.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { Article } from '../../../shared/article/model'
import type { HostBridge, PickedFile } from '../../../shared/bridge/contract'
import type { AnnotationSet, Claim } from '../../../shared/claims/model'
import { resolveLocale } from '../../../shared/i18n/catalog'
import type { WorkbenchDb } from '../storage/database'
import { updatePref } from '../storage/prefs-repo'
import { errorMessage } from '../i18n/error-message'
import type { ExchangeActions } from './ExchangeButtons'
import type { ImportReport } from './import-report'
import { AlreadyImportedDialog } from './AlreadyImportedDialog'
import type { AlreadyImportedOutcome, ImportOptions } from './import-annotations'
import { ImportResultDialog } from './ImportResultDialog'

/** What the exchange needs from the open reader (part of DeskCommands). */
export interface ExchangeReaderCommands {
  /** The open article, its active set and that set's claims as shown; null while there is no set or it is loading. */
  exportContext(): { article: Article; set: AnnotationSet; claims: readonly Claim[] } | null
  /** Make `setId` the active set of the open document. */
  chooseSet(setId: string): void
}

interface ExchangeOptions {
  db: WorkbenchDb
  host: HostBridge
  notify(kind: 'info' | 'error', message: string): void
  /** The document open in the reader, or null in the library. */
  openDocumentId: string | null
  reader: RefObject<ExchangeReaderCommands | null>
  openDocument(documentId: string): void
}

export interface AnnotationExchange {
  /**
   * Import a file the user picked or dropped; errors become notices. A file
   * imported before asks first whether to update the earlier set (`again`
   * answers that question).
   */
  importFile(file: PickedFile, again?: ImportOptions['again']): Promise<void>
  /** Ask the host for an annotation file and import it. */
  pickAndImport(): Promise<void>
  /** Save the active set as `<label>.jsonld`. */
  exportActiveSet(): Promise<void>
  /** For the claims panel's buttons (ExchangeActionsContext). */
  actions: ExchangeActions
  /** The import result dialog and the progress line, to mount once. */
  ui: React.ReactNode
}

// After the next frame, or 100 ms at most: a hidden window gets no animation frames.
const nextPaint = () =>
  new Promise<void>((resolve) => {
    const fallback = setTimeout(resolve, 100)
    const done = () => {
      clearTimeout(fallback)
      resolve()
    }
    requestAnimationFrame(() => setTimeout(done, 0))
  })

export function useAnnotationExchange({ db, host, notify, openDocumentId, reader, openDocument }: ExchangeOptions): AnnotationExchange {
  const { t, i18n } = useTranslation()
  const locale = resolveLocale([i18n.language])
  const [report, setReport] = useState<ImportReport | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  // A file imported before, waiting for the analyst to say what to do with it.
  const [asked, setAsked] = useState<{ file: PickedFile; outcome: AlreadyImportedOutcome } | null>(null)
  const running = useRef(false)
  const openId = useRef(openDocumentId)
  useEffect(() => {
    openId.current = openDocumentId
  }, [openDocumentId])

  const importFile = useCallback(
    async (file: PickedFile, again: ImportOptions['again'] = 'ask') => {
      if (running.current) {
        notify('error', t('exchange.importBusy', { name: file.name }))
        return
      }
      running.current = true
      setBusy(file.name)
      try {
        // Let the progress line render before parsing holds the thread.
        await nextPaint()
        // Loaded on first use: the W3C validators and importers are not needed to open the reader.
        const { importAnnotationFile } = await import('./import-annotations')
        const outcome = await importAnnotationFile(db, file, { openDocumentId: openId.current, again })
        if (outcome.status === 'already-imported') {
          setAsked({ file, outcome })
          return
        }
        await updatePref(db, 'activeSets', (active) => ({ ...active, [outcome.documentId]: outcome.set.id }))
        if (outcome.documentId === openId.current) reader.current?.chooseSet(outcome.set.id)
        else openDocument(outcome.documentId)
        setReport(outcome.report)
      } catch (error) {
        notify('error', errorMessage(error, t, locale))
      } finally {
        running.current = false
        setBusy(null)
      }
    },
    [db, notify, openDocument, reader, t, locale],
  )

  const pickAndImport = useCallback(async () => {
    try {
      const file = await host.pickFile('annotations')
      if (file) await importFile(file)
    } catch (error) {
      notify('error', errorMessage(error, t, locale))
    }
  }, [host, importFile, notify, t, locale])

  const exportActiveSet = useCallback(async () => {
    const context = reader.current?.exportContext() ?? null
    if (!context) {
      notify('error', t(openId.current === null ? 'exchange.exportNoArticle' : 'exchange.exportNoSet'))
      return
    }
    const { article, set, claims } = context
    try {
      const { w3cExportRequest } = await import('./export-w3c')
      const result = await host.saveFile(w3cExportRequest(article, set, claims))
      if (result.status === 'saved') notify('info', t('exchange.exported', { label: set.label, count: claims.length, name: result.name }))
    } catch (error) {
      notify('error', errorMessage(error, t, locale))
    }
  }, [host, notify, reader, t, locale])

  const actions = useMemo<ExchangeActions>(
    () => ({ importAnnotations: () => void pickAndImport(), exportSet: () => void exportActiveSet() }),
    [pickAndImport, exportActiveSet],
  )

  const ui = (
    <>
      {busy !== null && (
        <p className="exchange-busy" role="status">
          {t('exchange.importing', { name: busy })}
        </p>
      )}
      {report && <ImportResultDialog report={report} onClose={() => setReport(null)} />}
      {asked && (
        <AlreadyImportedDialog
          fileName={asked.file.name}
          existing={asked.outcome.existing}
          existingClaims={asked.outcome.existingClaims}
          onUpdate={() => {
            setAsked(null)
            void importFile(asked.file, 'update')
          }}
          onImportAsNew={() => {
            setAsked(null)
            void importFile(asked.file, 'new')
          }}
          onCancel={() => {
            setAsked(null)
            notify('info', t('exchange.again.cancelled', { name: asked.file.name }))
          }}
        />
      )}
    </>
  )

  return { importFile, pickAndImport, exportActiveSet, actions, ui }
}
