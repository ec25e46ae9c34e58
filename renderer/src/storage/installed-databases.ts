/**
 * The browser's list of IndexedDB databases (`indexedDB.databases()`), which
 * openDatabase checks before letting Dexie open anything. The first IndexedDB
 * call of a page waits for the origin's storage to start (≈ 50-130 ms on the
 * bench machine, docs/performance.md); the renderer's entry asks for the list
 * before it loads the rest of the app (early-opening.ts), so that start
 * overlaps the download and evaluation of the bundle instead of following it.
 *
 * No imports: this module is part of the small entry chunk.
 */

const supported = () => typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function'

let early: Promise<IDBDatabaseInfo[]> | null = null

/**
 * Ask for the list now and return the answer; the next
 * {@link installedDatabases} call gets this same answer. Null where the
 * browser cannot tell. Never throws.
 */
export function askForDatabasesEarly(): Promise<IDBDatabaseInfo[]> | null {
  if (!supported()) return null
  const answer = indexedDB.databases()
  // Whoever uses it sees a rejection; until then it must not count as unhandled.
  answer.catch(() => undefined)
  early = answer
  return answer
}

/**
 * The installed databases: the early answer if one is waiting (used once; it
 * is only as fresh as the page's start), else a fresh one. Null where the
 * browser cannot tell (no IndexedDB, or no `databases()`).
 */
export function installedDatabases(): Promise<IDBDatabaseInfo[]> | null {
  const answer = early
  early = null
  if (answer) return answer
  return supported() ? indexedDB.databases() : null
}
