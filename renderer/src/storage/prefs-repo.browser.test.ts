/**
 * Preferences against real IndexedDB: read back only in the declared shape,
 * changed in one transaction per read-modify-write (two windows keep each
 * other's changes), and forgotten with the document or set they are about.
 */
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import type { AnnotationSet } from '../../../shared/claims/model'
import { addSetWithClaims, deleteSet } from './claims-repo'
import { openDatabase, type WorkbenchDb } from './database'
import { deleteDocument } from './documents-repo'
import { getAllPrefs, getPref, setPref, updatePref } from './prefs-repo'

const opened: WorkbenchDb[] = []
afterEach(async () => {
  const names = new Set(opened.map((db) => db.name))
  for (const db of opened.splice(0)) db.close()
  for (const name of names) await Dexie.delete(name)
})

async function open(name = `test-prefs-${crypto.randomUUID()}`): Promise<WorkbenchDb> {
  const db = await openDatabase(name)
  opened.push(db)
  return db
}

describe('prefs read back', () => {
  it('are the default when the stored value does not have the declared shape', async () => {
    const db = await open()
    await db.prefs.bulkPut([
      { key: 'theme', value: 'neon' },
      { key: 'analystName', value: '山田' },
    ])
    await db.workRecords.bulkPut([
      { key: 'activeSets', value: 'not a record' },
      { key: 'consensusRecords', value: { s1: { sourceSetIds: 'x' } } },
    ])
    expect(await getPref(db, 'activeSets')).toEqual({})
    expect(await getPref(db, 'consensusRecords')).toEqual({})
    const all = await getAllPrefs(db)
    expect(all.theme).toBe('system')
    expect(all.analystName).toBe('山田')
  })
})

describe('where values are kept', () => {
  it('work records in workRecords, preferences in prefs; a work record left in prefs is not read', async () => {
    const db = await open()
    await setPref(db, 'theme', 'dark')
    await updatePref(db, 'activeSets', (all) => ({ ...all, d1: 's1' }))
    await setPref(db, 'compareDrafts', { 's1|s2': { i: { keep: 'both', reason: '両方' } } })
    expect((await db.prefs.toArray()).map((r) => r.key)).toEqual(['theme'])
    expect((await db.workRecords.toArray()).map((r) => r.key)).toEqual(['activeSets', 'compareDrafts'])
    await db.prefs.put({ key: 'suggestionDismissals', value: { s1: ['1:2'] } })
    expect(await getPref(db, 'suggestionDismissals')).toEqual({})
    const all = await getAllPrefs(db)
    expect(all.suggestionDismissals).toEqual({})
    expect(all.activeSets).toEqual({ d1: 's1' })
    expect(all.theme).toBe('dark')
  })
})

describe('updatePref', () => {
  it('keeps every change when two windows change the same preference at once', async () => {
    const name = `test-prefs-${crypto.randomUUID()}`
    const [a, b] = [await open(name), await open(name)]
    const changes = Array.from({ length: 20 }, (_, i) => [
      updatePref(a, 'activeSets', (all) => ({ ...all, [`doc-a-${i}`]: `set-${i}` })),
      updatePref(b, 'activeSets', (all) => ({ ...all, [`doc-b-${i}`]: `set-${i}` })),
    ]).flat()
    await Promise.all(changes)
    expect(Object.keys(await getPref(a, 'activeSets'))).toHaveLength(40)
  })
})

describe('deleting forgets what the prefs say about it', () => {
  const set = (id: string, documentId: string): AnnotationSet => ({ id, documentId, analyst: 'A', label: id, created: '2025-08-19T10:00:00.000Z', origin: 'local' })

  it('a document: its active set, dismissals, drafts, consensus records and recent entry', async () => {
    const db = await open()
    await addSetWithClaims(db, set('s1', 'd1'), [])
    await addSetWithClaims(db, set('s2', 'd2'), [])
    await setPref(db, 'activeSets', { d1: 's1', d2: 's2' })
    await setPref(db, 'suggestionDismissals', { s1: ['1:2'], s2: ['3:4'] })
    await setPref(db, 'compareDrafts', { 's1|s9': { i: { keep: 'A', reason: '' } }, 's2|s3': { i: { keep: 'B', reason: '' } } })
    await setPref(db, 'consensusRecords', { s1: { sourceSetIds: [], minOverlap: 0.5, decisions: [] } })
    await setPref(db, 'recentDocuments', ['d1', 'd2'])
    await setPref(db, 'lastDocumentId', 'd1')
    await deleteDocument(db, 'd1')
    const prefs = await getAllPrefs(db)
    expect(prefs.activeSets).toEqual({ d2: 's2' })
    expect(prefs.suggestionDismissals).toEqual({ s2: ['3:4'] })
    expect(Object.keys(prefs.compareDrafts)).toEqual(['s2|s3'])
    expect(prefs.consensusRecords).toEqual({})
    expect(prefs.recentDocuments).toEqual(['d2'])
    expect(prefs.lastDocumentId).toBeNull()
  })

  it('a set: its dismissals and its place as a document’s active set', async () => {
    const db = await open()
    await addSetWithClaims(db, set('s1', 'd1'), [])
    await setPref(db, 'activeSets', { d1: 's1' })
    await setPref(db, 'suggestionDismissals', { s1: ['1:2'] })
    await deleteSet(db, 's1')
    expect(await getPref(db, 'activeSets')).toEqual({})
    expect(await getPref(db, 'suggestionDismissals')).toEqual({})
  })
})
