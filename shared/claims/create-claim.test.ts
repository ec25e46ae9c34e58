import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { anchor } from '../anchoring/anchor'
import { splitsSurrogatePair } from '../anchoring/text-units'
import { ClaimEditError } from './claim-edit-error'
import { createClaim, trimSelection } from './create-claim'

const set = { id: 'set-1', documentId: 'doc-1' }
const now = '2025-08-20T10:00:00.000Z'

describe('trimSelection', () => {
  it('strips surrounding whitespace, including ideographic spaces and line breaks', () => {
    const text = 'ab \n\u3000欧米の結束\u3000 \ncd'
    const s = text.indexOf(' ')
    const e = text.lastIndexOf('\n') + 1
    expect(trimSelection(text, s, e)).toEqual({ start: text.indexOf('欧'), end: text.indexOf('束') + 1 })
  })
  it('returns null for an empty or whitespace-only selection', () => {
    expect(trimSelection('a  \n b', 1, 5)).toBeNull()
    expect(trimSelection('abc', 1, 1)).toBeNull()
  })
  it('widens a selection that splits a surrogate pair to the whole character', () => {
    const text = 'x😀y😀z'
    expect(trimSelection(text, 2, 5)).toEqual({ start: 1, end: 6 })
  })
  it('throws RangeError with the values for a bad range', () => {
    expect(() => trimSelection('abc', 2, 1)).toThrow(/start=2 end=1/)
    expect(() => trimSelection('abc', 0, 9)).toThrow(RangeError)
  })
  it('property: the result is non-empty, inside the selection widened by at most a unit, and trimmed', () => {
    const textArb = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\u3000', '😀', '結'), maxLength: 60 })
    fc.assert(
      fc.property(
        textArb.chain((t) => fc.tuple(fc.constant(t), fc.nat({ max: t.length }), fc.nat({ max: t.length }))),
        ([text, a, b]) => {
          const [start, end] = [Math.min(a, b), Math.max(a, b)]
          const r = trimSelection(text, start, end)
          if (r === null) {
            expect(text.slice(start, end).trim()).toBe('')
            return
          }
          expect(r.start).toBeGreaterThanOrEqual(start - 1)
          expect(r.end).toBeLessThanOrEqual(end + 1)
          const picked = text.slice(r.start, r.end)
          expect(picked.length).toBeGreaterThan(0)
          expect(picked.trim()).toBe(picked)
          expect(splitsSurrogatePair(text, r.start) || splitsSurrogatePair(text, r.end)).toBe(false)
        },
      ),
    )
  })
})

describe('createClaim', () => {
  const text = 'トランプ氏が優先すれば、 欧米の結束に亀裂が拡大することは間違いない。 次の段落。'
  const start = text.indexOf(' 欧米')
  const end = text.indexOf('。 次') + 1

  it('makes a claim with trimmed selectors that anchor back by position', () => {
    const claim = createClaim({ set, text, start, end, stance: 'speculative', author: 'ana', now, id: 'c-1' })
    expect(claim).toEqual({
      id: 'c-1',
      setId: 'set-1',
      documentId: 'doc-1',
      stance: 'speculative',
      target: {
        position: { type: 'TextPositionSelector', start: start + 1, end },
        quote: {
          type: 'TextQuoteSelector',
          exact: '欧米の結束に亀裂が拡大することは間違いない。',
          prefix: 'トランプ氏が優先すれば、 ',
          suffix: ' 次の段落。',
        },
      },
      note: '',
      evidence: [],
      counterpoints: [],
      tags: [],
      created: now,
      modified: now,
      author: 'ana',
    })
    expect(anchor(text, claim.target)).toEqual({ start: start + 1, end, method: 'position', score: 1 })
  })

  it('generates a UUID when no id is given', () => {
    const claim = createClaim({ set, text, start, end, stance: 'evidenced', author: 'ana', now })
    expect(claim.id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('refuses a whitespace-only selection with a ClaimEditError', () => {
    const at = text.indexOf(' ')
    const attempt = () => createClaim({ set, text, start: at, end: at + 1, stance: 'evidenced', author: 'a', now })
    expect(attempt).toThrow(ClaimEditError)
    expect(attempt).toThrow(/Select some words/)
  })

  it('throws RangeError for bad offsets, stance or time', () => {
    const base = { set, text, start, end, stance: 'evidenced' as const, author: 'a', now }
    expect(() => createClaim({ ...base, end: text.length + 1 })).toThrow(RangeError)
    expect(() => createClaim({ ...base, stance: 'maybe' as never })).toThrow(/unknown stance "maybe"/)
    expect(() => createClaim({ ...base, now: 'yesterday' })).toThrow(/not a date/)
  })
})
