import { describe, expect, it } from 'vitest'
import { grownCount, LIST_PAGE } from './use-growing-list'

describe('grownCount', () => {
  it('adds one page, never past the total', () => {
    expect(grownCount(LIST_PAGE, 10_000)).toBe(2 * LIST_PAGE)
    expect(grownCount(2 * LIST_PAGE, 10_000)).toBe(3 * LIST_PAGE)
    expect(grownCount(LIST_PAGE, LIST_PAGE + 5)).toBe(LIST_PAGE + 5)
    expect(grownCount(7, 3, 5)).toBe(3)
  })

  it('starts from a whole first page when fewer rows were shown', () => {
    expect(grownCount(0, 1000, 100)).toBe(200)
    expect(grownCount(50, 1000, 100)).toBe(200)
  })

  it('refuses counts that are not whole numbers', () => {
    expect(() => grownCount(-1, 10)).toThrow(RangeError)
    expect(() => grownCount(1.5, 10)).toThrow(RangeError)
    expect(() => grownCount(1, 10, 0)).toThrow(RangeError)
  })
})
