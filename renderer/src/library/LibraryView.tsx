/**
 * The start view: every imported document with its title, publication date,
 * language, size and import time; open, rename or delete (after confirmation).
 */
import { useState } from 'react'
import type { DocumentRecord } from '../storage/records'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { PromptDialog } from '../ui/PromptDialog'
import { formatBytes, formatDay, formatInstant, languageName } from '../ui/format'

interface LibraryViewProps {
  documents: readonly DocumentRecord[] | null
  onOpen(id: string): void
  onRename(id: string, title: string): void
  onDelete(id: string): void
  onImport(): void
}

export function LibraryView({ documents, onOpen, onRename, onDelete, onImport }: LibraryViewProps) {
  const [renaming, setRenaming] = useState<DocumentRecord | null>(null)
  const [deleting, setDeleting] = useState<DocumentRecord | null>(null)

  return (
    <main className="library" aria-labelledby="library-title">
      <header className="library-header">
        <div>
          <h1 id="library-title">Library</h1>
          <p className="library-lede">Articles you have imported. Open one to read it and tag its claims.</p>
        </div>
        <button type="button" className="button-primary" onClick={onImport}>
          Open Article…
        </button>
      </header>
      {documents === null ? (
        <p className="library-empty">Loading…</p>
      ) : documents.length === 0 ? (
        <p className="library-empty">No articles yet. Open a .txt, .md or .html file, or drop one on this window.</p>
      ) : (
        <table className="library-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Published</th>
              <th scope="col">Language</th>
              <th scope="col">Size</th>
              <th scope="col">Imported</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {documents.map((doc) => (
              <tr key={doc.id}>
                <th scope="row">
                  <button type="button" className="library-open" onClick={() => onOpen(doc.id)}>
                    {doc.title}
                  </button>
                  <div className="library-source">{doc.sourceName}</div>
                </th>
                <td>{doc.publishedOn ? formatDay(doc.publishedOn) : '—'}</td>
                <td>{languageName(doc.language)}</td>
                <td>{formatBytes(doc.sourceBytes)}</td>
                <td>{formatInstant(doc.importedAt)}</td>
                <td className="library-actions">
                  <button type="button" onClick={() => setRenaming(doc)} aria-label={`Rename ${doc.title}`}>
                    Rename
                  </button>
                  <button type="button" className="button-quiet-danger" onClick={() => setDeleting(doc)} aria-label={`Delete ${doc.title}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {renaming && (
        <PromptDialog
          title="Rename article"
          label="Title"
          initial={renaming.title}
          submitLabel="Rename"
          onCancel={() => setRenaming(null)}
          onSubmit={(title) => {
            onRename(renaming.id, title)
            setRenaming(null)
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete article?"
          message={`“${deleting.title}” and every annotation set on it will be removed from this computer. This cannot be undone.`}
          confirmLabel="Delete"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            onDelete(deleting.id)
            setDeleting(null)
          }}
        />
      )}
    </main>
  )
}
