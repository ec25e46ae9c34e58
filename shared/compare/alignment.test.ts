import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { alignSpans, alignSpansAt, forEachOverlap, jaccardIndex, type AlignSpan } from './alignment'
import { CompareInputError } from './errors'

const spans = (prefix: string, list: readonly (readonly [number, number])[]): AlignSpan[] =>
  list.map(([start, end], i) => ({ start, end, id: `${prefix}${i + 1}` }))

/** Aligned A/B pairs as "a-id~b-id" strings, for readable assertions. */
function pairs(a: AlignSpan[], b: AlignSpan[], minOverlap = 0.5): string[] {
  return alignSpans([a, b], minOverlap)
    .filter(([i, j]) => i! >= 0 && j! >= 0)
    .map(([i, j]) => `${a[i!]!.id}~${b[j!]!.id}`)
}

describe('jaccardIndex', () => {
  it('is shared over covered characters, 1 for identical spans and 0 without a shared character', () => {
    expect(jaccardIndex({ start: 0, end: 10 }, { start: 2, end: 8 })).toBeCloseTo(0.6, 12)
    expect(jaccardIndex({ start: 0, end: 10 }, { start: 5, end: 15 })).toBeCloseTo(1 / 3, 12)
    expect(jaccardIndex({ start: 3, end: 9 }, { start: 3, end: 9 })).toBe(1)
    expect(jaccardIndex({ start: 4, end: 4 }, { start: 4, end: 4 })).toBe(1)
    expect(jaccardIndex({ start: 0, end: 5 }, { start: 5, end: 10 })).toBe(0)
  })
})

describe('alignSpans with two sets', () => {
  it('aligns identical spans', () => {
    expect(pairs(spans('a', [[0, 10]]), spans('b', [[0, 10]]))).toEqual(['a1~b1'])
  })

  it('aligns nested spans only when the Jaccard index reaches the minimum', () => {
    const a = spans('a', [[0, 10]])
    expect(pairs(a, spans('b', [[2, 8]]))).toEqual(['a1~b1']) // 6/10
    expect(pairs(a, spans('b', [[3, 6]]))).toEqual([]) // 3/10
    expect(pairs(a, spans('b', [[3, 6]]), 0.3)).toEqual(['a1~b1'])
  })

  it('aligns partly overlapping spans by the same rule', () => {
    const a = spans('a', [[0, 10]])
    const b = spans('b', [[5, 15]]) // 5/15
    expect(pairs(a, b)).toEqual([])
    expect(pairs(a, b, 1 / 3)).toEqual(['a1~b1'])
  })

  it('never aligns disjoint or merely touching spans, even at minimum overlap 0', () => {
    expect(pairs(spans('a', [[0, 5]]), spans('b', [[5, 10]]), 0)).toEqual([])
    expect(pairs(spans('a', [[0, 5]]), spans('b', [[7, 10]]), 0)).toEqual([])
  })

  it('aligns identical empty spans and nothing else with an empty span', () => {
    expect(pairs(spans('a', [[4, 4]]), spans('b', [[4, 4], [0, 9]]), 0)).toEqual(['a1~b1'])
  })

  it('prefers the higher Jaccard index', () => {
    // a1~b1 is 10/12, a1~b2 is 9/10.
    expect(pairs(spans('a', [[0, 10]]), spans('b', [[0, 12], [1, 10]]))).toEqual(['a1~b2'])
  })

  it('breaks a Jaccard tie by the longer shared part before looking at positions', () => {
    // b1 = [0,6) gives 6/12 with a1 = [0,12) and 3/6 with a2 = [0,3): a tie at 0.5.
    // a1 shares 6 characters, a2 only 3, though a2's pair has the earlier lower span.
    expect(pairs(spans('a', [[0, 12], [0, 3]]), spans('b', [[0, 6]]))).toEqual(['a1~b1'])
  })

  it('breaks a Jaccard tie by the earlier span, whatever the input order', () => {
    // b1 = [0,8) and b2 = [2,10) both give 8/10 with a1; the earlier one wins.
    const a = spans('a', [[0, 10]])
    const b: AlignSpan[] = [
      { start: 2, end: 10, id: 'late' },
      { start: 0, end: 8, id: 'early' },
    ]
    expect(pairs(a, b)).toEqual(['a1~early'])
    expect(pairs(a, [...b].reverse())).toEqual(['a1~early'])
  })

  it('breaks a tie between identical spans by claim id', () => {
    const a = spans('a', [[0, 10]])
    const b: AlignSpan[] = [
      { start: 0, end: 10, id: 'z' },
      { start: 0, end: 10, id: 'm' },
    ]
    expect(pairs(a, b)).toEqual(['a1~m'])
    expect(pairs(b, a)).toEqual(['m~a1'])
  })

  it('keeps an exact match rather than trading it for two weaker pairs (greedy, not optimal sum)', () => {
    // Optimal assignment would pair a1~b2 (0.6) and a2~b1 (0.83) for a sum of 1.43;
    // greedy keeps the identical pair a1~b1 and leaves a2 and b2 (0.5 < 0.55) apart.
    const a = spans('a', [[0, 10], [0, 12]])
    const b = spans('b', [[0, 10], [4, 10]])
    expect(pairs(a, b, 0.55)).toEqual(['a1~b1'])
  })

  it('throws CompareInputError for a minimum overlap outside [0, 1]', () => {
    expect(() => alignSpans([[], []], 1.5)).toThrow(CompareInputError)
    expect(() => alignSpans([[], []], -0.1)).toThrow(CompareInputError)
    expect(() => alignSpans([[], []], Number.NaN)).toThrow(CompareInputError)
  })
})

