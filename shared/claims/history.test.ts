import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { applyOp, canRedo, canUndo, createHistory, invert, push, redo, undo, type ClaimOp } from './history'
import type { Claim } from './model'

function claim(id: string, note = ''): Claim {
  return {
    id,
    setId: 's',
    documentId: 'd',
    stance: 'evidenced',
    target: {
      position: { type: 'TextPositionSelector', start: 0, end: 1 },
      quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
    },
    note,
    evidence: [],
    counterpoints: [],
    tags: [],
    created: 't',
    modified: 't',
    author: 'a',
  }
}

describe('invert', () => {
  const a = claim('a')
  const a2 = claim('a', 'edited')
  it('turns a create into a delete, a delete into a create, and swaps an update', () => {
    expect(invert({ kind: 'put', before: null, after: a })).toEqual({ kind: 'delete', before: a })
    expect(invert({ kind: 'delete', before: a })).toEqual({ kind: 'put', before: null, after: a })
    expect(invert({ kind: 'put', before: a, after: a2 })).toEqual({ kind: 'put', before: a2, after: a })
  })
})

describe('history', () => {
  it('undoes and redoes a sequence of edits against a claim list', () => {
    const a = claim('a')
    const a2 = claim('a', 'note')
    const b = claim('b')
    const ops: ClaimOp[] = [
      { kind: 'put', before: null, after: a },
      { kind: 'put', before: null, after: b },
      { kind: 'put', before: a, after: a2 },
      { kind: 'delete', before: b },
    ]
    let claims: Claim[] = []
    let h = createHistory()
    const states: Claim[][] = [claims]
    for (const op of ops) {
      claims = applyOp(claims, op)
      h = push(h, op)
      states.push(claims)
    }
    expect(claims).toEqual([a2])
    for (let i = ops.length - 1; i >= 0; i--) {
      const step = undo(h)
      if (step === null) throw new Error('expected an undo step')
      expect(step.op).toBe(ops[i])
      claims = applyOp(claims, step.apply)
      h = step.history
      expect(claims).toEqual(states[i])
    }
    expect(undo(h)).toBeNull()
    expect(canUndo(h)).toBe(false)
    expect(canRedo(h)).toBe(true)
    for (let i = 0; i < ops.length; i++) {
      const step = redo(h)
      if (step === null) throw new Error('expected a redo step')
      claims = applyOp(claims, step.apply)
      h = step.history
      expect(claims).toEqual(states[i + 1])
    }
    expect(redo(h)).toBeNull()
  })

  it('drops the redo steps when a new op is pushed', () => {
    let h = push(createHistory(), { kind: 'put', before: null, after: claim('a') })
    h = (undo(h) ?? { history: h }).history
    expect(canRedo(h)).toBe(true)
    h = push(h, { kind: 'put', before: null, after: claim('b') })
    expect(canRedo(h)).toBe(false)
    expect(h.past).toHaveLength(1)
  })

  it('keeps at most `limit` steps, dropping the oldest', () => {
    let h = createHistory(3)
    for (const id of ['1', '2', '3', '4', '5']) h = push(h, { kind: 'put', before: null, after: claim(id) })
    expect(h.past.map((op) => (op.kind === 'put' ? op.after.id : ''))).toEqual(['3', '4', '5'])
  })

  it('never mutates a history', () => {
    const h0 = Object.freeze(createHistory())
    const h1 = push(h0, { kind: 'put', before: null, after: claim('a') })
    expect(h0.past).toHaveLength(0)
    undo(Object.freeze(h1))
    expect(h1.past).toHaveLength(1)
  })

  it('throws RangeError for a bad limit or a put that changes the id', () => {
    expect(() => createHistory(0)).toThrow(RangeError)
    expect(() => push(createHistory(), { kind: 'put', before: claim('a'), after: claim('b') })).toThrow(/a -> b/)
  })

  it('property: applying op then invert(op) restores any list containing op.before', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd')
    const claimArb = fc.tuple(ids, fc.string({ maxLength: 3 })).map(([id, note]) => claim(id, note))
    const listArb = fc.uniqueArray(claimArb, { selector: (c) => c.id })
    fc.assert(
      fc.property(listArb, claimArb, fc.constantFrom('create', 'update', 'delete'), (list, c, kind) => {
        const existing = list.find((x) => x.id === c.id)
        let op: ClaimOp
        if (existing === undefined) {
          if (kind !== 'create') return
          op = { kind: 'put', before: null, after: c }
        } else if (kind === 'update') op = { kind: 'put', before: existing, after: c }
        else if (kind === 'delete') op = { kind: 'delete', before: existing }
        else return
        const restored = applyOp(applyOp(list, op), invert(op))
        const byId = (xs: Claim[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : 1))
        expect(byId(restored)).toEqual(byId(list))
        expect(invert(invert(op))).toEqual(op)
      }),
    )
  })
})
