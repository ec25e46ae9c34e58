/**
 * The one IndexedDB database of the workbench, opened through Dexie with the
 * append-only schema list. Opening fails with a {@link StorageError} whose
 * message tells the user what happened (IndexedDB disabled, another window
 * holding an older version open, a failed upgrade) instead of a raw DOMException.
 */
import Dexie, { type EntityTable, type Table } from 'dexie'
import { StorageError } from '../../../shared/errors'
import type { BodyRecord, ClaimEditRecord, ClaimOpRecord, ClaimPageRecord, DocumentRecord, PrefRecord, SetRecord } from './records'
import { installedDatabases } from './installed-databases'
import { CURRENT_SCHEMA_VERSION, DATABASE_NAME, SCHEMA_VERSIONS, type SchemaVersion } from './schema-versions'

export { DATABASE_NAME }

export type WorkbenchDb = Dexie & {
  documents: EntityTable<DocumentRecord, 'id'>
  bodies: EntityTable<BodyRecord, 'id'>
  prefs: EntityTable<PrefRecord, 'key'>
  sets: EntityTable<SetRecord, 'id'>
  claimPages: EntityTable<ClaimPageRecord, 'key'>
  claimEdits: Table<ClaimEditRecord, [string, string]>
  claimOps: EntityTable<ClaimOpRecord, 'id'>
  /** Work records (work-record-keys.ts), same shape as prefs. */
  workRecords: EntityTable<PrefRecord, 'key'>
}

/**
 * Declare `versions` on a new Dexie instance. Tests pass a prefix of
 * {@link SCHEMA_VERSIONS} to write databases as an older build would. A data
 * migration that throws makes `open()` reject with a Dexie `UpgradeError`
 * (the thrown error as `inner`); the whole upgrade is rolled back.
 */
export function declareDatabase(name: string, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): WorkbenchDb {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as WorkbenchDb
  for (const v of versions) {
    const version = db.version(v.version).stores(v.stores)
    const upgrade = v.upgrade
    if (upgrade) {
      // Dexie rejects open() with whatever the migration threw; naming it an
      // UpgradeError lets openFailureMessage tell "could not upgrade" from "could not open".
      version.upgrade(async (tx) => {
        try {
          await upgrade(tx)
        } catch (error) {
          throw new Dexie.UpgradeError(`Upgrade to schema version ${v.version} failed: ${(error as Error)?.message ?? String(error)}`, error as object)
        }
      })
    }
  }
  return db
}

/** Turn what Dexie/IndexedDB threw while opening into a message a person can act on. */
export function openFailureMessage(error: unknown): StorageError {
  const name = (error as { name?: string } | null)?.name ?? ''
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? ''
  const messages = [error, (error as { inner?: unknown } | null)?.inner].map((e) => String((e as Error | null)?.message ?? '')).join(' ')
  // Chromium with site data blocked by the user's setting fails every IndexedDB call with
  // an UnknownError "The user denied permission to access the database."
  const denied = /denied permission to access the database/i.test(messages)
  if (name === 'MissingAPIError' || inner === 'SecurityError' || name === 'SecurityError' || denied) {
    return new StorageError(
      'storage-unavailable',
      'Local storage (IndexedDB) is not available, so nothing could be loaded or saved. Allow site data for this app, or leave private browsing, then reload.',
      { cause: error },
    )
  }
  if (name === 'VersionError' || inner === 'VersionError') {
    return new StorageError(
      'storage-newer',
      'Your data was saved by a newer version of Critique Workbench. Update the app to open it; nothing was changed.',
      { cause: error },
    )
  }
  if (name === 'DatabaseClosedError' && /blocked/i.test(String((error as Error).message))) {
    return new StorageError(
      'storage-blocked',
      'Another Critique Workbench window is holding an older version of your data open. Close it to finish the upgrade; nothing was lost.',
      { cause: error },
    )
  }
  if (name === 'UpgradeError' || inner === 'UpgradeError') {
    return new StorageError(
      'storage-upgrade-failed',
      'Your saved data could not be upgraded to this version. It is untouched; an earlier version of the app can still read it.',
      { cause: error },
    )
  }
  return new StorageError('storage-open-failed', `Your saved data could not be opened: ${(error as Error)?.message ?? String(error)}`, {
    cause: error,
  })
}

/** Schema version a native IndexedDB version stands for: Dexie stores version × 10, plus 1 per schema patch. */
function schemaVersionOf(nativeVersion: number): number {
  return Math.floor(nativeVersion / 10)
}

/** Native version of the installed database `name`, or null when it does not exist or the browser cannot tell. */
async function installedNativeVersion(name: string): Promise<number | null> {
  // indexedDB.databases() exists in Chromium, hence in Electron; elsewhere the check after opening remains.
  // Without IndexedDB at all, Dexie's own MissingAPIError says so when opening.
  const list = installedDatabases()
  if (!list) return null
  const info = (await list).find((d) => d.name === name)
  return info?.version ?? null
}

const newerVersionError = (nativeVersion: number) =>
  openFailureMessage(new DOMException(`The installed database has version ${nativeVersion}, newer than this build's ${CURRENT_SCHEMA_VERSION * 10}`, 'VersionError'))

/**
 * Open the workbench database. Resolves once it is open and upgraded; rejects
 * with a {@link StorageError}; a database written by a newer build is refused
 * ('storage-newer') without being modified. `onBlockedUpgrade` is called when another window
 * must close before our upgrade can run, and `onVersionChange` when another
 * window wants to upgrade past us (we close, so it can proceed).
 */
export async function openDatabase(
  name = DATABASE_NAME,
  hooks: { onBlockedUpgrade?: () => void; onVersionChange?: () => void } = {},
): Promise<WorkbenchDb> {
  const db = declareDatabase(name)
  db.on('blocked', () => hooks.onBlockedUpgrade?.())
  db.on('versionchange', () => {
    // Another window is upgrading: close so it is not blocked, then tell the user.
    db.close()
    hooks.onVersionChange?.()
    return false
  })
  let installed: number | null = null
  try {
    // Dexie 4 silently opens a database of a newer version (and patches its schema
    // to ours when indexes differ), so a newer database is refused before Dexie touches it.
    installed = await installedNativeVersion(name)
    if (installed !== null && schemaVersionOf(installed) > CURRENT_SCHEMA_VERSION) throw newerVersionError(installed)
    await db.open()
    const opened = db.backendDB().version
    if (schemaVersionOf(opened) > CURRENT_SCHEMA_VERSION) {
      db.close()
      throw newerVersionError(opened)
    }
    return db
  } catch (error) {
    const failure = error instanceof StorageError ? error : openFailureMessage(error)
    // An unexplained failure while an older database was being upgraded is a failed upgrade:
    // IndexedDB rolled the whole versionchange back, so the data is as the older build left it.
    if (failure.code === 'storage-open-failed' && installed !== null && schemaVersionOf(installed) < CURRENT_SCHEMA_VERSION) {
      throw openFailureMessage(new Dexie.UpgradeError(`Upgrade from schema version ${schemaVersionOf(installed)} failed`, error as object))
    }
    throw failure
  }
}
