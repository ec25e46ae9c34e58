/**
 * The page's side of the article import worker (article-import.worker.ts):
 * hand a file to the worker, pass its progress on, and turn its answer back
 * into what `parseArticleFile` would have returned or thrown on the page: the
 * parsed article (with canonical text and hash), or the file's
 * ImportRefusedError. Cancelling terminates the worker at once, wherever it is.
 */
import type { ParsedArticle } from '../../../shared/article/model'
import type { PickedFile } from '../../../shared/bridge/contract'
import { ImportRefusedError } from '../../../shared/errors'
import { asWorkerMessage, type ImportProgress } from './article-import-protocol'
import { unpackArticle } from './packed-article'

export type { ImportPhase, ImportProgress } from './article-import-protocol'

/** A file parsed by the worker: the article, its canonical text and that text's SHA-256. */
export interface ParsedFile {
  parsed: ParsedArticle
  text: string
  sha256: string
}

export interface ParseInWorkerOptions {
  /** Aborting terminates the worker; the promise rejects with the signal's reason. */
  signal?: AbortSignal
  /** Progress as the worker posts it (at most every 50 ms within a phase). */
  onProgress?: (progress: ImportProgress) => void
}

/** The worker failed in a way that is not a refusal of the file (a bug, a script that did not load). */
export class ImportWorkerError extends Error {
  constructor(
    readonly fileName: string,
    detail: string,
  ) {
    super(`"${fileName}" could not be imported: the import worker failed (${detail}).`)
    this.name = 'ImportWorkerError'
  }
}

/**
 * A worker that parses article files, one at a time. It starts on the first
 * parse and stays for the next; cancelling one parse terminates it, and the
 * next parse starts a fresh one. Call {@link dispose} when done.
 */
export class ArticleImportWorker {
  private worker: Worker | null = null
  private nextId = 1
  private busy = false

  /**
   * Parse `file` in the worker. Resolves with the parsed file; rejects with the
   * file's ImportRefusedError (what parseArticleFile would throw), the signal's
   * reason when aborted, or ImportWorkerError. Throws Error if called while a
   * parse is running (one at a time).
   */
  parse(file: PickedFile, options: ParseInWorkerOptions = {}): Promise<ParsedFile> {
    const { signal, onProgress } = options
    if (this.busy) throw new Error('ArticleImportWorker.parse: a parse is already running')
    if (signal?.aborted) return Promise.reject(signal.reason)
    this.busy = true
    const worker = (this.worker ??= startWorker())
    const id = this.nextId++
    return new Promise<ParsedFile>((resolve, reject) => {
      const finish = () => {
        this.busy = false
        worker.removeEventListener('message', onMessage)
        worker.removeEventListener('error', onError)
        worker.removeEventListener('messageerror', onError)
        signal?.removeEventListener('abort', onAbort)
      }
      const fail = (error: unknown) => {
        finish()
        reject(error)
      }
      const onAbort = () => {
        this.terminate()
        fail(signal!.reason)
      }
      const onError = (event: Event) => {
        // A worker that failed this way is in no state to take the next file.
        this.terminate()
        fail(new ImportWorkerError(file.name, event instanceof ErrorEvent && event.message ? event.message : event.type))
      }
      const onMessage = (event: MessageEvent) => {
        const message = asWorkerMessage(event.data)
        if (!message) return fail(new ImportWorkerError(file.name, 'malformed message'))
        if (message.id !== id) return
        switch (message.kind) {
          case 'progress':
            onProgress?.({ phase: message.phase, fraction: message.fraction })
            return
          case 'parsed': {
            let unpacked: ReturnType<typeof unpackArticle>
            try {
              unpacked = unpackArticle(message.article)
            } catch (error) {
              return fail(new ImportWorkerError(file.name, error instanceof Error ? error.message : String(error)))
            }
            finish()
            resolve({ ...unpacked, sha256: message.sha256 })
            return
          }
          case 'refused':
            return fail(new ImportRefusedError(message.code, message.message, { fileName: message.fileName }))
          case 'failed':
            return fail(new ImportWorkerError(file.name, message.message))
        }
      }
      worker.addEventListener('message', onMessage)
      worker.addEventListener('error', onError)
      worker.addEventListener('messageerror', onError)
      signal?.addEventListener('abort', onAbort, { once: true })
      worker.postMessage({ id, name: file.name, bytes: file.bytes })
    })
  }

  /** Terminate the worker (a running parse never answers). Safe to call more than once. */
  dispose(): void {
    this.terminate()
  }

  private terminate(): void {
    this.worker?.terminate()
    this.worker = null
  }
}

function startWorker(): Worker {
  // Vite bundles the worker as its own file; it loads under script-src 'self' (docs/security.md).
  return new Worker(new URL('./article-import.worker.ts', import.meta.url), { type: 'module', name: 'article-import' })
}

/** Parse one file in a worker of its own, terminated when done ({@link ArticleImportWorker.parse}). */
export async function parseInWorker(file: PickedFile, options: ParseInWorkerOptions = {}): Promise<ParsedFile> {
  const worker = new ArticleImportWorker()
  try {
    return await worker.parse(file, options)
  } finally {
    worker.dispose()
  }
}
