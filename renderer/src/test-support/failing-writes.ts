/**
 * Writes that fail the ways a browser makes them fail, for browser tests of
 * what the user is told and what stays stored. Each patch lasts until its
 * returned restore is called or the running test finishes, whichever comes
 * first (restoring twice is harmless).
 */
import { onTestFinished } from 'vitest'

type WriteMethod = 'add' | 'put'

function untilFinished(restore: () => void): () => void {
  let restored = false
  const once = () => {
    if (restored) return
    restored = true
    restore()
  }
  onTestFinished(once)
  return once
}

/**
 * Make `IDBObjectStore.prototype[method]` throw `error()` for the store
 * `storeName` (for which `only`, when given, holds of the record). Returns the restore.
 */
export function throwOnWrites(method: WriteMethod, storeName: string, error: () => Error, only: (record: unknown) => boolean = () => true): () => void {
  const original = IDBObjectStore.prototype[method]
  IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
    if (this.name === storeName && only(args[0])) throw error()
    return original.apply(this, args)
  }
  return untilFinished(() => {
    IDBObjectStore.prototype[method] = original
  })
}

/**
 * Make writes to `storeName` fail the way Chromium reports a full disk: the
 * request succeeds, then the transaction aborts with `error` set to a
 * QuotaExceededError (so Dexie rejects with an AbortError whose `inner` is it).
 * The abort comes when the transaction would commit: at the page's explicit
 * `commit()` if it calls one (IndexedDB then aborts it instead), else once the
 * write's result is delivered (before the auto-commit).
 * Chromium's own quota override (CDP Storage.overrideQuotaForOrigin) is not used:
 * it caches the space left for many seconds, so small writes pass unpredictably.
 * Returns the restore.
 */
export function abortWritesLikeChromeOnFullDisk(method: WriteMethod, storeName: string): () => void {
  const original = IDBObjectStore.prototype[method]
  const originalCommit = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'commit')
  const errorGetter = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'error')!.get!
  const writing = new WeakSet<IDBTransaction>()
  const full = new WeakSet<IDBTransaction>()
  const abortFull = (tx: IDBTransaction) => {
    if (full.has(tx)) return
    full.add(tx)
    tx.abort()
  }
  IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
    const request = original.apply(this, args)
    if (this.name === storeName) {
      const tx = this.transaction
      writing.add(tx)
      request.addEventListener('success', () => abortFull(tx))
    }
    return request
  }
  if (originalCommit) {
    Object.defineProperty(IDBTransaction.prototype, 'commit', {
      ...originalCommit,
      value(this: IDBTransaction) {
        if (writing.has(this)) abortFull(this)
        else (originalCommit.value as () => void).call(this)
      },
    })
  }
  Object.defineProperty(IDBTransaction.prototype, 'error', {
    configurable: true,
    get(this: IDBTransaction) {
      return full.has(this) ? new DOMException('The transaction was aborted: disk full.', 'QuotaExceededError') : errorGetter.call(this)
    },
  })
  return untilFinished(() => {
    IDBObjectStore.prototype[method] = original
    if (originalCommit) Object.defineProperty(IDBTransaction.prototype, 'commit', originalCommit)
    Object.defineProperty(IDBTransaction.prototype, 'error', { configurable: true, get: errorGetter })
  })
}
