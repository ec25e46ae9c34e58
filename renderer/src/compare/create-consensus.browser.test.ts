/**
 * A consensus set and its decision records are written together: a failure
 * writing the records leaves no half-made consensus (real IndexedDB).
 */
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { aSetWithClaims } from '../../../shared/claims/test-builders'
import { compareSets } from '../../../shared/compare'
import { openDatabase, type WorkbenchDb } from '../storage/database'
import { getPref } from '../storage/prefs-repo'
import { createConsensusSet } from './create-consensus'

const TEXT = 'abcdefghij'.repeat(10)
const opened: WorkbenchDb[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

const comparison = () =>
  compareSets(TEXT, [
    aSetWithClaims({ text: TEXT, id: 'A', spans: [[20, 30, 'speculative']], label: 'Sato' }),
    aSetWithClaims({ text: TEXT, id: 'B', spans: [[20, 30, 'speculative']], label: 'Tanaka' }),
  ])
const naming = { label: 'Consensus', analyst: 'Sato', now: '2025-08-19T10:00:00.000Z' }

describe('createConsensusSet', () => {
  it('stores the set, its claims and its decision records together', async () => {
    const db = await openDatabase(`test-consensus-${crypto.randomUUID()}`)
    opened.push(db)
    const consensus = await createConsensusSet(db, comparison(), {}, naming)
    expect(await db.sets.get(consensus.set.id)).toBeTruthy()
    expect(Object.keys(await getPref(db, 'consensusRecords'))).toEqual([consensus.set.id])
  })

  it('stores nothing when the decision records cannot be written', async () => {
    const db = await openDatabase(`test-consensus-${crypto.randomUUID()}`)
    opened.push(db)
    const original = IDBObjectStore.prototype.put
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
      if (this.name === 'workRecords') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return original.apply(this, args)
    }
    try {
      await expect(createConsensusSet(db, comparison(), {}, naming)).rejects.toMatchObject({ code: 'storage-quota' })
    } finally {
      IDBObjectStore.prototype.put = original
    }
    expect(await db.sets.count()).toBe(0)
    expect(await db.claimPages.count()).toBe(0)
  })
})
