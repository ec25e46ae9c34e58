/**
 * The renderer entry's head start (docs/performance.md): before the app's
 * code is even downloaded, start the origin's storage and, when the
 * workbench database is there at this build's schema, do the opening read
 * (opening-read.ts) on a native connection of its own. The read then overlaps loading and evaluating the
 * bundle; the app (state/opening.ts) takes it over once Dexie is open.
 *
 * Nothing here may import Dexie or the app: this module is in the entry chunk.
 *
 * A database that is missing, of another schema version (an upgrade is due,
 * or a newer build wrote it) or failing is left to the app, which opens it
 * through Dexie and reads afterwards; a native open never creates or
 * upgrades anything. The claims of the read are only as fresh as the read:
 * another window's committed change to stored claims, announced on Dexie's
 * cross-tab channel, is noted (see {@link EarlyOpening.claimsChanged}).
 */
import { askForDatabasesEarly } from './installed-databases'
import { readOpening, type OpeningRead } from './opening-read'
import { CURRENT_SCHEMA_VERSION, DATABASE_NAME } from './schema-versions'

/**
 * The BroadcastChannel on which Dexie 4 announces committed changes to other
 * tabs (its `STORAGE_MUTATED_DOM_EVENT_NAME`); early-opening.browser.test.ts
 * fails if a Dexie update renames it.
 */
export const DEXIE_MUTATION_CHANNEL = 'x-storagemutated-1'

/** The entry's read, handed to the app. */
export interface EarlyOpening {
  /** The opening read, or null when it was left to the app (see the module comment). Never rejects. */
  read: Promise<OpeningRead | null>
  /** True when another window announced a change to stored claims after the read began. */
  claimsChanged(): boolean
  /** Stop listening to other windows. */
  dispose(): void
}

/** True when a storagemutated part set (as Dexie sends it) touches stored claims (pages or journal) of database `name`. */
export function touchesClaims(parts: unknown, name: string): boolean {
  if (typeof parts !== 'object' || parts === null) return false
  const tables = [`idb://${name}/claimPages/`, `idb://${name}/claimEdits/`]
  return 'all' in parts || Object.keys(parts).some((part) => tables.some((table) => part.startsWith(table)))
}

/**
 * The database `name` at whatever version it has, or null when there is none.
 * Opened without a version, so it is never upgraded; a database that does not
 * exist would be created, so that upgrade is aborted, which creates nothing.
 */
function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name)
    let missing = false
    request.onupgradeneeded = () => {
      missing = true
      request.transaction?.abort()
    }
    request.onsuccess = () => {
      const db = request.result
      // Never hold up another window's upgrade.
      db.onversionchange = () => db.close()
      resolve(db)
    }
    request.onerror = () => (missing ? resolve(null) : reject(request.error))
  })
}

/** Start the entry's read of database `name`. Never throws. */
export function startEarlyOpening(name = DATABASE_NAME): EarlyOpening {
  let changed = false
  let channel: BroadcastChannel | null = null
  if (typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(DEXIE_MUTATION_CHANNEL)
    channel.onmessage = (event: MessageEvent) => {
      if (touchesClaims(event.data, name)) changed = true
    }
  }
  const dispose = () => {
    channel?.close()
    channel = null
  }
  // For openDatabase's check; asked at the same time, since both wait for the storage to start.
  askForDatabasesEarly()
  const read = (async (): Promise<OpeningRead | null> => {
    if (typeof indexedDB === 'undefined') return null
    const db = await openExisting(name)
    if (!db) return null
    try {
      // Dexie stores schema version × 10 (database.ts); another version is the app's to handle.
      return Math.floor(db.version / 10) === CURRENT_SCHEMA_VERSION ? await readOpening(db) : null
    } finally {
      db.close()
    }
  })().catch(() => null)
  return { read, claimsChanged: () => changed, dispose }
}
