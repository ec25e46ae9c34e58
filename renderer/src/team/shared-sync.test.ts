import { describe, expect, it } from 'vitest'
import { aClaim } from '../../../shared/claims/test-builders'
import type { SharedTo } from '../../../shared/claims/model'
import { pendingChanges, pendingLabel, sharedAfterShare, syncState } from './shared-sync'

const T1 = '2026-01-01T00:00:00.000Z'
const T2 = '2026-01-02T00:00:00.000Z'

describe('pending changes of a shared set, derived from what the server acknowledged', () => {
  const acked = (ids: Record<string, string>): SharedTo => ({ iri: 'http://x/sets/s/', acked: Object.fromEntries(Object.entries(ids).map(([id, modified]) => [id, { etag: `"${id}"`, modified }])), conflicts: {} })

  it('right after sharing nothing is pending', () => {
    const claims = [aClaim({ id: 'a', modified: T1 }), aClaim({ id: 'b', modified: T1 })]
    const shared = sharedAfterShare('http://x/sets/s/', claims, new Map([['a', '"1"'], ['b', '"2"']]))
    expect(pendingChanges(shared, claims)).toEqual({ puts: [], deletes: [] })
    expect(syncState(shared, claims, false)).toEqual({ kind: 'synced' })
  })

  it('a changed claim, a new claim and a deleted claim are pending; offline keeps the count', () => {
    const claims = [aClaim({ id: 'a', modified: T2 }), aClaim({ id: 'c', modified: T1 })]
    const shared = acked({ a: T1, b: T1 })
    const pending = pendingChanges(shared, claims)
    expect(pending.puts.map((c) => c.id)).toEqual(['a', 'c'])
    expect(pending.deletes).toEqual(['b'])
    expect(syncState(shared, claims, false)).toEqual({ kind: 'pending', count: 3 })
    expect(syncState(shared, claims, true)).toEqual({ kind: 'offline', count: 3 })
  })

  it('a claim in conflict is not sent until the analyst chooses, and the state says conflict', () => {
    const claims = [aClaim({ id: 'a', modified: T2 })]
    const shared: SharedTo = { ...acked({ a: T1, b: T1 }), conflicts: { a: { annotation: null, etag: null }, b: { annotation: null, etag: '"9"' } } }
    expect(pendingChanges(shared, claims)).toEqual({ puts: [], deletes: [] })
    expect(syncState(shared, claims, false)).toEqual({ kind: 'conflict', count: 2 })
  })

  it('a relabelled set has its label pending until the server acknowledges it, counted in the state', () => {
    const claims = [aClaim({ id: 'a', modified: T1 })]
    const shared = sharedAfterShare('http://x/sets/s/', claims, new Map([['a', '"1"']]), 'First reading')
    expect(pendingLabel({ label: 'First reading', shared })).toBeNull()
    expect(syncState(shared, claims, false, 'First reading')).toEqual({ kind: 'synced' })
    expect(pendingLabel({ label: 'Second reading', shared })).toBe('Second reading')
    expect(syncState(shared, claims, false, 'Second reading')).toEqual({ kind: 'pending', count: 1 })
    expect(syncState(shared, claims, true, 'Second reading')).toEqual({ kind: 'offline', count: 1 })
    // A record from before labels were pushed sends its label once.
    const { label: _label, ...older } = shared
    expect(pendingLabel({ label: 'First reading', shared: older })).toBe('First reading')
    // A set never shared has nothing to send.
    expect(pendingLabel({ label: 'First reading' })).toBeNull()
  })
})
