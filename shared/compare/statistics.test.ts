import { describe, it, expect } from 'vitest'
import { cohensKappa, krippendorffAlphaNominal, spanScore } from './statistics'

describe('cohensKappa', () => {
  // Source: Wikipedia, "Cohen's kappa", section "Simple example": 50 grant
  // proposals, both readers yes 20, A yes / B no 5, A no / B yes 10, both no 15.
  it('reproduces the Wikipedia worked example (p_o 0.7, p_e 0.5, κ 0.4)', () => {
    const result = cohensKappa([
      [20, 5],
      [10, 15],
    ])
    expect(result).not.toBeNull()
    expect(result!.observed).toBeCloseTo(0.7, 12)
    expect(result!.expected).toBeCloseTo(0.5, 12)
    expect(result!.kappa).toBeCloseTo(0.4, 12)
  })

  // Source: Wikipedia, "Cohen's kappa", section "Same percentages but different
  // numbers": [[45, 15], [25, 15]] gives κ = 0.1304 and [[25, 35], [5, 35]] gives 0.2593.
  it('reproduces the Wikipedia "same percentages" pair', () => {
    expect(cohensKappa([[45, 15], [25, 15]])!.kappa).toBeCloseTo(0.1304, 4)
    expect(cohensKappa([[25, 35], [5, 35]])!.kappa).toBeCloseTo(0.2593, 4)
  })

  it('is null (never a number) when expected agreement is 1', () => {
    const result = cohensKappa([
      [7, 0],
      [0, 0],
    ])
    expect(result!.observed).toBe(1)
    expect(result!.expected).toBe(1)
    expect(result!.kappa).toBeNull()
  })

  it('is 1 for perfect agreement over two categories and negative below chance', () => {
    expect(cohensKappa([[3, 0], [0, 4]])!.kappa).toBe(1)
    expect(cohensKappa([[0, 5], [5, 0]])!.kappa).toBe(-1)
  })

  it('returns null for an empty table and throws RangeError on a bad table', () => {
    expect(cohensKappa([[0, 0], [0, 0]])).toBeNull()
    expect(() => cohensKappa([[1, 2]])).toThrow(RangeError)
    expect(() => cohensKappa([[1, -1], [0, 0]])).toThrow(RangeError)
    expect(() => cohensKappa([[1.5, 0], [0, 0]])).toThrow(RangeError)
  })
})

describe('krippendorffAlphaNominal', () => {
  // Source: Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability",
  // Annenberg School for Communication, section C "Nominal data, any number of
  // observers, missing data": 4 observers × 12 units, n = 40 pairable values,
  // nominal α = 0.743. Rows are observers A–D, columns units 1–12; null = missing.
  const observers = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ]
  const units = observers[0]!.map((_, u) => observers.map((row) => row[u]!))

  it('reproduces the paper: α = 0.743', () => {
    const alpha = krippendorffAlphaNominal(units)
    expect(alpha).not.toBeNull()
    expect(alpha!).toBeCloseTo(0.743, 3)
    // Exact value from the paper's coincidence matrix: marginals n_c = 9, 13, 10, 5, 3
    // and off-diagonal total Σ o_ck = 8, so α = 1 − 39·8 / (40² − Σ n_c²).
    expect(alpha!).toBeCloseTo(1 - (39 * 8) / (1600 - (9 ** 2 + 13 ** 2 + 10 ** 2 + 5 ** 2 + 3 ** 2)), 12)
  })

  it('does not depend on the order of units or coders', () => {
    const shuffled = [...units].reverse().map((unit) => [...unit].reverse())
    expect(krippendorffAlphaNominal(shuffled)).toBeCloseTo(krippendorffAlphaNominal(units)!, 12)
  })

  it('ignores units with a single value', () => {
    expect(krippendorffAlphaNominal([...units, [9, null, null, null]])).toBeCloseTo(krippendorffAlphaNominal(units)!, 12)
  })

  it('is null without variation or without pairable values', () => {
    expect(krippendorffAlphaNominal([['a', 'a'], ['a', 'a', null]])).toBeNull()
    expect(krippendorffAlphaNominal([['a', null], [null, 'b']])).toBeNull()
    expect(krippendorffAlphaNominal([])).toBeNull()
  })

  it('is 1 for perfect agreement with variation', () => {
    expect(krippendorffAlphaNominal([['e', 'e'], ['s', 's']])).toBe(1)
  })
})

describe('spanScore (brateval precision/recall/F1)', () => {
  // Hand-made case: reference A has 4 spans, system B has 5, 3 of them match.
  // brateval: TP 3, FP 5 − 3 = 2, FN 4 − 3 = 1, P 3/5, R 3/4, F1 2PR/(P+R) = 2/3.
  it('computes P, R and F1 from match counts', () => {
    const score = spanScore(3, 4, 5)
    expect(score).toMatchObject({ tp: 3, fp: 2, fn: 1 })
    expect(score.precision).toBeCloseTo(0.6, 12)
    expect(score.recall).toBeCloseTo(0.75, 12)
    const p = 0.6
    const r = 0.75
    expect(score.f1).toBeCloseTo((2 * p * r) / (p + r), 12)
  })

  it('leaves 0/0 ratios undefined instead of inventing a number', () => {
    expect(spanScore(0, 0, 0)).toEqual({ tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null })
    expect(spanScore(0, 3, 0)).toMatchObject({ precision: null, recall: 0, f1: 0 })
  })

  it('throws RangeError when matches exceed the spans', () => {
    expect(() => spanScore(3, 2, 5)).toThrow(RangeError)
  })
})
