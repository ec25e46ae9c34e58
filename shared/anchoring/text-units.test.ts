import { describe, it, expect } from 'vitest'
import { assertRange, splitsSurrogatePair, widenToWholeCharacters } from './text-units'

describe('text units', () => {
  const text = 'a😀b'
  it('detects offsets inside a surrogate pair', () => {
    expect([0, 1, 2, 3, 4].map((i) => splitsSurrogatePair(text, i))).toEqual([false, false, true, false, false])
    expect(splitsSurrogatePair(text, -1)).toBe(false)
  })
  it('widens a range to whole characters', () => {
    expect(widenToWholeCharacters(text, 2, 2)).toEqual({ start: 1, end: 3 })
    expect(widenToWholeCharacters(text, 0, 2)).toEqual({ start: 0, end: 3 })
    expect(widenToWholeCharacters(text, 1, 3)).toEqual({ start: 1, end: 3 })
  })
  it('asserts ranges with the values in the message', () => {
    expect(() => assertRange('f', 3, 0, 3)).not.toThrow()
    expect(() => assertRange('f', 3, 2, 1)).toThrow(/f: invalid range start=2 end=1/)
  })
})
