import { describe, expect, it } from 'vitest'
import { findMatches, foldForSearch } from './find-matches'

const found = (text: string, query: string) => findMatches(text, query).map((m) => text.slice(m.start, m.end))

describe('findMatches', () => {
  it('treats full-width and half-width forms as the same, and ignores case', () => {
    expect(found('2014年のクリミア併合以降、EUは', '２０１４')).toEqual(['2014'])
    expect(found('2014年のクリミア併合以降、EUは', 'ｅｕ')).toEqual(['EU'])
    expect(found('ＮＡＴＯ加盟国', 'nato')).toEqual(['ＮＡＴＯ'])
    expect(found('ガス供給', 'ｶﾞｽ')).toEqual(['ガス'])
    expect(found('ｶﾞｽ供給', 'ガス')).toEqual(['ｶﾞｽ'])
  })

  it('reports every occurrence in order, in source offsets, without overlaps', () => {
    const text = '会談、会談、会談'
    expect(findMatches(text, '会談')).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
      { start: 6, end: 8 },
    ])
    expect(findMatches('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ])
  })

  it('matches nothing for a blank query, and stops at the limit', () => {
    expect(findMatches('text', '')).toEqual([])
    expect(findMatches('text', '  ')).toEqual([])
    expect(findMatches('a'.repeat(100), 'a', 10)).toHaveLength(10)
  })

  it('keeps characters outside the BMP whole', () => {
    expect(found('𠮷野家と吉野家', '𠮷野家')).toEqual(['𠮷野家'])
    expect(foldForSearch('𠮷a').from).toEqual([0, 0, 2])
  })
})
