import { describe, expect, it } from 'vitest'
import { addCounterpoint, addEvidence, removeCounterpoint, setNote, setStance, updateCounterpoint } from './claim-edits'
import { createHistory, push, redo, undo } from './history'
import type { Claim } from './model'
import { parseOperation } from './operation-schema'
import { applyOperation, applyOperations, createOperation, deleteOperation, invertOperation, operationsBetween, type OperationSource } from './operations'
import { aClaim } from './test-builders'

function claim(overrides: Partial<Claim> = {}): Claim {
  return aClaim({
    text: 'text',
    context: 0,
    id: 'c1',
    setId: 's1',
    documentId: 'd1',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    author: 'A',
    ...overrides,
  })
}

function source(prefix = 'op'): OperationSource {
  let n = 0
  return { newId: () => `${prefix}-${++n}`, at: '2026-02-01T00:00:00.000Z' }
}

const T = '2026-02-01T00:00:00.000Z'
const point = (text: string) => ({ text, strength: 'moderate' as const, source: null })

describe('operationsBetween', () => {
  it('names each change as its own operation, and applying them gives the edited claim', () => {
    const before = addCounterpoint(claim(), point('old'), T, 'cp-old')
    const after = updateCounterpoint(addEvidence(setNote(setStance(before, 'evidenced', T), 'why', T), { citation: 'Report', url: '' }, T, 'ev1'), 'cp-old', { strength: 'strong' }, T)
    const ops = operationsBetween(before, after, source())
    expect(ops.map((o) => o.kind)).toEqual(['setStance', 'setNote', 'addEvidence', 'updateCounterpoint'])
    expect(new Set(ops.map((o) => o.id)).size).toBe(ops.length)
    expect(applyOperations(before, ops)).toEqual(after)
  })

  it('is empty when nothing changed, and refuses two different claims', () => {
    expect(operationsBetween(claim(), claim(), source())).toEqual([])
    expect(() => operationsBetween(claim(), claim({ id: 'c2' }), source())).toThrow(RangeError)
  })
})

describe('concurrent edits applied to the stored claim', () => {
  it('keeps two counterpoints added from the same claim in two windows', () => {
    const base = claim()
    const a = operationsBetween(base, addCounterpoint(base, point('from A'), T, 'cpA'), source('a'))
    const b = operationsBetween(base, addCounterpoint(base, point('from B'), T, 'cpB'), source('b'))
    const stored = applyOperations(applyOperations(base, a), b)!
    expect(stored.counterpoints.map((c) => c.id)).toEqual(['cpA', 'cpB'])
  })

  it('keeps the other window’s stance when this one edits the note, and both fields of one counterpoint', () => {
    const base = addCounterpoint(claim(), point('p'), T, 'cp')
    const a = operationsBetween(base, setNote(base, 'mine', T), source('a'))
    const b = operationsBetween(base, setStance(base, 'evidenced', T), source('b'))
    const c = operationsBetween(base, updateCounterpoint(base, 'cp', { text: 'reworded' }, T), source('c'))
    const d = operationsBetween(base, updateCounterpoint(base, 'cp', { strength: 'strong' }, T), source('d'))
    const stored = applyOperations(base, [...a, ...b, ...c, ...d])!
    expect(stored).toMatchObject({ note: 'mine', stance: 'evidenced' })
    expect(stored.counterpoints[0]).toMatchObject({ text: 'reworded', strength: 'strong' })
  })

  it('undo removes only the counterpoint it added, not the one another window added since', () => {
    const base = claim()
    const mine = operationsBetween(base, addCounterpoint(base, point('mine'), T, 'mine'), source('a'))
    const theirs = operationsBetween(base, addCounterpoint(base, point('theirs'), T, 'theirs'), source('b'))
    let history = push(createHistory(), mine)
    const stored = applyOperations(applyOperations(base, mine), theirs)
    const step = undo(history, source('u'))!
    history = step.history
    const undone = applyOperations(stored, step.apply)!
    expect(undone.counterpoints.map((c) => c.id)).toEqual(['theirs'])
    const again = redo(history, source('r'))!
    expect(applyOperations(undone, again.apply)!.counterpoints.map((c) => c.id).sort()).toEqual(['mine', 'theirs'])
    expect(again.apply[0]!.id).not.toBe(mine[0]!.id)
  })

  it('undo of a removal puts the item back where it stood', () => {
    const base = ['a', 'b', 'c'].reduce((c, id) => addCounterpoint(c, point(id), T, id), claim())
    const ops = operationsBetween(base, removeCounterpoint(base, 'b', T), source())
    const removed = applyOperations(base, ops)
    const back = applyOperations(removed, ops.map((op) => invertOperation(op, source('i'))).reverse())!
    expect(back.counterpoints.map((c) => c.id)).toEqual(['a', 'b', 'c'])
  })

  it('is harmless to apply twice, and leaves a claim deleted meanwhile deleted', () => {
    const base = claim()
    const [add] = operationsBetween(base, addCounterpoint(base, point('x'), T, 'x'), source())
    const once = applyOperation(base, add!)
    expect(applyOperation(once, add!)).toBe(once)
    expect(applyOperation(null, add!)).toBeNull()
    expect(applyOperation(base, createOperation(claim({ note: 'other' }), source()))).toBe(base)
    expect(applyOperation(base, deleteOperation(base, source()))).toBeNull()
    expect(applyOperation(null, invertOperation(deleteOperation(base, source()), source()))).toEqual(base)
  })
})

describe('history', () => {
  it('joins a run of note edits on one claim into one undo step', () => {
    const base = claim()
    let history = createHistory()
    let current = base
    for (const note of ['a', 'ab', 'abc']) {
      const next = setNote(current, note, T)
      history = push(history, operationsBetween(current, next, source(note)), { mergeTyping: true })
      current = next
    }
    expect(history.past).toHaveLength(1)
    const step = undo(history, source('u'))!
    expect(applyOperations(current, step.apply)!.note).toBe('')
  })

  it('refuses a group that changes two claims', () => {
    const ops = [...operationsBetween(claim(), setNote(claim(), 'x', T), source()), ...operationsBetween(claim({ id: 'c2' }), setNote(claim({ id: 'c2' }), 'y', T), source('b'))]
    expect(() => push(createHistory(), ops)).toThrow(RangeError)
  })
})

describe('parseOperation', () => {
  it('accepts what operationsBetween makes, JSON round-tripped', () => {
    const base = claim()
    const ops = operationsBetween(base, addCounterpoint(setNote(base, 'n', T), point('p'), T, 'p'), source())
    for (const op of ops) expect(parseOperation(JSON.parse(JSON.stringify(op)))).toEqual({ ok: true, op })
  })

  it('names what is wrong with a bad operation', () => {
    expect(parseOperation({ kind: 'setNote', id: 'x', setId: 's', claimId: 'c', at: T, from: '', to: 3 })).toMatchObject({ ok: false, problem: expect.stringContaining('to') })
    expect(parseOperation({ kind: 'explode' })).toMatchObject({ ok: false })
    const wrongClaim = createOperation(claim({ id: 'other' }), source())
    expect(parseOperation({ ...wrongClaim, claimId: 'c1' })).toMatchObject({ ok: false, problem: expect.stringContaining('claim') })
    const unsafe = { id: 'x', setId: 's1', claimId: 'c1', at: T, kind: 'addEvidence', index: 0, item: { id: 'e', citation: 'c', url: 'javascript:alert(1)' } }
    expect(parseOperation(unsafe)).toMatchObject({ ok: false })
  })
})
