/**
 * Translate IndexedDB write failures into messages a person can act on.
 * Chrome reports a full disk either as QuotaExceededError or as an AbortError
 * whose inner error is the QuotaExceededError, so both are unwrapped here.
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
  if (isQuotaError(error)) {
    return new StorageError(
      'storage-quota',
      translate('en', 'storageErrors.storage-quota'),
      { cause: error },
    )
  }
  const all = names(error)
  if (all.includes('DatabaseClosedError')) {
    return new StorageError(
      'storage-closed',
      translate('en', 'storageErrors.storage-closed'),
      { cause: error },
    )
  }
  return new StorageError('storage-write-failed', `Not saved: ${(error as Error)?.message ?? String(error)}. Your edit is kept and will be retried.`, {
    cause: error,
  })
}
