/**
 * Import an article file into the library: parse (refusing bad input with a
 * message naming the file), hash the canonical text, and store it unless the
 * same text is already there. A refused file changes nothing stored.
 */
import { canonicalText } from '../../../shared/article/model'
import { parseArticleFile } from '../../../shared/article/import'
import { sha256Hex } from '../../../shared/text/sha256'
import type { PickedFile } from '../../../shared/bridge/contract'
import { parseHtmlArticle } from '../article/parse-html'
import type { WorkbenchDb } from '../storage/database'
import { addDocument, type AddDocumentResult } from '../storage/documents-repo'
import { fileWriteFailure } from '../storage/write-errors'
import { StorageError } from '../../../shared/errors'

/**
 * Parse and store `file`. Throws ImportRefusedError (bad file) or a
 * StorageError naming the file ('import-quota', 'import-write-failed'): the
 * write stored nothing and is not retried.
 */
export async function importArticle(db: WorkbenchDb, file: PickedFile, now = new Date()): Promise<AddDocumentResult> {
  const parsed = parseArticleFile(file, parseHtmlArticle)
  const text = canonicalText(parsed.blocks)
  try {
    return await addDocument(db, {
      parsed,
      text,
      sha256: sha256Hex(text),
      sourceName: file.name,
      sourceBytes: file.bytes.byteLength,
      id: crypto.randomUUID(),
      importedAt: now.toISOString(),
    })
  } catch (error) {
    throw fileWriteFailure(error instanceof StorageError ? (error.cause ?? error) : error, file.name, 'import')
  }
}
