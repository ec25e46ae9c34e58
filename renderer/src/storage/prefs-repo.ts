/**
 * Preferences and work records: small typed values kept in the `prefs` table
 * (preferences: theme, language, name…) or, for the keys of
 * work-record-keys.ts (active set per document, dismissals, drafts, consensus
 * records), in `workRecords`. Each key has one
 * declared type here and a valibot schema it is checked against when read, so
 * no caller passes key strings or casts values around; every read-modify-write
 * goes through {@link updatePref}, one transaction.
 */
import * as v from 'valibot'
import type { ConsensusDecisionRecord } from '../../../shared/compare'
import type { WorkbenchDb } from './database'
import { isWorkRecordKey } from './work-record-keys'
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
  /** UI language; 'system' follows the browser's preferred languages. */
  language: 'system' | 'en' | 'ja'
  /** Reader body size in CSS pixels. */
  readerFontSize: number
  /** Reader line height (unitless multiple of the font size). */
  readerLineHeight: number
  /** Documents opened most recently, newest first (ids). */
  recentDocuments: string[]
  /** Whether exported CSV reports start with a byte-order mark, so Excel reads them as UTF-8. */
  reportCsvBom: boolean
  /** Whether the reader shows the claim finder's suggestions. */
  suggestionsVisible: boolean
  /** Dismissed suggestions per annotation set id: sentence keys "start:end" (renderer/src/suggestions). */
  suggestionDismissals: Record<string, string[]>
  /** Cues the user added to the claim finder's lexicon (CueEntry objects, validated again when read). */
  cueAdditions: unknown[]
  /** Ids of lexicon cues the user removed. */
  cueRemovals: string[]
  /** Adjudication drafts per compared set list (renderer/src/compare: draftKey -> item id -> decision). */
  compareDrafts: Record<string, Record<string, { keep: 'A' | 'B' | 'both' | 'neither' | null; reason: string }>>
  /** Decision records kept beside each consensus set, by its set id (renderer/src/compare/create-consensus.ts). */
  consensusRecords: Record<string, { sourceSetIds: string[]; minOverlap: number; decisions: ConsensusDecisionRecord[] }>
  /** The team server's URL (docs/team.md), or null when not set up. */
  teamServerUrl: string | null
  /** The analyst's personal token for that server (kept in this profile only, like the rest of their data). */
  teamToken: string | null
}

export const PREF_DEFAULTS: Readonly<Prefs> = {
  analystName: null,
  seeded: false,
  activeSets: {},
  hintDismissed: false,
  theme: 'system',
  lastDocumentId: null,
  language: 'system',
  readerFontSize: 17,
  readerLineHeight: 1.95,
  recentDocuments: [],
  reportCsvBom: false,
  suggestionsVisible: false,
  suggestionDismissals: {},
  cueAdditions: [],
  cueRemovals: [],
  compareDrafts: {},
  consensusRecords: {},
  teamServerUrl: null,
  teamToken: null,
}

const record = <T extends v.GenericSchema>(value: T) => v.record(v.string(), value)
const Keep = v.picklist(['A', 'B', 'both', 'neither'])

/**
 * What each stored preference must look like. A stored value that does not
 * match (written by a damaged backup, an older build, a hand edit) is read as
 * the default: the app never runs on an unchecked cast.
 */
const PREF_SCHEMAS: { readonly [K in keyof Prefs]: v.GenericSchema<unknown, Prefs[K]> } = {
  analystName: v.nullable(v.string()),
  seeded: v.boolean(),
  activeSets: record(v.string()),
  hintDismissed: v.boolean(),
  theme: v.picklist(['system', 'light', 'dark']),
  lastDocumentId: v.nullable(v.string()),
  language: v.picklist(['system', 'en', 'ja']),
  readerFontSize: v.pipe(v.number(), v.minValue(8), v.maxValue(64)),
  readerLineHeight: v.pipe(v.number(), v.minValue(1), v.maxValue(4)),
  recentDocuments: v.array(v.string()),
  reportCsvBom: v.boolean(),
  suggestionsVisible: v.boolean(),
  suggestionDismissals: record(v.array(v.string())),
  cueAdditions: v.array(v.unknown()),
  cueRemovals: v.array(v.string()),
  compareDrafts: record(record(v.object({ keep: v.nullable(Keep), reason: v.string() }))),
  teamServerUrl: v.nullable(v.string()),
  teamToken: v.nullable(v.string()),
  consensusRecords: record(
    v.object({
      sourceSetIds: v.array(v.string()),
      minOverlap: v.number(),
      decisions: v.array(
        v.object({
          itemId: v.string(),
          kind: v.picklist(['agree', 'conflict', 'onlyA', 'onlyB']),
          keep: Keep,
          reason: v.string(),
          automatic: v.boolean(),
          sourceClaimIds: v.array(v.string()),
          claimIds: v.array(v.string()),
        }),
      ),
    }),
  ),
}

