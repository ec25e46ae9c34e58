/**
 * Importing an annotation file into storage: choose the article it belongs
 * to, plan the new set (`plan-import.ts`), keep stored ids unique, and store
 * the set with all its claims in one transaction. A refused or failed import
 * stores nothing.
 */
import type { Article } from '../../../shared/article/model'
import type { PickedFile } from '../../../shared/bridge/contract'
import type { AnnotationSet } from '../../../shared/claims/model'
import { newId as randomId } from '../../../shared/claims/ids'
import { ImportRefusedError, StorageError } from '../../../shared/errors'
import type { ParsedAnnotations } from '../../../shared/w3c'
import type { WorkbenchDb } from '../storage/database'
import { addSetWithClaims, storedClaimIds } from '../storage/claims-repo'
import { findDocumentBySha, getArticle } from '../storage/documents-repo'
import type { ImportReport } from './import-report'
import { planImport, readAnnotationFile, withFreshIds } from './plan-import'

/** Where an import went and how it went. */
export interface ImportOutcome {
  /** The document the set was put on (the open one, or the one the file names). */
  documentId: string
  set: AnnotationSet
  report: ImportReport
}

/** Options of {@link importAnnotationFile}; tests fix the clock and ids. */
export interface ImportOptions {
  /** The document open in the reader, or null. */
  openDocumentId: string | null
  now?: string
  newId?: () => string
}

/**
 * The article the claims go on: the stored document whose text hash the
 * file names (`urn:sha256:`), else the open document.
 *
 * @throws ImportRefusedError `no-article` when neither exists.
 */
export async function articleForImport(db: WorkbenchDb, parsed: ParsedAnnotations, openDocumentId: string | null, fileName: string): Promise<Article> {
  if (parsed.sourceUrn !== null) {
    const named = await findDocumentBySha(db, parsed.sourceUrn.slice('urn:sha256:'.length))
    const article = named ? await getArticle(db, named.id) : null
    if (article) return article
  }
  const open = openDocumentId === null ? null : await getArticle(db, openDocumentId)
  if (open) return open
  throw new ImportRefusedError(
    'no-article',
    `“${fileName}” is not for any article in your library. Open the article it was made on first, then import the annotations again.`,
    { fileName },
  )
}

/**
 * Import `file` as a new annotation set (origin 'imported') with its claims,
 * orphans included. The file's set and claim ids are kept unless already
 * stored (then fresh ones are used), so re-importing a file gives a second,
 * independent set.
 *
 * @throws ImportRefusedError for a file that cannot be read or holds no
 *   annotation (`empty`), or when there is no article to put it on;
 *   StorageError when the set could not be stored. In every case nothing
 *   is stored.
 */
export async function importAnnotationFile(db: WorkbenchDb, file: PickedFile, options: ImportOptions): Promise<ImportOutcome> {
  const parsed = readAnnotationFile(file)
  if (parsed.items.length === 0) {
    const skipped = parsed.warnings.length > 0 ? ` (${parsed.warnings.join(' ')})` : ''
    throw new ImportRefusedError('empty', `“${file.name}” holds no annotations to import${skipped}.`, { fileName: file.name })
  }
  const article = await articleForImport(db, parsed, options.openDocumentId, file.name)
  const newId = options.newId ?? (() => randomId())
  const plan = planImport(parsed, article, file.name, { now: options.now ?? new Date().toISOString(), newId })
  const [existingSet, taken] = await Promise.all([db.sets.get(plan.set.id), storedClaimIds(db, plan.claims.map((c) => c.id))])
  if (existingSet) taken.add(existingSet.id)
  const { set, claims } = withFreshIds(plan.set, plan.claims, taken, newId)
  try {
    await addSetWithClaims(db, set, claims)
  } catch (error) {
    const why = error instanceof StorageError && error.code === 'storage-quota' ? 'the disk or the browser storage quota is full' : 'the data store refused the write'
    throw new StorageError('import-not-stored', `Nothing was imported from “${file.name}”: ${why}.`, { cause: error })
  }
  return { documentId: article.id, set, report: plan.report }
}