describe('alignSpans with more than two sets', () => {
  it('puts one claim per set in a unit', () => {
    const units = alignSpans([spans('a', [[0, 10]]), spans('b', [[0, 10], [1, 10]]), spans('c', [[0, 9]])], 0.5)
    expect(units).toContainEqual([0, 0, 0])
    expect(units).toContainEqual([-1, 1, -1])
    expect(units).toHaveLength(2)
  })

  it('does not chain claims whose ends of the chain overlap too little (complete linkage)', () => {
    // a~b and b~c are 7/13 each, but a~c only 4/16.
    const units = alignSpans([spans('a', [[0, 10]]), spans('b', [[3, 13]]), spans('c', [[6, 16]])], 0.5)
    expect(units.filter((u) => u.filter((i) => i >= 0).length === 3)).toEqual([])
    expect(units.filter((u) => u.filter((i) => i >= 0).length === 2)).toHaveLength(1)
  })
})

const spanList = (prefix: string) =>
  fc
    .array(
      fc.record({ start: fc.integer({ min: 0, max: 60 }), length: fc.integer({ min: 0, max: 20 }) }),
      { maxLength: 25 },
    )
    .map((list) => list.map(({ start, length }, i) => ({ start, end: start + length, id: `${prefix}${i}` })))

describe('alignSpans properties (fast-check, fixed seed)', () => {
  const property = fc.tuple(spanList('a'), spanList('b'), fc.constantFrom(0, 0.25, 0.5, 0.75, 1))

  it('is one-to-one, meets the threshold, mirrors when A and B swap, and is maximal', () => {
    fc.assert(
      fc.property(property, ([a, b, minOverlap]) => {
        const units = alignSpans([a, b], minOverlap)
        const matched = units.filter(([i, j]) => i! >= 0 && j! >= 0)
        // Every claim in exactly one unit.
        expect(units.map(([i]) => i).filter((i) => i! >= 0).sort((x, y) => x! - y!)).toEqual(a.map((_, i) => i))
        expect(units.map(([, j]) => j).filter((j) => j! >= 0).sort((x, y) => x! - y!)).toEqual(b.map((_, j) => j))
        for (const [i, j] of matched) {
          const x = a[i!]!
          const y = b[j!]!
          const identical = x.start === y.start && x.end === y.end
          expect(identical || Math.min(x.end, y.end) > Math.max(x.start, y.start)).toBe(true)
          expect(jaccardIndex(x, y)).toBeGreaterThanOrEqual(minOverlap)
        }
        // Swapping A and B gives exactly the mirrored pairs.
        const swapped = alignSpans([b, a], minOverlap)
          .filter(([j, i]) => i! >= 0 && j! >= 0)
          .map(([j, i]) => `${i}:${j}`)
          .sort()
        expect(swapped).toEqual(matched.map(([i, j]) => `${i}:${j}`).sort())
        // Maximal: no two unmatched claims could still have been paired.
        const freeA = units.filter(([, j]) => j! < 0).map(([i]) => a[i!]!)
        const freeB = units.filter(([i]) => i! < 0).map(([, j]) => b[j!]!)
        for (const x of freeA) {
          for (const y of freeB) {
            const shared = Math.min(x.end, y.end) > Math.max(x.start, y.start) || (x.start === y.start && x.end === y.end)
            expect(shared && jaccardIndex(x, y) >= minOverlap).toBe(false)
          }
        }
      }),
      { seed: 20250818, numRuns: 300 },
    )
  })

  it('does not depend on the order claims are given in', () => {
    fc.assert(
      fc.property(property, ([a, b, minOverlap]) => {
        const key = (units: number[][], x: AlignSpan[], y: AlignSpan[]): string[] =>
          units.map(([i, j]) => `${i! >= 0 ? x[i!]!.id : '-'}~${j! >= 0 ? y[j!]!.id : '-'}`).sort()
        const ra = [...a].reverse()
        const rb = [...b].reverse()
        expect(key(alignSpans([ra, rb], minOverlap), ra, rb)).toEqual(key(alignSpans([a, b], minOverlap), a, b))
      }),
      { seed: 7, numRuns: 200 },
    )
  })

  it('forEachOverlap finds exactly the pairs a brute-force scan finds', () => {
    fc.assert(
      fc.property(spanList('a'), spanList('b'), (a, b) => {
        const found: string[] = []
        forEachOverlap(a, b, (i, j) => found.push(`${i}:${j}`))
        const expected: string[] = []
        a.forEach((x, i) =>
          b.forEach((y, j) => {
            const identicalEmpty = x.start === x.end && y.start === y.end && x.start === y.start
            if (identicalEmpty || Math.min(x.end, y.end) > Math.max(x.start, y.start)) expected.push(`${i}:${j}`)
          }),
        )
        expect(found.sort()).toEqual(expected.sort())
      }),
      { seed: 42, numRuns: 300 },
    )
  })

  it('gives the same units for several thresholds at once as one at a time', () => {
    fc.assert(
      fc.property(spanList('a'), spanList('b'), (a, b) => {
        const thresholds = [0.5, 0, 0.8]
        const together = alignSpansAt([a, b], thresholds)
        thresholds.forEach((t, k) => expect(together[k]).toEqual(alignSpans([a, b], t)))
      }),
      { seed: 99, numRuns: 150 },
    )
  })

  it('with three sets, covers each claim once and keeps every pair in a unit above the threshold', () => {
    fc.assert(
      fc.property(spanList('a'), spanList('b'), spanList('c'), fc.constantFrom(0, 0.5, 0.75), (a, b, c, t) => {
        const sets = [a, b, c]
        const units = alignSpans(sets, t)
        sets.forEach((spans, s) => {
          const seen = units.map((unit) => unit[s]!).filter((i) => i >= 0).sort((x, y) => x - y)
          expect(seen).toEqual(spans.map((_, i) => i))
        })
        for (const unit of units) {
          const members = unit.flatMap((i, s) => (i >= 0 ? [sets[s]![i]!] : []))
          expect(members.length).toBeGreaterThan(0)
          for (const x of members) {
            for (const y of members) {
              if (x !== y) expect(jaccardIndex(x, y)).toBeGreaterThanOrEqual(t === 0 ? Number.MIN_VALUE : t)
            }
          }
        }
      }),
      { seed: 3, numRuns: 150 },
    )
  })
})
