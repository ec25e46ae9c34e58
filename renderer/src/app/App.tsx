/**
 * The workbench shell: library, reader or preferences; imports from every
 * entry point (menu, button, shortcut, drop, host "open file"); one table of
 * command handlers behind the native menu, the in-app menu bar and the command
 * palette; notices. It talks to its host only through the bridge.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HostBridge, PickedFile } from '../../../shared/bridge/contract'
import { errorMessage, errorText } from '../i18n/error-message'
import type { Locale } from '../../../shared/i18n/catalog'
import { COMMANDS, nativeMenuKeys, type CommandId } from '../commands/command-list'
import { CommandLayersProvider, useCommandLayers } from '../commands/command-layers'
import { CommandPalette, paletteCommands } from '../commands/CommandPalette'
import { commandKeymap, isMacPlatform } from '../commands/keymap'
import { ShortcutsSheet } from '../commands/ShortcutsSheet'
import { ExchangeActionsContext, useAnnotationExchange } from '../exchange'
import { droppedKind, installFileDrop } from '../import/file-drop'
import { LibraryView } from '../library/LibraryView'
import { DeskView, type DeskCommands } from '../desk/DeskView'
import { useReportExport } from '../report/use-report-export'
import type { WorkbenchDb } from '../storage/database'
import { deleteDocument, listDocuments, renameDocument } from '../storage/documents-repo'
import { setPref } from '../storage/prefs-repo'
import { useLiveQuery } from '../state/use-live-query'
import { startOpening, type Opening } from '../state/opening'
import { usePrefs } from '../state/use-prefs'
import { AppBar } from './AppBar'
import { importArticleFile, importBundledArticle, PreferencesView } from './deferred-modules'
import { routeOfOpening, type StartRoute } from './start-route'
import { isCancellation, useImportProgress } from '../import/import-progress'
import { NoticeArea, useNotices } from './notices'
import { useRecentDocuments } from './use-recent-documents'
import { isTextField } from '../ui/typing-target'

/** Preferences remembers the view it was opened from: Back and Escape return there. */
type Route = StartRoute | { view: 'preferences'; back: StartRoute | null }


