import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type WorkbenchDb } from './database'
import { readBackup } from './backup-repo'
import { setPref } from './prefs-repo'

let db: WorkbenchDb | null = null
afterEach(async () => {
  db?.close()
  if (db) await db.delete()
  db = null
})

describe('backups and the team token', () => {
  it('a backup keeps the team server URL but never the personal token', async () => {
    db = await openDatabase(`backup-secrets-${crypto.randomUUID()}`)
    await setPref(db, 'teamServerUrl', 'https://annotations.example.org')
    await setPref(db, 'teamToken', 'cwt_00000000-0000-4000-8000-000000000000_secret')
    const backup = await readBackup(db)
    expect(backup.prefs.teamServerUrl).toBe('https://annotations.example.org')
    expect('teamToken' in backup.prefs).toBe(false)
    expect(JSON.stringify(backup)).not.toContain('cwt_')
  })
})
