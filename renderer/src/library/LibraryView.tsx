/**
 * The start view: every imported document with its title, publication date,
 * language, size and import time; open, rename or delete (after confirmation).
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentRecord } from '../storage/records'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { PromptDialog } from '../ui/PromptDialog'
import { formatBytes, formatDay, formatInstant, languageName } from '../ui/format'

interface LibraryViewProps {
  documents: readonly DocumentRecord[] | null
  /** Recently opened documents, newest first. */
  recent: readonly DocumentRecord[]
  onOpen(id: string): void
  onRename(id: string, title: string): void
  onDelete(id: string): void
  onImport(): void
}

export function LibraryView({ documents, recent, onOpen, onRename, onDelete, onImport }: LibraryViewProps) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const [renaming, setRenaming] = useState<DocumentRecord | null>(null)
  const [deleting, setDeleting] = useState<DocumentRecord | null>(null)

  return (
    <main className="library" aria-labelledby="library-title">
      <header className="library-header">
        <div>
          <h1 id="library-title">{t('library.title')}</h1>
          <p className="library-lede">{t('library.lede')}</p>
        </div>
        <button type="button" className="button-primary" onClick={onImport}>
          {t('app.openArticle')}
        </button>
      </header>
      {recent.length > 0 && (
        <section className="library-recent" aria-labelledby="library-recent-title">
          <h2 id="library-recent-title" className="panel-title">
            {t('library.recent')}
          </h2>
          <ul>
            {recent.map((doc) => (
              <li key={doc.id}>
                <button type="button" className="recent-card" onClick={() => onOpen(doc.id)}>
                  <span className="recent-title">{doc.title}</span>
                  <span className="recent-meta">
                    {doc.publishedOn ? formatDay(doc.publishedOn, locale) : languageName(doc.language, locale)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {documents === null ? (
        <p className="library-empty">{t('app.loading')}</p>
      ) : documents.length === 0 ? (
        <p className="library-empty">{t('library.empty')}</p>
      ) : (
        <table className="library-table">
          <thead>
            <tr>
              <th scope="col">{t('library.colTitle')}</th>
              <th scope="col">{t('library.colPublished')}</th>
              <th scope="col">{t('library.colLanguage')}</th>
              <th scope="col">{t('library.colSize')}</th>
              <th scope="col">{t('library.colImported')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('library.colActions')}</span>
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
                <td>{doc.publishedOn ? formatDay(doc.publishedOn, locale) : '—'}</td>
                <td>{languageName(doc.language, locale)}</td>
                <td>{formatBytes(doc.sourceBytes, locale)}</td>
                <td>{formatInstant(doc.importedAt, locale)}</td>
                <td className="library-actions">
                  <button type="button" onClick={() => setRenaming(doc)} aria-label={t('library.renameNamed', { title: doc.title })}>
                    {t('library.rename')}
                  </button>
                  <button type="button" className="button-quiet-danger" onClick={() => setDeleting(doc)} aria-label={t('library.deleteNamed', { title: doc.title })}>
                    {t('library.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {renaming && (
        <PromptDialog
          title={t('library.renameTitle')}
          label={t('library.renameLabel')}
          initial={renaming.title}
          submitLabel={t('library.rename')}
          onCancel={() => setRenaming(null)}
          onSubmit={(title) => {
            onRename(renaming.id, title)
            setRenaming(null)
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('library.deleteTitle')}
          message={t('library.deleteMessage', { title: deleting.title })}
          confirmLabel={t('library.delete')}
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
