import { describe, it, expect } from 'vitest'
import { compareSets } from '../../../shared/compare'
import { formatFigure, groupItems, isDisagreement, itemAt, OUTCOME_ORDER, stanceLetter, stepItem } from './outcomes'
import { aSetWithClaims } from '../../../shared/claims/test-builders'

const TEXT = 'abcdefghij'.repeat(10)

function comparison() {
  const a = aSetWithClaims({ text: TEXT, id: 'A', spans: [
    [0, 10, 'evidenced'],
    [20, 30, 'speculative'],
    [60, 70, 'speculative'],
  ] })
  const b = aSetWithClaims({ text: TEXT, id: 'B', spans: [
    [0, 10, 'evidenced'],
    [21, 30, 'evidenced'],
    [80, 90, 'speculative'],
    [24, 26, 'speculative'],
  ] })
  return compareSets(TEXT, [a, b])
}

describe('groupItems', () => {
  it('splits items by outcome in document order, every kind present', () => {
    const groups = groupItems(comparison().items)
    expect(Object.keys(groups).sort()).toEqual([...OUTCOME_ORDER].sort())
    expect(groups.agree.map((i) => i.id)).toEqual(['A:A-1|B:B-1'])
    expect(groups.conflict.map((i) => i.id)).toEqual(['A:A-2|B:B-2'])
    expect(groups.onlyA.map((i) => i.id)).toEqual(['A:A-3|B:'])
    expect(groups.onlyB.map((i) => i.id)).toEqual(['A:|B:B-4', 'A:|B:B-3'])
  })

  it('gives empty groups for no items', () => {
    expect(groupItems([])).toEqual({ conflict: [], onlyA: [], onlyB: [], agree: [] })
  })
})

describe('formatFigure', () => {
  it('prints three decimals and the word "undefined" for no value', () => {
    expect(formatFigure(null)).toBe('undefined')
    expect(formatFigure(1)).toBe('1.000')
    expect(formatFigure(0.33333)).toBe('0.333')
    expect(formatFigure(-0.2)).toBe('-0.200')
    expect(formatFigure(-0.0001)).toBe('0.000')
    expect(formatFigure(0.5, 'ja')).toBe('0.500')
    expect(formatFigure(0.5, 'de')).toBe('0,500')
    expect(formatFigure(null, 'ja', '未定義')).toBe('未定義')
  })

  it('refuses NaN and infinities', () => {
    expect(() => formatFigure(Number.NaN)).toThrow(RangeError)
    expect(() => formatFigure(Infinity)).toThrow(RangeError)
  })
})

describe('itemAt', () => {
  it('finds the innermost item at an offset and null outside every item', () => {
    const items = comparison().items
    expect(itemAt(items, 5)?.id).toBe('A:A-1|B:B-1')
    expect(itemAt(items, 25)?.id).toBe('A:|B:B-4')
    expect(itemAt(items, 22)?.id).toBe('A:A-2|B:B-2')
    expect(itemAt(items, 10)).toBeNull()
    expect(itemAt(items, 99)).toBeNull()
  })
})

describe('small helpers', () => {
  it('names stances by letter and tells disagreements from agreement', () => {
    expect(stanceLetter('evidenced')).toBe('E')
    expect(stanceLetter('speculative')).toBe('S')
    expect(isDisagreement({ kind: 'agree' })).toBe(false)
    expect(isDisagreement({ kind: 'onlyB' })).toBe(true)
  })
})

describe('stepItem', () => {
  it('steps through items in document order and stops at the ends', () => {
    const items = comparison().items
    const ids = items.map((i) => i.id)
    expect(stepItem(items, null, 1)?.id).toBe(ids[0])
    expect(stepItem(items, null, -1)?.id).toBe(ids.at(-1))
    expect(stepItem(items, ids[0]!, 1)?.id).toBe(ids[1])
    expect(stepItem(items, ids[0]!, -1)?.id).toBe(ids[0])
    expect(stepItem(items, ids.at(-1)!, 1)?.id).toBe(ids.at(-1))
    expect(stepItem(items, 'gone', 1)?.id).toBe(ids[0])
    expect(stepItem([], null, 1)).toBeNull()
  })
})