/** The stored `value` of `key` if it has the declared shape, else the default. */
function checked<K extends keyof Prefs>(key: K, value: unknown): Prefs[K] {
  const result = v.safeParse(PREF_SCHEMAS[key], value)
  return result.success ? (result.output as Prefs[K]) : PREF_DEFAULTS[key]
}

/** The table holding `key`: `workRecords` for a work record, else `prefs`. */
function tableOf(db: WorkbenchDb, key: string) {
  return isWorkRecordKey(key) ? db.workRecords : db.prefs
}

/**
 * The tables a caller's transaction must span for updatePref,
 * forgetDocumentPrefs or forgetSetPrefs to join it: both prefs tables.
 */
export function prefTables(db: WorkbenchDb) {
  return [db.prefs, db.workRecords]
}

/** The preference `key`: the stored value if valid (see PREF_SCHEMAS), else its default. */
export async function getPref<K extends keyof Prefs>(db: WorkbenchDb, key: K): Promise<Prefs[K]> {
  const record = await tableOf(db, key).get(key)
  return record === undefined ? PREF_DEFAULTS[key] : checked(key, record.value)
}

export async function setPref<K extends keyof Prefs>(db: WorkbenchDb, key: K, value: Prefs[K]): Promise<void> {
  try {
    await tableOf(db, key).put({ key, value })
  } catch (error) {
    throw writeFailure(error)
  }
}

/**
 * Read, change and write the preference `key` in one transaction, so two
 * windows changing it at once both keep their change. `change` must be pure
 * (it may run again). Rejects with a StorageError. Inside a caller's
 * transaction over {@link prefTables}, it joins that transaction.
 */
export async function updatePref<K extends keyof Prefs>(db: WorkbenchDb, key: K, change: (value: Prefs[K]) => Prefs[K]): Promise<void> {
  try {
    const table = tableOf(db, key)
    await db.transaction('rw', table, async () => {
      await table.put({ key, value: change(await getPref(db, key)) })
    })
  } catch (error) {
    throw writeFailure(error)
  }
}

/** Every preference, stored values (when valid) over defaults. */
export async function getAllPrefs(db: WorkbenchDb): Promise<Prefs> {
  const records = await db.transaction('r', prefTables(db), async () => [
    // A work-record key found in `prefs` is not read: since version 5 only `workRecords` holds it.
    ...(await db.prefs.toArray()).filter((r) => !isWorkRecordKey(r.key)),
    ...(await db.workRecords.toArray()),
  ])
  const prefs: Record<string, unknown> = { ...PREF_DEFAULTS }
  for (const r of records) if (r.key in PREF_DEFAULTS) prefs[r.key] = checked(r.key as keyof Prefs, r.value)
  return prefs as unknown as Prefs
}

/**
 * Forget what the preferences say about the document `documentId` and its
 * sets `setIds` (active set, dismissed suggestions, adjudication drafts,
 * consensus records, recent and last documents). Call inside the transaction
 * deleting them, over {@link prefTables}.
 */
export async function forgetDocumentPrefs(db: WorkbenchDb, documentId: string, setIds: readonly string[]): Promise<void> {
  await forgetSetPrefs(db, setIds)
  await updatePref(db, 'activeSets', (all) => without(all, (doc) => doc === documentId))
  await updatePref(db, 'recentDocuments', (ids) => ids.filter((id) => id !== documentId))
  await updatePref(db, 'lastDocumentId', (id) => (id === documentId ? null : id))
}

/**
 * Forget what the preferences say about the sets `setIds` (dismissed
 * suggestions, adjudication drafts, consensus records, the active set). Call
 * inside the transaction deleting them, over {@link prefTables}.
 */
export async function forgetSetPrefs(db: WorkbenchDb, setIds: readonly string[]): Promise<void> {
  const sets = new Set(setIds)
  await updatePref(db, 'activeSets', (all) => without(all, (doc) => sets.has(all[doc]!)))
  await updatePref(db, 'suggestionDismissals', (all) => without(all, (setId) => sets.has(setId)))
  await updatePref(db, 'consensusRecords', (all) => without(all, (setId) => sets.has(setId)))
  // Drafts are keyed by the compared set ids joined with '|' (compare/adjudication.ts).
  await updatePref(db, 'compareDrafts', (all) => without(all, (key) => key.split('|').some((id) => sets.has(id))))
}

function without<T>(all: Record<string, T>, gone: (key: string) => boolean): Record<string, T> {
  return Object.fromEntries(Object.entries(all).filter(([key]) => !gone(key)))
}
