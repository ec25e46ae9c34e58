/**
 * Importing an annotation file into storage: choose the article it belongs
 * to, plan the new set (`plan-import.ts`), keep stored ids unique, and store
 * the set with all its claims in one transaction. A refused or failed import
 * stores nothing.
 */
import type { Article } from '../../../shared/article/model'
import type { PickedFile } from '../../../shared/bridge/contract'
import type { AnnotationSet, FollowedFrom } from '../../../shared/claims/model'
import { newId as randomId } from '../../../shared/claims/ids'
import { ImportRefusedError, StorageError } from '../../../shared/errors'
import type { ParsedAnnotations } from '../../../shared/w3c'
import type { WorkbenchDb } from '../storage/database'
import { sha256Hex } from '../../../shared/text/sha256'
import { addSetWithClaims, listClaims, listSets, replaceSetWithClaims, storedClaimIds } from '../storage/claims-repo'
import { findDocumentBySha, getArticle } from '../storage/documents-repo'
import type { ImportReport } from './import-report'
import { annotationFileText, planImport, withFreshIds } from './plan-import'
import { parseAnnotationFile } from '../../../shared/w3c'

/** Where an import went and how it went. */
export interface ImportedOutcome {
  status: 'imported'
  /** The document the set was put on (the open one, or the one the file names). */
  documentId: string
  set: AnnotationSet
  report: ImportReport
  /** True when an existing set was updated from the file rather than a new one made. */
  updated: boolean
}

/** The file was imported before: nothing was stored, the analyst chooses (see `ImportOptions.again`). */
export interface AlreadyImportedOutcome {
  status: 'already-imported'
  documentId: string
  /** The set the earlier import made (or the set the file is an export of). */
  existing: AnnotationSet
  /** How many claims that set holds now. */
  existingClaims: number
}

export type ImportOutcome = ImportedOutcome | AlreadyImportedOutcome

/** Options of {@link importAnnotationFile}; tests fix the clock and ids. */
export interface ImportOptions {
  /** The document open in the reader, or null. */
  openDocumentId: string | null
  /**
   * What to do when the file was imported before: 'ask' (the default) stores
   * nothing and returns 'already-imported'; 'update' replaces that set's
   * claims with the file's; 'new' makes a second, independent set.
   */
  again?: 'ask' | 'update' | 'new'
  /**
   * The file is a colleague's set fetched from the team server: the set is
   * marked followed (read-only, kept current), and the set already following
   * the same container is updated in place (`again` is then 'update').
   */
  follow?: FollowedFrom
  now?: string
  newId?: () => string
}

/** Identity of an imported file's content: `sha256:<hex>` of its text. */
export function importFingerprint(fileText: string): string {
  return `sha256:${sha256Hex(fileText)}`
}

/**
 * The set on `documentId` that this file already made or is an export of: a
 * set imported from the very same bytes (`importedFrom`), else the set whose
 * id the file's collection carries. Null when there is none.
 */
export async function findEarlierImport(db: WorkbenchDb, documentId: string, fingerprint: string, fileSetId: string | null): Promise<AnnotationSet | null> {
  const sets = await listSets(db, documentId)
  return sets.find((s) => s.importedFrom === fingerprint) ?? (fileSetId === null ? undefined : sets.find((s) => s.id === fileSetId)) ?? null
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
 * Import `file` as an annotation set (origin 'imported') with its claims,
 * orphans included. The set records the file's fingerprint
 * ({@link importFingerprint}), so importing the same file again is
 * recognised: by default nothing is stored and 'already-imported' names the
 * earlier set; with `again: 'update'` that set's claims are replaced by the
 * file's (it keeps its id, label and analyst); with `again: 'new'` a second,
 * independent set is made. The file's set and claim ids are kept unless
 * already stored elsewhere (then fresh ones are used).
 *
 * @throws ImportRefusedError for a file that cannot be read or holds no
 *   annotation (`empty`; a followed set may be empty, it mirrors its
 *   container), or when there is no article to put it on;
 *   StorageError when the set could not be stored. In every case nothing
 *   is stored.
 */
export async function importAnnotationFile(db: WorkbenchDb, file: PickedFile, options: ImportOptions): Promise<ImportOutcome> {
  const text = annotationFileText(file)
  const parsed = parseAnnotationFile(text, file.name)
  // A followed set may be empty (its owner shared it before tagging, or emptied it): it mirrors that.
  if (parsed.items.length === 0 && options.follow === undefined) {
    const skipped = parsed.warnings.length > 0 ? ` (${parsed.warnings.join(' ')})` : ''
    throw new ImportRefusedError('empty', `“${file.name}” holds no annotations to import${skipped}.`, { fileName: file.name })
  }
  const article = await articleForImport(db, parsed, options.openDocumentId, file.name)
  const fingerprint = importFingerprint(text)
  const follow = options.follow
  const again = follow === undefined ? (options.again ?? 'ask') : 'update'
  const following = follow === undefined ? undefined : (await listSets(db, article.id)).find((s) => s.followed?.iri === follow.iri)
  const earlier = again === 'new' ? null : (following ?? (await findEarlierImport(db, article.id, fingerprint, parsed.setId)))
  if (earlier !== null && again === 'ask') {
    return { status: 'already-imported', documentId: article.id, existing: earlier, existingClaims: (await listClaims(db, earlier.id)).length }
  }
  const newId = options.newId ?? (() => randomId())
  const plan = planImport(parsed, article, file.name, { now: options.now ?? new Date().toISOString(), newId })
  const updating = earlier !== null && again === 'update'
  const [existingSet, taken] = await Promise.all([db.sets.get(plan.set.id), storedClaimIds(db, plan.claims.map((c) => c.id))])
  if (updating) {
    // The set's own claims are replaced in the same transaction: their ids are free again.
    for (const claim of await listClaims(db, earlier.id)) taken.delete(claim.id)
  } else if (existingSet) {
    taken.add(existingSet.id)
  }
  const fresh = withFreshIds(updating ? { ...plan.set, id: earlier.id } : plan.set, plan.claims, updating ? new Set([...taken].filter((id) => id !== earlier.id)) : taken, newId)
  const set: AnnotationSet = updating ? { ...earlier, importedFrom: fingerprint } : { ...fresh.set, importedFrom: fingerprint }
  if (updating && plan.set.sourceUrl !== undefined) set.sourceUrl = plan.set.sourceUrl
  if (follow !== undefined) {
    // The colleague may have relabelled it; their label and name are what the set list shows.
    Object.assign(set, { followed: follow, label: plan.set.label, analyst: plan.set.analyst })
  }
  const claims = fresh.claims.map((c) => ({ ...c, setId: set.id }))
  try {
    if (updating) await replaceSetWithClaims(db, set, claims)
    else await addSetWithClaims(db, set, claims)
  } catch (error) {
    const why = error instanceof StorageError && error.code === 'storage-quota' ? 'the disk or the browser storage quota is full' : 'the data store refused the write'
    throw new StorageError('import-not-stored', `Nothing was imported from “${file.name}”: ${why}.`, { cause: error })
  }
  const report: ImportReport = updating ? { ...plan.report, setLabel: set.label, analyst: set.analyst, updated: true } : plan.report
  return { status: 'imported', documentId: article.id, set, report, updated: updating }
}
