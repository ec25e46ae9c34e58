/**
 * The messages between the page and the article import worker
 * (article-import.worker.ts). The page sends one request per file; the worker
 * answers with progress messages (at most one every {@link PROGRESS_INTERVAL_MS})
 * and then exactly one outcome: the parsed article, packed (packed-article.ts),
 * with its hash, a refusal (the file's ImportRefusedError, taken apart to cross the
 * boundary), or a failure (anything else the worker threw).
 */
import type { PackedArticle } from './packed-article'
import { IMPORT_ERROR_CODES, type ImportErrorCode } from '../../../shared/error-codes'

/** Shortest time between two progress messages, so the page is never flooded. */
export const PROGRESS_INTERVAL_MS = 50

/**
 * What the worker is doing: decoding and checking the file, tokenizing HTML
 * (bytes of markup), converting the tree to blocks (characters of text), or
 * finishing (tidying, language, hash).
 */
export type ImportPhase = 'reading' | 'tokenize' | 'convert' | 'finishing'

export interface ImportRequest {
  id: number
  name: string
  bytes: Uint8Array
}

/** Where an import is; `fraction` (0-1) when the phase can be measured, else null. */
export interface ImportProgress {
  phase: ImportPhase
  fraction: number | null
}

export type WorkerMessage =
  | ({ id: number; kind: 'progress' } & ImportProgress)
  | { id: number; kind: 'parsed'; article: PackedArticle; sha256: string }
  | { id: number; kind: 'refused'; code: ImportErrorCode; message: string; fileName: string | undefined }
  | { id: number; kind: 'failed'; message: string }

const PHASES: ReadonlySet<string> = new Set<ImportPhase>(['reading', 'tokenize', 'convert', 'finishing'])

/**
 * Check that `data` (from a worker's message event) is a {@link WorkerMessage}:
 * returns it typed, or null for anything else. The parsed article is checked
 * for its shape's outline (blocks array, strings); its content was built by
 * the same code the page trusts.
 */
export function asWorkerMessage(data: unknown): WorkerMessage | null {
  if (typeof data !== 'object' || data === null) return null
  const m = data as Record<string, unknown>
  if (typeof m.id !== 'number') return null
  switch (m.kind) {
    case 'progress':
      return typeof m.phase === 'string' && PHASES.has(m.phase) && (m.fraction === null || typeof m.fraction === 'number')
        ? (m as WorkerMessage)
        : null
    case 'parsed': {
      const a = m.article as Partial<PackedArticle> | undefined
      return typeof m.sha256 === 'string' &&
        typeof a === 'object' &&
        a !== null &&
        typeof a.text === 'string' &&
        typeof a.title === 'string' &&
        a.blocks instanceof Int32Array &&
        a.marks instanceof Int32Array &&
        Array.isArray(a.hrefs) &&
        a.hrefs.every((h) => typeof h === 'string')
        ? (m as WorkerMessage)
        : null
    }
    case 'refused':
      return isImportCode(m.code) && typeof m.message === 'string' && (m.fileName === undefined || typeof m.fileName === 'string')
        ? (m as WorkerMessage)
        : null
    case 'failed':
      return typeof m.message === 'string' ? (m as WorkerMessage) : null
    default:
      return null
  }
}

function isImportCode(value: unknown): value is ImportErrorCode {
  return typeof value === 'string' && (IMPORT_ERROR_CODES as readonly string[]).includes(value)
}
