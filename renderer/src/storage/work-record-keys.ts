/**
 * Which keys of the typed key → value store (prefs-repo.ts) are work records,
 * kept in the `workRecords` table since schema version 5, rather than
 * preferences kept in `prefs`. Adding a key later needs a new schema version
 * moving its stored value (version 5 moved exactly the four below).
 */
export const WORK_RECORD_KEYS = ['activeSets', 'suggestionDismissals', 'compareDrafts', 'consensusRecords'] as const

export type WorkRecordKey = (typeof WORK_RECORD_KEYS)[number]

/** True when `key` names a work record (stored in `workRecords`), false for a preference. */
export function isWorkRecordKey(key: string): key is WorkRecordKey {
  return (WORK_RECORD_KEYS as readonly string[]).includes(key)
}
