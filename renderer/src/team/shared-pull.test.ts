import { describe, expect, it } from 'vitest'
import type { SharedTo } from '../../../shared/claims/model'
import { annotationContent, planPull } from './shared-pull'

const note = (text: string, modified: string) => ({ id: 'urn:uuid:x', type: 'Annotation', modified, body: [{ type: 'TextualBody', value: text, purpose: 'commenting' }] })
/** As the server serves it: its own IRI, the urn kept as `canonical`, keys in another order. */
const served = (a: ReturnType<typeof note>) => ({ body: a.body, canonical: a.id, modified: a.modified, type: a.type, id: 'http://127.0.0.1:8787/sets/s/x' })

const shared = (acked: SharedTo['acked'], conflicts: SharedTo['conflicts'] = {}): SharedTo => ({ iri: 'http://127.0.0.1:8787/sets/s/', acked, conflicts })

describe('planPull: what a device takes in of its own shared set changed elsewhere', () => {
  it('reads the server’s content alike whatever its key order, IRI or `canonical`', () => {
    const mine = note('same', 't1')
    expect(annotationContent(served(mine))).toBe(annotationContent(mine))
    expect(annotationContent(served(note('other', 't1')))).not.toBe(annotationContent(mine))
  })

  it('leaves a claim alone when the server holds what is here', () => {
    const mine = note('same', 't1')
    const plan = planPull(shared({ x: { etag: '"e1"', modified: 't1' } }), new Map([['x', { modified: 't1', annotation: mine }]]), new Map([['x', served(mine)]]))
    expect(plan).toEqual({ check: [], deletes: [], held: [] })
  })

  it('checks a claim changed on the server when nothing is pending here, and one new there', () => {
    const plan = planPull(
      shared({ x: { etag: '"e1"', modified: 't1' } }),
      new Map([['x', { modified: 't1', annotation: note('mine', 't1') }]]),
      new Map([
        ['x', served(note('from the laptop', 't2'))],
        ['y', served(note('new on the laptop', 't2'))],
      ]),
    )
    expect(plan).toEqual({ check: ['x', 'y'], deletes: [], held: [] })
  })

  it('never takes in over a pending local change or a conflict: those are the push’s (If-Match, 412)', () => {
    const server = new Map([
      ['x', served(note('from the laptop', 't2'))],
      ['z', served(note('also changed', 't2'))],
    ])
    const plan = planPull(
      shared({ x: { etag: '"e1"', modified: 't1' }, z: { etag: '"e3"', modified: 't1' } }, { z: { annotation: null, etag: null } }),
      new Map([
        ['x', { modified: 't1b', annotation: note('edited here', 't1b') }],
        ['z', { modified: 't1', annotation: note('z', 't1') }],
      ]),
      server,
    )
    expect(plan).toEqual({ check: [], deletes: [], held: [] })
  })

  it('deletes here a claim the server deleted only when it was not changed here; a pending delete is left to the push', () => {
    const plan = planPull(
      shared({ x: { etag: '"e1"', modified: 't1' }, y: { etag: '"e2"', modified: 't1' }, gone: { etag: '"e3"', modified: 't1' } }),
      new Map([
        ['x', { modified: 't1', annotation: note('x', 't1') }],
        ['y', { modified: 't9', annotation: note('y edited', 't9') }],
      ]),
      new Map(),
    )
    expect(plan).toEqual({ check: [], deletes: ['x'], held: [] })
  })

  it('holds back a claim with an edit of this window not yet stored, whether the server changed or deleted it', () => {
    const plan = planPull(
      shared({ x: { etag: '"e1"', modified: 't1' }, gone: { etag: '"e3"', modified: 't1' }, same: { etag: '"e4"', modified: 't1' } }),
      new Map([
        ['x', { modified: 't1', annotation: note('x', 't1') }],
        ['gone', { modified: 't1', annotation: note('gone', 't1') }],
        ['same', { modified: 't1', annotation: note('same', 't1') }],
      ]),
      new Map([
        ['x', served(note('from the laptop', 't2'))],
        ['same', served(note('same', 't1'))],
      ]),
      (id) => id !== 'nothing-typed',
    )
    // `same` is as on the server: nothing to hold, nothing to take.
    expect(plan).toEqual({ check: [], deletes: [], held: ['x', 'gone'] })
  })
})