export function App({ db, host, opening }: { db: WorkbenchDb; host: HostBridge; opening?: Opening }) {
  const { t, i18n } = useTranslation()
  // With the opening read already in (app/boot.tsx waits for it), the first render shows the reader.
  const [routeAtStart] = useState(() => routeOfOpening(opening))
  const [route, setRoute] = useState<Route | null>(routeAtStart)
  const [dragOver, setDragOver] = useState(false)
  const [overlay, setOverlay] = useState<'palette' | 'shortcuts' | null>(null)
  const { notices, notify, dismiss } = useNotices()
  const { track: trackImport, panel: importPanel } = useImportProgress()
  const { prefs } = usePrefs(db)
  const documents = useLiveQuery(() => listDocuments(db), [db])
  const documentList = documents.status === 'ready' ? documents.value : null
  const { recent, remember } = useRecentDocuments(db, prefs.recentDocuments, documentList)
  const reader = useRef<DeskCommands | null>(null)
  const reports = useReportExport(db, host, notify, reader)
  const exportReportAs = reports.exportAs

  // First run imports the bundled article and opens it; later runs reopen the last document,
  // handing the reader what the opening read found (state/opening.ts).
  useEffect(() => {
    let cancelled = false
    const first = opening ?? startOpening(db)
    const start = async () => {
      const read = await first.read
      let next: Route = { view: 'library' }
      if (!read.seeded) {
        const result = await importBundledArticle(db)
        await setPref(db, 'seeded', true)
        await setPref(db, 'lastDocumentId', result.document.id)
        next = { view: 'reader', documentId: result.document.id }
      } else {
        next = routeOfOpening(first) ?? next
      }
      if (!cancelled) setRoute(next)
    }
    if (routeAtStart === null) {
      start().catch((error) => {
        if (cancelled) return
        notify('error', errorText(error))
        setRoute({ view: 'library' })
      })
    }
    return () => {
      cancelled = true
      first.dispose()
    }
  }, [db, notify, opening, routeAtStart])

  const openDocument = useCallback(
    (documentId: string) => {
      setRoute({ view: 'reader', documentId })
      void setPref(db, 'lastDocumentId', documentId).catch(() => undefined)
      void remember(documentId).catch(() => undefined)
    },
    [db, remember],
  )

  const openDocumentId = route?.view === 'reader' ? route.documentId : null
  const exchange = useAnnotationExchange({ db, host, notify, openDocumentId, reader, openDocument })
  const { importFile: importAnnotations, actions: exchangeActions } = exchange

  const importFile = useCallback(
    async (file: PickedFile) => {
      try {
        const result = await trackImport(file.name, (options) => importArticleFile(db, file, options))
        notify('info', t(result.status === 'exists' ? 'app.alreadyInLibrary' : 'app.imported', { title: result.document.title }))
        openDocument(result.document.id)
      } catch (error) {
        if (isCancellation(error)) notify('info', t('importProgress.cancelled', { name: file.name }))
        else notify('error', errorMessage(error, t, i18n.language))
      }
    },
    [db, notify, openDocument, t, i18n, trackImport],
  )

  const pickAndImport = useCallback(async () => {
    try {
      const file = await host.pickFile('article')
      if (file) await importFile(file)
    } catch (error) {
      notify('error', errorText(error))
    }
  }, [host, importFile, notify])

  const showLibrary = useCallback(() => {
    setRoute({ view: 'library' })
    void setPref(db, 'lastDocumentId', null).catch(() => undefined)
  }, [db])

  // The shell's commands; the desk and Compare add theirs (commands/command-layers.tsx). Keys,
  // the native menu, the in-app menu bar and the palette all run them through `commands.run`.
  const handlers = useMemo<Partial<Record<CommandId, () => void>>>(
    () => ({
      'open-article': () => void pickAndImport(),
      'show-library': showLibrary,
      // The native menu sends Undo even while a text field has focus: the field's own undo runs then.
      undo: () => (isTextField(document.activeElement) ? document.execCommand('undo') : reader.current?.undo()),
      redo: () => (isTextField(document.activeElement) ? document.execCommand('redo') : reader.current?.redo()),
      'export-report-md': () => void exportReportAs('md'),
      'export-report-html': () => void exportReportAs('html'),
      'export-report-pdf': () => void exportReportAs('pdf'),
      'export-report-csv': () => void exportReportAs('csv'),
      'import-annotations': exchangeActions.importAnnotations,
      'export-set-w3c': exchangeActions.exportSet,
      'command-palette': () => setOverlay('palette'),
      shortcuts: () => setOverlay('shortcuts'),
      // The way back reopens the document afresh: the opening read it started with is stale by then.
      preferences: () =>
        setRoute((from) =>
          from?.view === 'preferences' ? from : { view: 'preferences', back: from?.view === 'reader' ? { view: 'reader', documentId: from.documentId } : from },
        ),
      'theme-dark': () => void setPref(db, 'theme', 'dark'),
      'theme-light': () => void setPref(db, 'theme', 'light'),
      'language-ja': () => void setPref(db, 'language', 'ja'),
      'language-en': () => void setPref(db, 'language', 'en'),
    }),
    [db, pickAndImport, showLibrary, exportReportAs, exchangeActions],
  )
  const view = route?.view ?? null
  const commands = useCommandLayers({ handlers, context: () => ({ view }) })
  const { run: runCommand, isEnabled } = commands
  const run = useCallback((id: CommandId) => void runCommand(id), [runCommand])

  // The one keydown listener: every key of the command table. Under Electron the native
  // menu owns the Ctrl/Cmd accelerators and sends its commands through onMenuCommand.
  const browserHost = host.info.kind === 'browser'
  useEffect(() => {
    const onKey = commandKeymap(COMMANDS, { context: commands.context, run: commands.run, hostKeys: browserHost ? new Set() : nativeMenuKeys() })
    const listener = (event: KeyboardEvent) => {
      if (onKey(event)) event.preventDefault()
    }
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [commands, browserHost])

  useEffect(() => {
    const offMenu = host.onMenuCommand((command) => run(command))
    const offOpen = host.onOpenFile((file) => void (droppedKind(file.name) === 'annotations' ? importAnnotations(file) : importFile(file)))
    const offDrop = installFileDrop(
      window,
      (file, kind) => void (kind === 'article' ? importFile(file) : importAnnotations(file)),
      (message) => notify('error', message),
      setDragOver,
    )
    return () => {
      offMenu()
      offOpen()
      offDrop()
    }
  }, [host, run, importFile, importAnnotations, notify])

  useEffect(() => {
    host.setMenuState({ documentOpen: route?.view === 'reader', recent: recent.map((d) => d.title), locale: i18n.language as Locale })
  }, [host, route, recent, i18n.language])


  return (
    <CommandLayersProvider value={commands.registry}>
      <div className={`app ${dragOver ? 'is-drop-target' : ''}`}>
        <AppBar
          showMenuBar={host.info.kind === 'browser'}
          pdfViaPrintDialog={host.info.kind === 'browser'}
          view={route?.view ?? null}
          isEnabled={isEnabled}
          onRun={run}
          onExportReport={(format) => void exportReportAs(format)}
          bom={reports.bom}
          onBomChange={reports.setBom}
        />
        {route?.view === 'library' && (
          <LibraryView
            documents={documentList}
            recent={recent}
            onOpen={openDocument}
            onImport={() => void pickAndImport()}
            onRename={(id, title) => void renameDocument(db, id, title).catch((e) => notify('error', errorText(e)))}
            onDelete={(id) => void deleteDocument(db, id).catch((e) => notify('error', errorText(e)))}
          />
        )}
        {route?.view === 'reader' && (
          <ExchangeActionsContext.Provider value={exchangeActions}>
            <DeskView key={route.documentId} ref={reader} db={db} host={host} documentId={route.documentId} notify={notify} onMissing={showLibrary} opening={route.opening} />
          </ExchangeActionsContext.Provider>
        )}
        {route?.view === 'preferences' && (
          <PreferencesView
            db={db}
            host={host}
            prefs={prefs}
            notify={notify}
            backTo={route.back?.view === 'reader' ? 'reader' : 'library'}
            onBack={() => setRoute(route.back ?? { view: 'library' })}
          />
        )}
        {dragOver && (
          <div className="drop-overlay" aria-hidden="true">
            {t('app.dropToOpen')}
          </div>
        )}
        {overlay === 'palette' && <CommandPalette commands={paletteCommands((key) => t(key), isEnabled, isMacPlatform())} onRun={run} onClose={() => setOverlay(null)} />}
        {overlay === 'shortcuts' && <ShortcutsSheet onClose={() => setOverlay(null)} />}
        {exchange.ui}
        {importPanel}
        <NoticeArea notices={notices} onDismiss={dismiss} />
      </div>
    </CommandLayersProvider>
  )
}
