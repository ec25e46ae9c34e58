/**
 * What the shell loads only when it is used, so opening an article does not
 * download and evaluate it (docs/performance.md): the article importers
 * (markdown-it, yaml, the HTML parser and the bundled article's text) and the
 * Preferences view (backup and restore, the lexicon editor). Vite puts each
 * dynamic `import()` in its own chunk; a module also imported statically
 * elsewhere stays in the main bundle, so these are their only import sites.
 */
import { lazy, Suspense, type ComponentProps } from 'react'
import { useTranslation } from 'react-i18next'
import type { PickedFile } from '../../../shared/bridge/contract'
import type { PreferencesView as LoadedPreferencesView } from '../preferences/PreferencesView'
import type { WorkbenchDb } from '../storage/database'
import type { AddDocumentResult } from '../storage/documents-repo'
import type { ImportArticleOptions } from '../import/import-article'

/**
 * Parse and store an article file (import/import-article.ts `importArticle`, which
 * takes the options: cancel signal, progress). Rejects with ImportRefusedError
 * (bad file), StorageError (write failed), the signal's reason (cancelled), or
 * the loader's error when the chunk cannot be fetched.
 */
export async function importArticleFile(db: WorkbenchDb, file: PickedFile, options?: ImportArticleOptions): Promise<AddDocumentResult> {
  const { importArticle } = await import('../import/import-article')
  return importArticle(db, file, options)
}

/** Import the article bundled with the app (first run); rejects like {@link importArticleFile}. */
export async function importBundledArticle(db: WorkbenchDb): Promise<AddDocumentResult> {
  const [{ importArticle }, { bundledArticleFile }] = await Promise.all([import('../import/import-article'), import('../import/bundled-article')])
  return importArticle(db, bundledArticleFile())
}

const LoadedPreferences = lazy(() => import('../preferences/PreferencesView').then((m) => ({ default: m.PreferencesView })))

function Loading() {
  const { t } = useTranslation()
  return <main className="reader-loading">{t('app.opening')}</main>
}

/** The Preferences view, loaded on first render (same props as the view itself). */
export function PreferencesView(props: ComponentProps<typeof LoadedPreferencesView>) {
  return (
    <Suspense fallback={<Loading />}>
      <LoadedPreferences {...props} />
    </Suspense>
  )
}
