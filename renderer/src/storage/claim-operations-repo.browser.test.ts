/**
 * Claim operations against real IndexedDB: applied to the claim as stored
 * (page or journal), all or nothing, and once per operation id.
 */
import { describe, expect, it } from 'vitest'
import { addCounterpoint, setNote } from '../../../shared/claims/claim-edits'
import type { Claim } from '../../../shared/claims/model'
import { createOperation, operationsBetween, type OperationSource } from '../../../shared/claims/operations'
import { aClaim, aSet } from '../../../shared/claims/test-builders'
import { freshDb } from '../test-support/fresh-db'
import { applyClaimOperations } from './claim-operations-repo'
import { addSetWithClaims, deleteSet, listClaims } from './claims-repo'
import type { WorkbenchDb } from './database'
import { deleteDocument } from './documents-repo'

const SET = aSet({ analyst: 'A', label: 'A', created: '2025-08-19T10:00:00.000Z' })
const TEXT = 'The summit will undoubtedly split the West.'
const T = '2025-08-19T10:10:00.000Z'

function claim(id: string): Claim {
  return aClaim({ set: SET, text: TEXT, start: 0, end: 10, stance: 'evidenced', author: 'A', created: '2025-08-19T10:05:00.000Z', modified: '2025-08-19T10:05:00.000Z', id })
}

function source(prefix: string): OperationSource {
  let n = 0
  return { newId: () => `${prefix}-${++n}`, at: T }
}

/** A fresh database holding the set with `claims`. */
async function withSet(claims: Claim[] = []): Promise<WorkbenchDb> {
  const db = await freshDb('ops')
  await addSetWithClaims(db, SET, claims)
  return db
}

describe('applyClaimOperations', () => {
  it('applies an edit to the claim as stored in its page, keeping what another edit added since', async () => {
    const base = claim('c1')
    const db = await withSet([base])
    const mine = operationsBetween(base, addCounterpoint(base, { text: 'mine', strength: 'weak', source: null }, T, 'cp-mine'), source('a'))
    const theirs = operationsBetween(base, setNote(base, 'their note', T), source('b'))
    await applyClaimOperations(db, theirs)
    const after = await applyClaimOperations(db, mine)
    expect(after.get('c1')).toMatchObject({ note: 'their note', counterpoints: [{ id: 'cp-mine' }] })
    expect(await listClaims(db, SET.id)).toEqual([after.get('c1')])
  })

  it('applies an operation id once, however often it is sent', async () => {
    const base = claim('c1')
    const db = await withSet([base])
    const ops = operationsBetween(base, addCounterpoint(base, { text: 'once', strength: 'weak', source: null }, T, 'cp'), source('a'))
    await applyClaimOperations(db, ops)
    // Removed in between: replaying the add must not bring it back.
    await applyClaimOperations(db, [{ ...ops[0]!, id: 'other', kind: 'removeCounterpoint', item: (ops[0] as { item: Claim['counterpoints'][0] }).item, index: 0 }])
    await applyClaimOperations(db, ops)
    expect((await listClaims(db, SET.id))[0]!.counterpoints).toEqual([])
    expect(await db.claimOps.count()).toBe(2)
  })

  it('writes a new claim without reading, and refuses an operation id already stored, storing nothing more', async () => {
    const db = await withSet()
    const create = createOperation(claim('c1'), source('a'))
    const reads: string[] = []
    const get = IDBObjectStore.prototype.get
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, ...args: Parameters<typeof get>) {
      reads.push(this.name)
      return get.apply(this, args)
    }
    try {
      const after = await applyClaimOperations(db, [create], undefined, { newClaims: true })
      expect(after.get('c1')).toEqual(claim('c1'))
      expect(reads).toEqual([])
    } finally {
      IDBObjectStore.prototype.get = get
    }
    expect(await listClaims(db, SET.id)).toEqual([claim('c1')])
    // The same operation again (a retry of a write that did commit): refused whole.
    const again = { ...create, claim: { ...claim('c1'), note: 'second' } }
    await expect(applyClaimOperations(db, [again], undefined, { newClaims: true })).rejects.toMatchObject({ code: 'storage-write-failed' })
    expect(await listClaims(db, SET.id)).toEqual([claim('c1')])
    expect(await db.claimOps.count()).toBe(1)
  })

  it('refuses newClaims for an operation that is not a create', async () => {
    const base = claim('c1')
    const db = await withSet([base])
    const ops = operationsBetween(base, setNote(base, 'n', T), source('a'))
    await expect(applyClaimOperations(db, ops, undefined, { newClaims: true })).rejects.toThrow(RangeError)
    expect(await listClaims(db, SET.id)).toEqual([base])
  })

  it('stores nothing when the transaction fails', async () => {
    const db = await withSet()
    const c = claim('c1')
    const create = createOperation(c, source('a'))
    const original = IDBObjectStore.prototype.put
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
      if (this.name === 'claimEdits') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return original.apply(this, args)
    }
    try {
      await expect(applyClaimOperations(db, [create])).rejects.toMatchObject({ code: 'storage-quota' })
    } finally {
      IDBObjectStore.prototype.put = original
    }
    expect(await listClaims(db, SET.id)).toEqual([])
    expect(await db.claimOps.count()).toBe(0)
  })

  it('forgets a set’s operations with the set, and a document’s with the document', async () => {
    const db = await withSet()
    await applyClaimOperations(db, [createOperation(claim('c1'), source('a'))])
    expect(await db.claimOps.count()).toBe(1)
    await deleteSet(db, SET.id)
    expect(await db.claimOps.count()).toBe(0)
    await addSetWithClaims(db, SET, [])
    await applyClaimOperations(db, [createOperation(claim('c2'), source('b'))])
    await deleteDocument(db, SET.documentId)
    expect(await db.claimOps.count()).toBe(0)
  })
})
