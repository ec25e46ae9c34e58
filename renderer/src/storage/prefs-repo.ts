/**
 * Preferences: small typed values kept in the `prefs` table. Each key has one
 * declared type here, so no caller passes key strings or casts values around.
 */
import type { ConsensusDecisionRecord } from '../../../shared/compare'
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

export async function getPref<K extends keyof Prefs>(db: WorkbenchDb, key: K): Promise<Prefs[K]> {
  const record = await db.prefs.get(key)
  return record === undefined ? PREF_DEFAULTS[key] : (record.value as Prefs[K])
}

export async function setPref<K extends keyof Prefs>(db: WorkbenchDb, key: K, value: Prefs[K]): Promise<void> {
  try {
    await db.prefs.put({ key, value })
  } catch (error) {
    throw writeFailure(error)
  }
}

/** Every preference, stored values over defaults. */
export async function getAllPrefs(db: WorkbenchDb): Promise<Prefs> {
  const records = await db.prefs.toArray()
  const prefs: Record<string, unknown> = { ...PREF_DEFAULTS }
  for (const r of records) if (r.key in PREF_DEFAULTS) prefs[r.key] = r.value
  return prefs as unknown as Prefs
}
