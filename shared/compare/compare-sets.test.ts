import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { characterTable } from './char-agreement'
import { toCliJson } from './cli-json'
import { compareSets } from './compare-sets'
import { CompareInputError } from './errors'
import type { Claim } from '../claims/model'
import { aClaim, aSetWithClaims } from '../claims/test-builders'

const TEXT = 'abcdefghij'.repeat(10) // 100 characters
// On ASCII text code points and UTF-16 offsets coincide.
const spansOf = (claims: readonly Claim[]) => claims.map((c) => ({ start: c.target.position.start, end: c.target.position.end, stance: c.stance }))

// A and B, hand-checked below:
//   a1 [0,10) ev   = b1 [0,10) ev         agree, exact
//   a2 [20,30) spec ~ b2 [21,30) ev        conflict (Jaccard 0.9)
//   a3 [40,50) ev  vs b3 [45,55) ev        5/15 < 0.5: only A + only B
//   a4 [60,70) spec                        only A
//                     b4 [80,90) spec      only B
function scenario() {
  const a = aSetWithClaims({ text: TEXT, id: 'A', spans: [
    [0, 10, 'evidenced'],
    [20, 30, 'speculative'],
    [40, 50, 'evidenced'],
    [60, 70, 'speculative'],
  ] })
  const orphan = aClaim({ text: TEXT, setId: 'A', id: 'A-orphan', start: 500, end: 520, stance: 'evidenced', orphan: true })
  const b = aSetWithClaims({ text: TEXT, id: 'B', spans: [
    [0, 10, 'evidenced'],
    [21, 30, 'evidenced'],
    [45, 55, 'evidenced'],
    [80, 90, 'speculative'],
  ] })
  return [{ ...a, claims: [...a.claims, orphan] }, b]
}

