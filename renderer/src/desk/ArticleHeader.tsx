/**
 * The reader's header: date, language and source file, the title, and a
 * "Rename…" button (an article titled by its file name is the usual reason).
 * When the text itself opens with the title, the header does not repeat it.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Article } from '../../../shared/article/model'
import { errorText } from '../i18n/error-message'
import type { WorkbenchDb } from '../storage/database'
import { renameDocument } from '../storage/documents-repo'
import { formatDay, languageName } from '../ui/format'
import type { Notify } from '../ui/notify'
import { PromptDialog } from '../ui/PromptDialog'
import { opensWithTitle } from './article-title'

interface ArticleHeaderProps {
  db: WorkbenchDb
  article: Article
  notify: Notify
  /** The title was stored under its new name. */
  onRenamed(title: string): void
}

export function ArticleHeader({ db, article, notify, onRenamed }: ArticleHeaderProps) {
  const { t, i18n } = useTranslation()
  const [renaming, setRenaming] = useState(false)
  return (
    <header className="article-head">
      <p className="article-meta">
        {article.publishedOn && <time dateTime={article.publishedOn}>{formatDay(article.publishedOn, i18n.language)}</time>}
        <span>{languageName(article.language, i18n.language)}</span>
        <span className="article-source">{article.sourceName}</span>
        <button type="button" className="link-button article-rename" onClick={() => setRenaming(true)} aria-label={t('library.renameNamed', { title: article.title })}>
          {t('reader.rename')}
        </button>
      </p>
      {!opensWithTitle(article) && <h1 className="article-title">{article.title}</h1>}
      {renaming && (
        <PromptDialog
          title={t('library.renameTitle')}
          label={t('library.renameLabel')}
          initial={article.title}
          submitLabel={t('library.rename')}
          onCancel={() => setRenaming(false)}
          onSubmit={(title) => {
            setRenaming(false)
            renameDocument(db, article.id, title).then(
              () => onRenamed(title),
              (error: unknown) => notify('error', errorText(error)),
            )
          }}
        />
      )}
    </header>
  )
}
