/**
 * The claim finder's stored choices, kept in the prefs table (so backups
 * carry them): suggestions dismissed per annotation set, and the user's
 * additions to and removals from the cue lexicon. Read-modify-write happens
 * in one transaction, so two windows never lose each other's changes.
 */
import type { CueEntry } from '../../../shared/cues'
import type { WorkbenchDb } from '../storage/database'
import { getPref, setPref, updatePref } from '../storage/prefs-repo'

/** The dismissed suggestion keys ("start:end") of set `setId`. */
export async function dismissalsOf(db: WorkbenchDb, setId: string): Promise<string[]> {
  return (await getPref(db, 'suggestionDismissals'))[setId] ?? []
}

/** Remember that the suggestion `key` was dismissed in set `setId` (idempotent). Rejects with StorageError. */
export function addDismissal(db: WorkbenchDb, setId: string, key: string): Promise<void> {
  return updatePref(db, 'suggestionDismissals', (all) => {
    const keys = all[setId] ?? []
    return keys.includes(key) ? all : { ...all, [setId]: [...keys, key] }
  })
}

/** Forget every dismissal of set `setId`, so its suggestions show again. Rejects with StorageError. */
export function clearDismissals(db: WorkbenchDb, setId: string): Promise<void> {
  return updatePref(db, 'suggestionDismissals', (all) => {
    const { [setId]: _gone, ...rest } = all
    return rest
  })
}

/** Add a validated cue to the user's lexicon. Rejects with StorageError. */
export function addUserCue(db: WorkbenchDb, entry: CueEntry): Promise<void> {
  return updatePref(db, 'cueAdditions', (added) => [...added, entry])
}

/**
 * Take cue `id` out of the lexicon: a user's own cue is deleted, a bundled
 * one is remembered as removed (and can be restored). Rejects with StorageError.
 */
export async function removeCue(db: WorkbenchDb, id: string): Promise<void> {
  await db.transaction('rw', db.prefs, async () => {
    const added = await getPref(db, 'cueAdditions')
    const own = added.filter((e) => (e as { id?: unknown } | null)?.id === id)
    if (own.length) await setPref(db, 'cueAdditions', added.filter((e) => !own.includes(e)))
    else {
      const removed = await getPref(db, 'cueRemovals')
      if (!removed.includes(id)) await setPref(db, 'cueRemovals', [...removed, id])
    }
  })
}

/** Put a removed bundled cue back. Rejects with StorageError. */
export function restoreCue(db: WorkbenchDb, id: string): Promise<void> {
  return updatePref(db, 'cueRemovals', (removed) => removed.filter((r) => r !== id))
}
