import search from 'approx-string-match'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { substringEditDistance } from './substring-distance'

describe('substringEditDistance', () => {
  it('is 0 for a verbatim substring and counts edits otherwise', () => {
    expect(substringEditDistance('the quick brown fox', 'quick')).toBe(0)
    expect(substringEditDistance('the quick brown fox', 'quack')).toBe(1)
    expect(substringEditDistance('the quick brown fox', 'qick')).toBe(1)
    expect(substringEditDistance('abc', 'xyz')).toBe(3)
    expect(substringEditDistance('', 'abc')).toBe(3)
    expect(substringEditDistance('abc', '')).toBe(0)
    expect(substringEditDistance('ab', 'abcd')).toBe(2)
  })

  it('agrees with approx-string-match on the lowest error count', () => {
    const unit = fc.constantFrom('a', 'b', 'c', '。', 'ア', '\uD83D', '\uDE00')
    const str = (max: number) => fc.array(unit, { minLength: 1, maxLength: max }).map((a) => a.join(''))
    fc.assert(
      fc.property(str(40), str(40), (text, pattern) => {
        const best = search(text, pattern, pattern.length)[0]
        expect(substringEditDistance(text, pattern)).toBe(best?.errors ?? pattern.length)
      }),
      { numRuns: 500 },
    )
  })
})