describe('compareSets', () => {
  it('lists items in document order with stable ids and kinds', () => {
    const comparison = compareSets(TEXT, scenario())
    expect(comparison.items.map((i) => [i.id, i.kind, i.start, i.end])).toEqual([
      ['A:A-1|B:B-1', 'agree', 0, 10],
      ['A:A-2|B:B-2', 'conflict', 20, 30],
      ['A:A-3|B:', 'onlyA', 40, 50],
      ['A:|B:B-3', 'onlyB', 45, 55],
      ['A:A-4|B:', 'onlyA', 60, 70],
      ['A:|B:B-4', 'onlyB', 80, 90],
    ])
    expect(comparison.items[1]!.jaccard).toBeCloseTo(0.9, 12)
    expect(comparison.items[2]!.jaccard).toBeNull()
  })

  it('computes the figures of the hand-checked scenario', () => {
    const f = compareSets(TEXT, scenario()).figures
    expect(f.sets).toEqual([
      { label: 'A', claims: 4, orphans: 1 },
      { label: 'B', claims: 4, orphans: 0 },
    ])
    expect(f).toMatchObject({ aligned: 2, exactSpanMatches: 1, agree: 1, stanceConflicts: 1, onlyA: 2, onlyB: 2 })
    // Stance table [[1, 0], [1, 0]]: p_o = 1/2, p_e = (1·2 + 1·0) / 4 = 1/2, κ = 0.
    expect(f.observedAgreement).toBe(0.5)
    expect(f.expectedAgreement).toBe(0.5)
    expect(f.cohensKappa).toBe(0)
    // Exact: 1 of 4 and 4 → F1 2/8. Overlap: a1~b1, a2~b2, a3~b3 → F1 6/8.
    expect(f.spanF1.exact).toMatchObject({ tp: 1, fp: 3, fn: 3, f1: 0.25 })
    expect(f.spanF1.overlap).toMatchObject({ tp: 3, fp: 1, fn: 1, f1: 0.75 })
    // α over units (ev, ev) and (spec, ev): n = 4, 1 − 3·2 / (16 − 3² − 1²) = 0.
    expect(f.krippendorffAlpha).toBe(0)
    expect(f.alphaUnits).toBe(2)
    expect(f.confusion).toEqual({
      evidenced: { evidenced: 1, speculative: 0, none: 1 },
      speculative: { evidenced: 1, speculative: 0, none: 1 },
      none: { evidenced: 1, speculative: 1, none: 0 },
    })
  })

  it('tabulates characters by category and computes κ over them', () => {
    const [a, b] = scenario()
    const table = characterTable(TEXT.length, spansOf(a!.claims.filter((c) => !c.orphan)), spansOf(b!.claims))
    // Rows A, columns B, order none / evidenced / speculative; segments listed
    // in the scenario comment: e.g. [20,21) spec/none, [21,30) spec/ev.
    expect(table).toEqual([
      [45, 5, 10],
      [5, 15, 0],
      [11, 9, 0],
    ])
    // p_o = 0.6, p_e = (60·61 + 20·29 + 20·10) / 100² = 0.444.
    expect(compareSets(TEXT, scenario()).figures.charKappa).toBeCloseTo((0.6 - 0.444) / (1 - 0.444), 12)
  })

  it('counts characters as code points: four emoji do not weigh double in alignment or character κ', () => {
    // A = 😀😀abcd, B = abcd😀😀: they share "abcd", half of the 8 characters
    // either covers (Jaccard 0.5 in code points, but 4/12 in UTF-16 units).
    const text = `😀😀abcd😀😀${'x'.repeat(8)}`
    const a = aSetWithClaims({ text, id: 'A', spans: [[0, 8, 'evidenced']] })
    const b = aSetWithClaims({ text, id: 'B', spans: [[4, 12, 'evidenced']] })
    const comparison = compareSets(text, [a, b])
    expect(comparison.items.map((item) => [item.kind, item.jaccard])).toEqual([['agree', 0.5]])
    // Over 16 code points: 8 none/none, 2 ev/none, 2 none/ev, 4 ev/ev.
    const pe = (10 / 16) ** 2 + (6 / 16) ** 2
    expect(comparison.figures.charKappa).toBeCloseTo((12 / 16 - pe) / (1 - pe), 12)
  })

  it('lets speculative win where one set has overlapping claims of different stance', () => {
    const a = aSetWithClaims({ text: TEXT, id: 'A', spans: [
      [0, 10, 'evidenced'],
      [5, 8, 'speculative'],
    ] })
    const table = characterTable(TEXT.length, spansOf(a.claims), [])
    expect(table.map((row) => row[0])).toEqual([90, 7, 3])
  })

  it('gives the exact JSON the CLI prints, key order included', () => {
    const json = JSON.stringify(toCliJson(compareSets(TEXT, scenario())))
    expect(json).toBe(
      '{"sets":[{"label":"A","claims":4},{"label":"B","claims":4}],"aligned":2,"exactSpanMatches":1,' +
        '"agree":1,"stanceConflicts":1,"onlyA":2,"onlyB":2,"observedAgreement":0.5,"cohensKappa":0,' +
        '"spanF1":{"exact":0.25,"overlap":0.75},"krippendorffAlpha":0,"charKappa":0.2806}',
    )
  })

  it('applies a user-chosen minimum overlap', () => {
    const f = compareSets(TEXT, scenario(), { minOverlap: 0.3 }).figures
    expect(f).toMatchObject({ aligned: 3, agree: 2, onlyA: 1, onlyB: 1 })
    expect(compareSets(TEXT, scenario(), { minOverlap: 0.3 }).minOverlap).toBe(0.3)
  })

  it('reports undefined agreement as null, never a number', () => {
    const a = aSetWithClaims({ text: TEXT, id: 'A', spans: [[0, 10, 'evidenced']] })
    const b = aSetWithClaims({ text: TEXT, id: 'B', spans: [[0, 10, 'evidenced']] })
    const f = compareSets(TEXT, [a, b]).figures
    expect(f.observedAgreement).toBe(1)
    expect(f.cohensKappa).toBeNull() // expected agreement 1
    expect(f.krippendorffAlpha).toBeNull() // no variation
    const none = compareSets(TEXT, [aSetWithClaims({ text: TEXT, id: 'A', spans: [] }), aSetWithClaims({ text: TEXT, id: 'B', spans: [] })]).figures
    expect([none.observedAgreement, none.cohensKappa, none.spanF1.exact.f1, none.charKappa]).toEqual([null, null, null, null])
    expect(toCliJson(compareSets(TEXT, [aSetWithClaims({ text: TEXT, id: 'A', spans: [] }), aSetWithClaims({ text: TEXT, id: 'B', spans: [] })]))).toMatchObject({
      observedAgreement: null,
      cohensKappa: null,
      spanF1: { exact: null, overlap: null },
      charKappa: null,
    })
  })

  it('builds Krippendorff units across three sets and keeps A/B items to A and B', () => {
    const [a, b] = scenario()
    const c = aSetWithClaims({ text: TEXT, id: 'C', spans: [
      [0, 10, 'speculative'],
      [20, 30, 'speculative'],
    ] })
    const comparison = compareSets(TEXT, [a!, b!, c])
    // Units (ev, ev, spec) and (spec, ev, spec): n = 6, n_ev = n_spec = 3,
    // Σ o_ck (c ≠ k) = 2 + 2, α = 1 − 5·4 / (36 − 9 − 9) = −1/9.
    expect(comparison.figures.krippendorffAlpha).toBeCloseTo(-1 / 9, 12)
    expect(comparison.figures.alphaUnits).toBe(2)
    expect(comparison.figures.aligned).toBe(2)
    expect(comparison.items).toHaveLength(6)
    expect(comparison.figures.sets.map((s) => s.label)).toEqual(['A', 'B', 'C'])
  })

  it('does not depend on claim order and does not modify its inputs', () => {
    const sets = scenario()
    const before = JSON.stringify(sets)
    const forward = compareSets(TEXT, sets)
    const reversed = compareSets(
      TEXT,
      sets.map((s) => ({ ...s, claims: [...s.claims].reverse() })),
    )
    expect(JSON.stringify(sets)).toBe(before)
    expect(reversed.items).toEqual(forward.items)
    expect(reversed.figures).toEqual(forward.figures)
  })

  it('refuses unusable inputs with CompareInputError codes', () => {
    const [a, b] = scenario()
    const code = (run: () => unknown): string | undefined => {
      try {
        run()
      } catch (error) {
        if (error instanceof CompareInputError) return error.code
        throw error
      }
      return undefined
    }
    expect(code(() => compareSets(TEXT, [a!]))).toBe('compare-too-few-sets')
    const elsewhere = aSetWithClaims({ text: TEXT, id: 'X', spans: [], documentId: 'doc-2' })
    expect(code(() => compareSets(TEXT, [a!, elsewhere]))).toBe('compare-different-documents')
    expect(code(() => compareSets(TEXT.slice(0, 50), [a!, b!]))).toBe('compare-span-out-of-text')
    expect(code(() => compareSets(TEXT, [a!, b!], { minOverlap: 2 }))).toBe('compare-min-overlap')
  })
})

