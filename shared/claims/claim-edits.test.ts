import { describe, it, expect } from 'vitest'
import { ClaimEditError } from './claim-edit-error'
import {
  addCounterpoint,
  addEvidence,
  removeCounterpoint,
  removeEvidence,
  setNote,
  setStance,
  updateCounterpoint,
  updateEvidence,
} from './claim-edits'
import { createClaim } from './create-claim'
import type { Claim } from './model'

const T0 = '2025-08-20T10:00:00.000Z'
const T1 = '2025-08-20T11:00:00.000Z'
const text = '欧米の結束に亀裂が拡大することは間違いない。'

function base(): Claim {
  return createClaim({
    set: { id: 's', documentId: 'd' },
    text,
    start: 0,
    end: text.length,
    stance: 'speculative',
    author: 'ana',
    now: T0,
    id: 'c',
  })
}

/** Deep-frozen so any mutation by an edit throws. */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) frozen(v)
    Object.freeze(value)
  }
  return value
}

describe('stance and note', () => {
  it('return a new claim with the change and modified bumped, leaving the input alone', () => {
    const claim = frozen(base())
    const next = setStance(claim, 'evidenced', T1)
    expect(next).toEqual({ ...claim, stance: 'evidenced', modified: T1 })
    expect(claim.stance).toBe('speculative')
    expect(setNote(claim, 'needs a source', T1)).toEqual({ ...claim, note: 'needs a source', modified: T1 })
  })
  it('return the same claim when nothing changes', () => {
    const claim = frozen(base())
    expect(setStance(claim, 'speculative', T1)).toBe(claim)
    expect(setNote(claim, '', T1)).toBe(claim)
  })
  it('refuse an unknown stance with RangeError', () => {
    expect(() => setStance(base(), 'unsure' as never, T1)).toThrow(RangeError)
  })
})

describe('evidence', () => {
  it('adds, updates and removes items by id', () => {
    const a = addEvidence(frozen(base()), { citation: 'EU statement', url: ' https://europa.eu/x ' }, T1, 'e1')
    expect(a.evidence).toEqual([{ id: 'e1', citation: 'EU statement', url: 'https://europa.eu/x' }])
    expect(a.modified).toBe(T1)
    const b = addEvidence(frozen(a), { citation: 'Interview', url: '' }, T1, 'e2')
    const c = updateEvidence(frozen(b), 'e2', { url: 'mailto:desk@example.org' }, '2025-08-21T00:00:00.000Z')
    expect(c.evidence.map((e) => e.url)).toEqual(['https://europa.eu/x', 'mailto:desk@example.org'])
    expect(c.modified).toBe('2025-08-21T00:00:00.000Z')
    expect(removeEvidence(frozen(c), 'e1', T1).evidence.map((e) => e.id)).toEqual(['e2'])
  })
  it('gives new items a UUID by default', () => {
    expect(addEvidence(base(), { citation: 'x', url: '' }, T1).evidence[0]?.id).toMatch(/^[0-9a-f-]{36}$/)
  })
  it('refuses unsafe links with a ClaimEditError carrying a user message', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'ftp://x', 'https://a b']) {
      let error: unknown
      try {
        addEvidence(base(), { citation: 'x', url }, T1)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(ClaimEditError)
      expect((error as ClaimEditError).code).toBe('unsafe-url')
      expect((error as ClaimEditError).userMessage).toMatch(/http:\/\/, https:\/\/ or mailto:/)
    }
    const withItem = addEvidence(base(), { citation: 'x', url: '' }, T1, 'e1')
    expect(() => updateEvidence(withItem, 'e1', { url: 'javascript:void 0' }, T1)).toThrow(ClaimEditError)
  })
  it('returns the same claim for an update that changes nothing', () => {
    const claim = addEvidence(base(), { citation: 'x', url: '' }, T1, 'e1')
    expect(updateEvidence(claim, 'e1', { citation: 'x' }, '2030-01-01T00:00:00Z')).toBe(claim)
  })
  it('throws RangeError for an unknown id', () => {
    expect(() => updateEvidence(base(), 'nope', { citation: 'y' }, T1)).toThrow(/no item with id "nope"/)
    expect(() => removeEvidence(base(), 'nope', T1)).toThrow(RangeError)
  })
})

describe('counterpoints', () => {
  const input = { text: 'The EU has held together so far.', strength: 'moderate' as const, source: null }
  it('adds, updates and removes counterpoints by id', () => {
    const a = addCounterpoint(frozen(base()), input, T1, 'k1')
    expect(a.counterpoints).toEqual([{ id: 'k1', ...input }])
    const b = updateCounterpoint(frozen(a), 'k1', { strength: 'strong', source: { citation: 'Poll', url: 'https://ex.org/p' } }, T1)
    expect(b.counterpoints[0]).toEqual({ id: 'k1', text: input.text, strength: 'strong', source: { citation: 'Poll', url: 'https://ex.org/p' } })
    expect(updateCounterpoint(b, 'k1', { source: null }, T1).counterpoints[0]?.source).toBeNull()
    expect(removeCounterpoint(frozen(b), 'k1', T1).counterpoints).toEqual([])
  })
  it('checks source links and strengths', () => {
    expect(() => addCounterpoint(base(), { ...input, source: { citation: 'x', url: 'javascript:x' } }, T1)).toThrow(ClaimEditError)
    expect(() => addCounterpoint(base(), { ...input, strength: 'huge' as never }, T1)).toThrow(RangeError)
  })
  it('returns the same claim for an update that changes nothing', () => {
    const claim = addCounterpoint(base(), { ...input, source: { citation: 'P', url: 'https://e.org' } }, T1, 'k1')
    expect(updateCounterpoint(claim, 'k1', { text: input.text, source: { citation: 'P', url: 'https://e.org' } }, T0)).toBe(claim)
  })
  it('throws RangeError for an unknown id', () => {
    expect(() => updateCounterpoint(base(), 'x', { text: 'y' }, T1)).toThrow(RangeError)
    expect(() => removeCounterpoint(base(), 'x', T1)).toThrow(RangeError)
  })
})
