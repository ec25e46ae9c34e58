/**
 * The project's error types. Expected misses are returned as `null` or a result
 * union; these are thrown only when a contract is broken or an input must be
 * refused as a whole. Every error carries a `userMessage` fit to show as is.
 */

import type { ErrorCode, ImportErrorCode, StorageErrorCode } from './error-codes'

export type { ErrorCode, ImportErrorCode, StorageErrorCode } from './error-codes'

/**
 * Base class: `code` is stable for tests and logs and picks the message in
 * the user's language (`errors.<code>` in the catalog); `userMessage` is the
 * specific English text (file name, limit, detail), shown in English.
 */
export class CritiqueError extends Error {
  readonly code: ErrorCode
  readonly userMessage: string
  constructor(code: ErrorCode, userMessage: string, options?: { cause?: unknown }) {
    super(userMessage, options)
    this.name = new.target.name
    this.code = code
    this.userMessage = userMessage
  }
}

/** A file or payload that was refused on import; nothing was stored. */
export class ImportRefusedError extends CritiqueError {
  declare readonly code: ImportErrorCode
  /** The file name as the user knows it, if there is one. */
  readonly fileName: string | undefined
  /** Index of the offending item within the file, where the problem is one item. */
  readonly itemIndex: number | undefined
  constructor(
    code: ImportErrorCode,
    userMessage: string,
    details: { fileName?: string; itemIndex?: number; cause?: unknown } = {},
  ) {
    super(code, userMessage, { cause: details.cause })
    this.fileName = details.fileName
    this.itemIndex = details.itemIndex
  }
}

/** A payload crossing a process boundary (IPC, bridge) did not have the agreed shape. */
export class BridgePayloadError extends CritiqueError {
  constructor(channel: string, problem: string) {
    super('bridge-payload', `The app received malformed data on "${channel}": ${problem}`)
  }
}

/** Stored data could not be read or written. */
export class StorageError extends CritiqueError {
  declare readonly code: StorageErrorCode
  /** The file being imported or restored when the write failed, if any. */
  readonly fileName: string | undefined
  constructor(code: StorageErrorCode, userMessage: string, options: { cause?: unknown; fileName?: string } = {}) {
    super(code, userMessage, { cause: options.cause })
    this.fileName = options.fileName
  }
}

/** Narrow an unknown thrown value to a message a user can read. */
export function userMessageOf(error: unknown): string {
  if (error instanceof CritiqueError) return error.userMessage
  if (error instanceof Error) return error.message
  return String(error)
}
