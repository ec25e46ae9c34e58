import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type WorkbenchDb } from './database'
import { readBackup, restoreBackup } from './backup-repo'
import { setPref } from './prefs-repo'
import { addSet, listSets } from './claims-repo'
import { addDocument } from './documents-repo'
import { finishArticle } from '../../../shared/article/import'
import type { ParsedArticle } from '../../../shared/article/model'
import { parseBackup } from '../../../shared/backup/backup-format'
import type { AnnotationSet } from '../../../shared/claims/model'

let db: WorkbenchDb | null = null
afterEach(async () => {
  db?.close()
  if (db) await db.delete()
  db = null
})

describe('backups and the team server', () => {
  it('a backup keeps the team server URL but never the personal token', async () => {
    db = await openDatabase(`backup-secrets-${crypto.randomUUID()}`)
    await setPref(db, 'teamServerUrl', 'https://annotations.example.org')
    await setPref(db, 'teamToken', 'cwt_00000000-0000-4000-8000-000000000000_secret')
    const backup = await readBackup(db)
    expect(backup.prefs.teamServerUrl).toBe('https://annotations.example.org')
    expect('teamToken' in backup.prefs).toBe(false)
    expect(JSON.stringify(backup)).not.toContain('cwt_')
  })

  it('a backup keeps which sets are followed from and shared with the team server, through a restore', async () => {
    db = await openDatabase(`backup-team-${crypto.randomUUID()}`)
    const parsed: ParsedArticle = { title: 'T', publishedOn: null, language: 'ja', format: 'text', blocks: [{ type: 'paragraph', level: 0, text: '欧米の結束に亀裂が拡大することは間違いない。', marks: [] }] }
    const article = finishArticle(parsed, { id: 'd1', sourceName: 't.txt', sourceBytes: 1, importedAt: 'x' })
    await addDocument(db, { parsed, text: article.text, sha256: article.sha256, sourceName: 't.txt', sourceBytes: 1, id: 'd1', importedAt: 'x' })
    const base = { documentId: 'd1', created: '2026-01-01T00:00:00.000Z' }
    const theirs: AnnotationSet = { ...base, id: 'theirs', analyst: 'Aiko', label: 'Hers', origin: 'imported', followed: { iri: 'https://annotations.example.org/sets/theirs/', owner: 'Aiko', etag: '"c1"' } }
    const mine: AnnotationSet = { ...base, id: 'mine', analyst: 'Ben', label: 'Mine', origin: 'local', shared: { iri: 'https://annotations.example.org/sets/mine/', acked: { c1: { etag: '"e1"', modified: 'x' } }, conflicts: {} } }
    await addSet(db, theirs)
    await addSet(db, mine)
    const file = JSON.stringify(await readBackup(db))
    await db.sets.clear()
    await restoreBackup(db, parseBackup(file, 'backup.json'), 'backup.json')
    const restored = await listSets(db, 'd1')
    expect(restored.find((s) => s.id === 'theirs')?.followed).toEqual(theirs.followed)
    expect(restored.find((s) => s.id === 'mine')?.shared).toEqual(mine.shared)
  })
})
