import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CodePointIndex, countCodePoints } from './code-points'

describe('CodePointIndex', () => {
  it('counts an emoji and 𠮷 as one code point each', () => {
    const text = 'a😀b𠮷c'
    const index = new CodePointIndex(text)
    expect(index.length).toBe(5)
    expect(index.unitLength).toBe(7)
    expect([0, 1, 3, 4, 6, 7].map((u) => index.toCodePoints(u))).toEqual([0, 1, 2, 3, 4, 5])
    expect([0, 1, 2, 3, 4, 5].map((p) => index.fromCodePoints(p))).toEqual([0, 1, 3, 4, 6, 7])
    expect(index.fromCodePoints(6)).toBeNull()
    expect(index.fromCodePoints(-1)).toBeNull()
    expect(() => index.toCodePoints(8)).toThrow(RangeError)
    // Inside a pair: the cut character counts as before the offset.
    expect(index.toCodePoints(2)).toBe(2)
  })

  it('agrees with Array.from on any text, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'あ', '😀', '𠮷', '\ud800', '\udc00', '\n')).map((a) => a.join('')), (text) => {
        const index = new CodePointIndex(text)
        const points = Array.from(text)
        expect(index.length).toBe(points.length)
        expect(countCodePoints(text)).toBe(points.length)
        let unit = 0
        points.forEach((ch, p) => {
          expect(index.fromCodePoints(p)).toBe(unit)
          expect(index.toCodePoints(unit)).toBe(p)
          unit += ch.length
        })
        expect(index.fromCodePoints(points.length)).toBe(text.length)
      }),
    )
  })
})
