/**
 * Backups and the work records (schema version 5's `workRecords` table):
 * a backup carries them apart from preferences and a restore puts them back
 * there; a backup in format 1, which kept them among `prefs`, restores them
 * into `workRecords` too, so nothing of an older backup is lost.
 */
import { afterEach, describe, expect, it } from 'vitest'
import articleText from '../../../fixtures/articles/alaska-summit-2025-08-18.txt?raw'
import { parseBackup } from '../../../shared/backup/backup-format'
import { finishArticle, parseArticleFile } from '../../../shared/article/import'
import { openDatabase, type WorkbenchDb } from './database'
import { readBackup, restoreBackup } from './backup-repo'
import { addSetWithClaims } from './claims-repo'
import { getAllPrefs, setPref } from './prefs-repo'

const opened: WorkbenchDb[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await db.delete()
  }
})

async function open(): Promise<WorkbenchDb> {
  const db = await openDatabase(`test-backup-work-${crypto.randomUUID()}`)
  opened.push(db)
  return db
}

/** A database with one document, one set, preferences and every kind of work record. */
async function filled(): Promise<WorkbenchDb> {
  const db = await open()
  const bytes = new TextEncoder().encode(articleText)
  const article = finishArticle(
    parseArticleFile({ name: 'a.txt', bytes }, () => {
      throw new Error('not html')
    }),
    { id: 'd1', sourceName: 'a.txt', sourceBytes: bytes.length, importedAt: '2025-08-19T09:00:00.000Z' },
  )
  const { blocks, text, ...meta } = article
  await db.documents.add(meta)
  await db.bodies.add({ id: 'd1', blocks, text })
  await addSetWithClaims(db, { id: 's1', documentId: 'd1', analyst: 'A', label: 'A', created: '2025-08-19T10:00:00.000Z', origin: 'local' }, [])
  await setPref(db, 'theme', 'dark')
  await setPref(db, 'analystName', '山田 花子')
  await setPref(db, 'activeSets', { d1: 's1' })
  await setPref(db, 'suggestionDismissals', { s1: ['1:2'] })
  await setPref(db, 'compareDrafts', { 's1|s2': { i: { keep: 'A', reason: '出典 𠮷' } } })
  await setPref(db, 'consensusRecords', { s1: { sourceSetIds: ['s0', 's2'], minOverlap: 0.5, decisions: [] } })
  return db
}

const WORK_RECORDS = {
  activeSets: { d1: 's1' },
  suggestionDismissals: { s1: ['1:2'] },
  compareDrafts: { 's1|s2': { i: { keep: 'A', reason: '出典 𠮷' } } },
  consensusRecords: { s1: { sourceSetIds: ['s0', 's2'], minOverlap: 0.5, decisions: [] } },
}

describe('backups carry the work records', () => {
  it('apart from preferences, and a restore puts each back in its table', async () => {
    const backup = await readBackup(await filled())
    expect(backup.version).toBe(2)
    expect(backup.workRecords).toEqual(WORK_RECORDS)
    expect(backup.prefs).toEqual({ theme: 'dark', analystName: '山田 花子' })

    const target = await open()
    await restoreBackup(target, parseBackup(JSON.stringify(backup), 'b.json'), 'b.json')
    expect((await target.prefs.toArray()).map((r) => r.key).sort()).toEqual(['analystName', 'theme'])
    expect(Object.fromEntries((await target.workRecords.toArray()).map((r) => [r.key, r.value]))).toEqual(WORK_RECORDS)
  })

  it('a format 1 backup, with the work records among prefs, restores every value', async () => {
    const current = await readBackup(await filled())
    const { workRecords, ...rest } = current
    const formatOne = { ...rest, version: 1, prefs: { ...current.prefs, ...workRecords } }

    const target = await open()
    await setPref(target, 'activeSets', { gone: 'x' })
    await restoreBackup(target, parseBackup(JSON.stringify(formatOne), 'old.json'), 'old.json')
    expect((await target.prefs.toArray()).map((r) => r.key).sort()).toEqual(['analystName', 'theme'])
    expect(Object.fromEntries((await target.workRecords.toArray()).map((r) => [r.key, r.value]))).toEqual(WORK_RECORDS)
    const prefs = await getAllPrefs(target)
    expect(prefs.compareDrafts).toEqual(WORK_RECORDS.compareDrafts)
    expect(prefs.theme).toBe('dark')
  })
})
