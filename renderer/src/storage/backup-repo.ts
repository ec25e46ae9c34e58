/**
 * Back up everything and restore it. The backup is read in one transaction (a
 * consistent snapshot); a restore replaces all tables in one transaction, and
 * only after shared/backup validated the whole file, so a bad file or a failed
 * write leaves the library exactly as it was.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile } from '../../../shared/backup/backup-format'
import type { WorkbenchDb } from './database'
import { claimsWithEdits } from './claim-journal'
import { toClaimPages } from './claim-pages'
import type { ClaimEditRecord, ClaimPageRecord } from './records'
import { prefTables } from './prefs-repo'
import { isWorkRecordKey } from './work-record-keys'
import { fileWriteFailure } from './write-errors'

/** Every set's claims: its pages with its journal applied (claim-journal.ts). */
function storedClaims(pages: readonly ClaimPageRecord[], edits: readonly ClaimEditRecord[]) {
  const bySet = new Map<string, { pages: ClaimPageRecord[]; edits: ClaimEditRecord[] }>()
  const of = (setId: string) => bySet.get(setId) ?? bySet.set(setId, { pages: [], edits: [] }).get(setId)!
  for (const page of pages) of(page.setId).pages.push(page)
  for (const edit of edits) of(edit.setId).edits.push(edit)
  return [...bySet.values()].flatMap((set) => claimsWithEdits(set.pages, set.edits))
}

/** Preferences that are secrets and stay out of backups (the analyst enters them again after a restore). */
const SECRET_PREFS: ReadonlySet<string> = new Set(['teamToken'])

/** Everything stored but secrets (SECRET_PREFS), as a backup object. */
export async function readBackup(db: WorkbenchDb, now = new Date()): Promise<BackupFile> {
  return db.transaction('r', [db.documents, db.bodies, db.sets, db.claimPages, db.claimEdits, ...prefTables(db)], async () => {
    const [documents, bodies, sets, pages, edits, prefs, workRecords] = await Promise.all([
      db.documents.toArray(),
      db.bodies.toArray(),
      db.sets.toArray(),
      db.claimPages.toArray(),
      db.claimEdits.toArray(),
      db.prefs.toArray(),
      db.workRecords.toArray(),
    ])
    const bodyById = new Map(bodies.map((b) => [b.id, b]))
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: now.toISOString(),
      documents: documents.flatMap((d) => {
        const body = bodyById.get(d.id)
        return body ? [{ ...d, blocks: body.blocks, text: body.text }] : []
      }),
      sets,
      // By id, as backups listed them when each claim was a record keyed by its id.
      claims: storedClaims(pages, edits).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      // The team token is a credential: a backup file may be copied around, so it never holds one.
      prefs: Object.fromEntries(prefs.filter((p) => !SECRET_PREFS.has(p.key)).map((p) => [p.key, p.value])),
      workRecords: Object.fromEntries(workRecords.map((r) => [r.key, r.value])),
    } satisfies BackupFile
  })
}

/**
 * Replace everything stored with `backup` (already validated by parseBackup,
 * which refuses duplicate ids), all or nothing. Work records found among
 * `prefs` (backup format 1) go to `workRecords`, as the schema version 5
 * upgrade moved them. Rejects with a StorageError
 * naming `fileName` ('restore-quota', 'restore-failed'); nothing was changed then.
 */
export async function restoreBackup(db: WorkbenchDb, backup: BackupFile, fileName: string): Promise<void> {
  try {
    const pages = toClaimPages(backup.claims)
    const entries = [...Object.entries(backup.prefs), ...Object.entries(backup.workRecords)].map(([key, value]) => ({ key, value }))
    await db.transaction('rw', [db.documents, db.bodies, db.sets, db.claimPages, db.claimEdits, db.claimOps, ...prefTables(db)], async () => {
      const cleared = [db.documents, db.bodies, db.sets, db.claimPages, db.claimEdits, db.claimOps, db.prefs, db.workRecords]
      await Promise.all(cleared.map((table) => table.clear()))
      await db.documents.bulkAdd(backup.documents.map(({ blocks: _b, text: _t, ...meta }) => meta))
      await db.bodies.bulkAdd(backup.documents.map((d) => ({ id: d.id, blocks: d.blocks, text: d.text })))
      await db.sets.bulkAdd(backup.sets)
      await db.claimPages.bulkAdd(pages)
      // bulkPut: a key in both (a hand-made file) keeps its workRecords value, listed last.
      await db.prefs.bulkPut(entries.filter((e) => !isWorkRecordKey(e.key)))
      await db.workRecords.bulkPut(entries.filter((e) => isWorkRecordKey(e.key)))
    })
  } catch (error) {
    throw fileWriteFailure(error, fileName, 'restore')
  }
}
