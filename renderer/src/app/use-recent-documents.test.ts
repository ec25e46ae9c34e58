import { describe, expect, it } from 'vitest'
import { MAX_RECENT, pushRecent } from './use-recent-documents'

describe('pushRecent', () => {
  it('moves the opened document to the front without duplicates', () => {
    expect(pushRecent(['a', 'b', 'c'], 'b')).toEqual(['b', 'a', 'c'])
    expect(pushRecent([], 'a')).toEqual(['a'])
  })
  it('keeps at most MAX_RECENT', () => {
    const many = Array.from({ length: MAX_RECENT }, (_, i) => String(i))
    const next = pushRecent(many, 'new')
    expect(next).toHaveLength(MAX_RECENT)
    expect(next[0]).toBe('new')
    expect(next).not.toContain(String(MAX_RECENT - 1))
  })
})
