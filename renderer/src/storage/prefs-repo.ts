/**
 * Preferences: small typed values kept in the `prefs` table. Each key has one
 * declared type here, so no caller passes key strings or casts values around.
 */
import type { WorkbenchDb } from './database'
import { writeFailure } from './write-errors'

export interface Prefs {
  /** The analyst's name, asked once on first use; names default sets. */
  analystName: string | null
  /** True once the bundled article was imported, so deleting it later is respected. */
  seeded: boolean
  /** The active set per document id. */
  activeSets: Record<string, string>
  /** Whether the first-run hint was dismissed. */
  hintDismissed: boolean
  theme: 'system' | 'light' | 'dark'
  /** The document open when the app was last used, reopened on launch. */
  lastDocumentId: string | null
}

const DEFAULTS: Prefs = { analystName: null, seeded: false, activeSets: {}, hintDismissed: false, theme: 'system', lastDocumentId: null }

export async function getPref<K extends keyof Prefs>(db: WorkbenchDb, key: K): Promise<Prefs[K]> {
  const record = await db.prefs.get(key)
  return record === undefined ? DEFAULTS[key] : (record.value as Prefs[K])
}

export async function setPref<K extends keyof Prefs>(db: WorkbenchDb, key: K, value: Prefs[K]): Promise<void> {
  try {
    await db.prefs.put({ key, value })
  } catch (error) {
    throw writeFailure(error)
  }
}
