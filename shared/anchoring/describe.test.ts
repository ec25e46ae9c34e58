import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { describe as describeSpan, QUOTE_CONTEXT_LENGTH } from './describe'
import { isHighSurrogate, isLowSurrogate } from './text-units'

describe('describe', () => {
  it('gives position and quote selectors with up to 32 units of context', () => {
    const text = 'a'.repeat(40) + 'QUOTE' + 'b'.repeat(40)
    const target = describeSpan(text, 40, 45)
    expect(target).toEqual({
      position: { type: 'TextPositionSelector', start: 40, end: 45 },
      quote: { type: 'TextQuoteSelector', exact: 'QUOTE', prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) },
    })
  })

  it('keeps shorter context at the text edges', () => {
    expect(describeSpan('abcdef', 0, 6).quote).toMatchObject({ exact: 'abcdef', prefix: '', suffix: '' })
    expect(describeSpan('abcdef', 2, 3).quote).toMatchObject({ exact: 'c', prefix: 'ab', suffix: 'def' })
  })

  it('allows an empty span', () => {
    expect(describeSpan('abc', 1, 1).quote).toMatchObject({ exact: '', prefix: 'a', suffix: 'bc' })
  })

  it('does not split a surrogate pair at the edge of the prefix or suffix', () => {
    // 31 'x' + emoji puts the emoji's halves at prefix positions 0/1 of a 32-unit window.
    const text = '😀' + 'x'.repeat(31) + 'Q' + 'y'.repeat(31) + '😀'
    const q = text.indexOf('Q')
    const { prefix, suffix } = describeSpan(text, q, q + 1).quote
    expect(prefix).toBe('x'.repeat(31))
    expect(suffix).toBe('y'.repeat(31))
    // One unit further the whole emoji fits within 32 units and is kept.
    const wider = 'z😀' + 'x'.repeat(30) + 'Q' + 'y'.repeat(30) + '😀z'
    const w = wider.indexOf('Q')
    expect(describeSpan(wider, w, w + 1).quote).toMatchObject({
      prefix: '😀' + 'x'.repeat(30),
      suffix: 'y'.repeat(30) + '😀',
    })
  })

  it('throws RangeError naming the bad values', () => {
    expect(() => describeSpan('abc', 2, 1)).toThrow(RangeError)
    expect(() => describeSpan('abc', 2, 1)).toThrow(/start=2 end=1/)
    expect(() => describeSpan('abc', -1, 1)).toThrow(/start=-1/)
    expect(() => describeSpan('abc', 0, 4)).toThrow(/end=4 .*length 3/)
    expect(() => describeSpan('abc', 0.5, 1)).toThrow(RangeError)
    expect(() => describeSpan('abc', Number.NaN, 1)).toThrow(RangeError)
  })

  it('property: context is adjacent, at most 32 units, and never starts or ends inside a pair', () => {
    const textArb = fc.string({ unit: fc.constantFrom('a', '結', '😀', '𠮷', ' '), maxLength: 120 })
    fc.assert(
      fc.property(
        textArb.chain((text) =>
          fc.tuple(fc.constant(text), fc.nat({ max: text.length }), fc.nat({ max: text.length })),
        ),
        ([text, a, b]) => {
          const start = Math.min(a, b)
          const end = Math.max(a, b)
          const { quote } = describeSpan(text, start, end)
          expect(text.slice(start - quote.prefix.length, end + quote.suffix.length)).toBe(
            quote.prefix + quote.exact + quote.suffix,
          )
          expect(quote.prefix.length).toBeLessThanOrEqual(QUOTE_CONTEXT_LENGTH)
          expect(quote.suffix.length).toBeLessThanOrEqual(QUOTE_CONTEXT_LENGTH)
          // Shortened only to protect a pair: then exactly 31 units.
          expect(quote.prefix.length).toBeGreaterThanOrEqual(Math.min(start, QUOTE_CONTEXT_LENGTH - 1))
          expect(quote.suffix.length).toBeGreaterThanOrEqual(Math.min(text.length - end, QUOTE_CONTEXT_LENGTH - 1))
          if (quote.prefix.length > 0 && start - quote.prefix.length > 0) {
            expect(isLowSurrogate(quote.prefix.charCodeAt(0))).toBe(false)
          }
          if (quote.suffix.length > 0 && end + quote.suffix.length < text.length) {
            expect(isHighSurrogate(quote.suffix.charCodeAt(quote.suffix.length - 1))).toBe(false)
          }
        },
      ),
    )
  })
})
