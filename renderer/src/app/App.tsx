/**
 * The workbench shell: library or reader, imports from every entry point
 * (menu, button, shortcut, drop, host "open file"), and the notices. It talks
 * to its host only through the bridge.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { HostBridge, MenuCommand, PickedFile } from '../../../shared/bridge/contract'
import { userMessageOf } from '../../../shared/errors'
import { bundledArticleFile } from '../import/bundled-article'
import { installFileDrop } from '../import/file-drop'
import { importArticle } from '../import/import-article'
import { LibraryView } from '../library/LibraryView'
import { ReaderView, type ReaderCommands } from '../reader/ReaderView'
import type { WorkbenchDb } from '../storage/database'
import { deleteDocument, getArticle, listDocuments, renameDocument } from '../storage/documents-repo'
import { getPref, setPref } from '../storage/prefs-repo'
import { useLiveQuery } from '../state/use-live-query'
import { NoticeArea, useNotices } from './notices'

type Route = { view: 'library' } | { view: 'reader'; documentId: string }

export function App({ db, host }: { db: WorkbenchDb; host: HostBridge }) {
  const [route, setRoute] = useState<Route | null>(null)
  const [dragOver, setDragOver] = useState(false)
  const { notices, notify, dismiss } = useNotices()
  const documents = useLiveQuery(() => listDocuments(db), [db])
  const reader = useRef<ReaderCommands | null>(null)

  // First run imports the bundled article and opens it; later runs reopen the last document.
  useEffect(() => {
    let cancelled = false
    ;(async () => {
      let open: string | null = null
      if (!(await getPref(db, 'seeded'))) {
        const result = await importArticle(db, bundledArticleFile())
        await setPref(db, 'seeded', true)
        await setPref(db, 'lastDocumentId', result.document.id)
        open = result.document.id
      } else {
        const last = await getPref(db, 'lastDocumentId')
        if (last && (await getArticle(db, last))) open = last
      }
      if (!cancelled) setRoute(open ? { view: 'reader', documentId: open } : { view: 'library' })
    })().catch((error) => {
      if (cancelled) return
      notify('error', userMessageOf(error))
      setRoute({ view: 'library' })
    })
    return () => {
      cancelled = true
    }
  }, [db, notify])

  const openDocument = useCallback(
    (documentId: string) => {
      setRoute({ view: 'reader', documentId })
      void setPref(db, 'lastDocumentId', documentId).catch(() => undefined)
    },
    [db],
  )

  const importFile = useCallback(
    async (file: PickedFile) => {
      try {
        const result = await importArticle(db, file)
        if (result.status === 'exists') notify('info', `“${result.document.title}” is already in your library; opened it.`)
        else notify('info', `Imported “${result.document.title}”.`)
        openDocument(result.document.id)
      } catch (error) {
        notify('error', userMessageOf(error))
      }
    },
    [db, notify, openDocument],
  )

  const pickAndImport = useCallback(async () => {
    try {
      const file = await host.pickFile('article')
      if (file) await importFile(file)
    } catch (error) {
      notify('error', userMessageOf(error))
    }
  }, [host, importFile, notify])

  const showLibrary = useCallback(() => {
    setRoute({ view: 'library' })
    void setPref(db, 'lastDocumentId', null).catch(() => undefined)
  }, [db])

  useEffect(() => {
    const commands: Partial<Record<MenuCommand, () => void>> = {
      'open-article': () => void pickAndImport(),
      'show-library': showLibrary,
      undo: () => reader.current?.undo(),
      redo: () => reader.current?.redo(),
    }
    const offMenu = host.onMenuCommand((command) => commands[command]?.())
    const offOpen = host.onOpenFile((file) => void importFile(file))
    const offDrop = installFileDrop(
      window,
      (file, kind) => {
        if (kind === 'article') void importFile(file)
        else notify('error', `“${file.name}” is an annotation file; open an article first, then use File ▸ Import Annotations….`)
      },
      (message) => notify('error', message),
      setDragOver,
    )
    return () => {
      offMenu()
      offOpen()
      offDrop()
    }
  }, [host, importFile, notify, pickAndImport, showLibrary])

  useEffect(() => {
    host.setMenuState({ documentOpen: route?.view === 'reader', recent: [] })
  }, [host, route])

  return (
    <div className={`app ${dragOver ? 'is-drop-target' : ''}`}>
      <header className="app-bar">
        <button type="button" className="app-name" onClick={showLibrary} title="Library (Ctrl+L)">
          Critique Workbench
        </button>
        <nav className="app-bar-actions" aria-label="Workbench">
          <button type="button" onClick={showLibrary} aria-current={route?.view === 'library' ? 'page' : undefined}>
            Library
          </button>
          <button type="button" onClick={() => void pickAndImport()} title="Open Article… (Ctrl+O)">
            Open Article…
          </button>
        </nav>
      </header>
      {route?.view === 'library' && (
        <LibraryView
          documents={documents.status === 'ready' ? documents.value : null}
          onOpen={openDocument}
          onImport={() => void pickAndImport()}
          onRename={(id, title) => void renameDocument(db, id, title).catch((e) => notify('error', userMessageOf(e)))}
          onDelete={(id) => void deleteDocument(db, id).catch((e) => notify('error', userMessageOf(e)))}
        />
      )}
      {route?.view === 'reader' && (
        <ReaderView key={route.documentId} ref={reader} db={db} host={host} documentId={route.documentId} notify={notify} onMissing={showLibrary} />
      )}
      {dragOver && (
        <div className="drop-overlay" aria-hidden="true">
          Drop to open
        </div>
      )}
      <NoticeArea notices={notices} onDismiss={dismiss} />
    </div>
  )
}
