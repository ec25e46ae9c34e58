/**
 * Translate IndexedDB write failures into messages a person can act on.
 * Chrome reports a full disk either as QuotaExceededError or as an AbortError
 * whose inner error is the QuotaExceededError, so both are unwrapped here.
 * A message says only what happened and what the user can do: whoever retries
 * (the claim session does, see state/claim-session.ts) says so itself.
 */
import { StorageError } from '../../../shared/errors'
import { translate } from '../../../shared/i18n/catalog'

function names(error: unknown): string[] {
  const out: string[] = []
  let e = error as { name?: string; inner?: unknown; cause?: unknown } | null | undefined
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.name === 'string') out.push(e.name)
    e = (e.inner ?? e.cause) as typeof e
  }
  return out
}

/** True when the failure means the browser's storage quota is used up. */
export function isQuotaError(error: unknown): boolean {
  return names(error).includes('QuotaExceededError')
}

/** A {@link StorageError} describing a failed write, keeping the original as `cause`. */
export function writeFailure(error: unknown): StorageError {
  if (error instanceof StorageError) return error
  if (isQuotaError(error)) return new StorageError('storage-quota', translate('en', 'errors.storage-quota'), { cause: error })
  if (names(error).includes('DatabaseClosedError')) return new StorageError('storage-closed', translate('en', 'errors.storage-closed'), { cause: error })
  return new StorageError('storage-write-failed', `Not saved: ${(error as Error)?.message ?? String(error)}.`, { cause: error })
}

/**
 * A failed read of a set's claims as a StorageError ('storage-read-failed'),
 * its English message keeping the browser's reason, so the UI can say it in
 * the user's language (i18n/error-message.ts). Never throws.
 */
export function readFailure(error: unknown): StorageError {
  if (error instanceof StorageError) return error
  return new StorageError('storage-read-failed', `The claims of this set could not be read: ${(error as Error)?.message ?? String(error)}.`, { cause: error })
}

/**
 * A failed write while storing the file `fileName` as a whole (an article
 * import: 'import', a backup restore: 'restore'), which stored nothing and is
 * not retried: the message names the file and says so.
 */
export function fileWriteFailure(error: unknown, fileName: string, purpose: 'import' | 'restore'): StorageError {
  if (isQuotaError(error)) {
    return new StorageError(`${purpose}-quota`, translate('en', `errors.${purpose}-quota`, { name: fileName }), { cause: error, fileName })
  }
  const reason = (error as Error)?.message ?? String(error)
  return purpose === 'import'
    ? new StorageError('import-write-failed', `“${fileName}” was not imported: ${reason}. Nothing was stored.`, { cause: error, fileName })
    : new StorageError('restore-failed', `“${fileName}” was not restored: ${reason}. Nothing was changed.`, { cause: error, fileName })
}
