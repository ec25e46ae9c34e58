/**
 * Import an article file into the library: parse it in a worker (refusing bad
 * input with a message naming the file), then store it unless the same text is
 * already there. A refused or cancelled import changes nothing stored.
 */
import type { PickedFile } from '../../../shared/bridge/contract'
import type { WorkbenchDb } from '../storage/database'
import { addDocument, type AddDocumentResult } from '../storage/documents-repo'
import { fileWriteFailure } from '../storage/write-errors'
import { StorageError } from '../../../shared/errors'
import { parseInWorker, type ImportProgress } from './article-import-client'

export interface ImportArticleOptions {
  /** The import time recorded with the document (default: now). */
  now?: Date
  /** Cancels the import: the worker is terminated, or the store does not happen (or is rolled back). */
  signal?: AbortSignal
  /** The worker's progress, then `{ phase: 'storing' }` once the parse is done. */
  onProgress?: (progress: ImportProgress | { phase: 'storing'; fraction: null }) => void
}

/**
 * Parse and store `file`. Throws ImportRefusedError (bad file), the signal's
 * reason when cancelled (nothing stored), ImportWorkerError (the worker
 * failed) or a StorageError naming the file ('import-quota',
 * 'import-write-failed'): the write stored nothing and is not retried.
 */
export async function importArticle(db: WorkbenchDb, file: PickedFile, options: ImportArticleOptions = {}): Promise<AddDocumentResult> {
  const { now = new Date(), signal, onProgress } = options
  const { parsed, text, sha256 } = await parseInWorker(file, { signal, onProgress })
  // For the bench (bench/html-import.ts): where the page's share of an import starts and ends.
  performance.mark('cw:import-parsed')
  signal?.throwIfAborted()
  onProgress?.({ phase: 'storing', fraction: null })
  try {
    const result = await addDocument(
      db,
      {
        parsed,
        text,
        sha256,
        sourceName: file.name,
        sourceBytes: file.bytes.byteLength,
        id: crypto.randomUUID(),
        importedAt: now.toISOString(),
      },
      signal,
    )
    performance.mark('cw:import-stored')
    return result
  } catch (error) {
    if (signal?.aborted) throw signal.reason
    throw fileWriteFailure(error instanceof StorageError ? (error.cause ?? error) : error, file.name, 'import')
  }
}