describe('compareSets properties (fast-check, fixed seed)', () => {
  const claims = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 20 }), fc.constantFrom('evidenced', 'speculative')),
    { maxLength: 20 },
  )
  const toSet = (id: string, list: [number, number, 'evidenced' | 'speculative'][]) =>
    aSetWithClaims({ text: TEXT, id, spans: list.map(([start, length, stance]) => [start, Math.min(100, start + length), stance] as const) })

  it('keeps counts consistent and symmetric when A and B swap', () => {
    fc.assert(
      fc.property(claims, claims, fc.constantFrom(0, 0.5, 1), (la, lb, minOverlap) => {
        const a = toSet('A', la)
        const b = toSet('B', lb)
        const ab = compareSets(TEXT, [a, b], { minOverlap }).figures
        const ba = compareSets(TEXT, [b, a], { minOverlap }).figures
        expect(ab.aligned + ab.onlyA).toBe(la.length)
        expect(ab.aligned + ab.onlyB).toBe(lb.length)
        expect(ab.agree + ab.stanceConflicts).toBe(ab.aligned)
        expect(ab.exactSpanMatches).toBeLessThanOrEqual(ab.aligned)
        expect(ab.spanF1.exact.tp).toBe(ab.exactSpanMatches)
        const confusionTotal = Object.values(ab.confusion).flatMap((row) => Object.values(row)).reduce((x, y) => x + y, 0)
        expect(confusionTotal).toBe(ab.aligned + ab.onlyA + ab.onlyB)
        expect([ba.aligned, ba.exactSpanMatches, ba.agree, ba.onlyA, ba.onlyB]).toEqual([
          ab.aligned,
          ab.exactSpanMatches,
          ab.agree,
          ab.onlyB,
          ab.onlyA,
        ])
        const close = (x: number | null, y: number | null) => (x === null ? expect(y).toBeNull() : expect(y).toBeCloseTo(x, 10))
        close(ab.cohensKappa, ba.cohensKappa)
        close(ab.krippendorffAlpha, ba.krippendorffAlpha)
        close(ab.charKappa, ba.charKappa)
        close(ab.spanF1.overlap.f1, ba.spanF1.overlap.f1)
      }),
      { seed: 1234, numRuns: 200 },
    )
  })
})
