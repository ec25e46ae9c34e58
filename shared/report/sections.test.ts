import { describe, expect, it } from 'vitest'
import { blockOffsets, type ArticleBlock } from '../article/model'
import type { Claim } from '../claims/model'
import { blockHoldingOffset, paragraphNumberAt, paragraphNumberer, sectionsOf } from './sections'
import { aClaim, BARE_CLAIM } from '../claims/test-builders'

const heading = (text: string): ArticleBlock => ({ type: 'heading', level: 2, text, marks: [] })
const para = (text: string): ArticleBlock => ({ type: 'paragraph', level: 0, text, marks: [] })

function claimAt(id: string, start: number, end: number, orphan?: boolean): Claim {
  return aClaim({ ...BARE_CLAIM, id, start, end, ...(orphan === undefined ? {} : { orphan }) })
}

// Lead | H1 | p1 | p2 | H2 | p3
const blocks = [para('Lead para.'), heading('First'), para('One.'), para('Two.'), heading('Second'), para('Three.')]
const at = blockOffsets(blocks)
const article = { blocks }

describe('paragraphNumberAt', () => {
  it('counts non-heading blocks, 1-based, as the reader margin does', () => {
    expect(paragraphNumberAt(article, at[0]!)).toBe(1)
    expect(paragraphNumberAt(article, at[2]! + 2)).toBe(2)
    expect(paragraphNumberAt(article, at[3]!)).toBe(3)
    expect(paragraphNumberAt(article, at[5]! + 5)).toBe(4)
  })

  it('gives null inside a heading and for an empty article', () => {
    expect(paragraphNumberAt(article, at[1]!)).toBeNull()
    expect(paragraphNumberAt({ blocks: [] }, 0)).toBeNull()
  })

  it('counts an offset in the separator after a block as that block', () => {
    expect(blockHoldingOffset(article, at[0]! + blocks[0]!.text.length + 1)).toBe(0)
  })

  it('throws RangeError for a negative or fractional offset', () => {
    expect(() => paragraphNumberAt(article, -1)).toThrow(RangeError)
    expect(() => paragraphNumberAt(article, 1.5)).toThrow(RangeError)
  })
})

describe('sectionsOf', () => {
  it('places each claim under the last heading starting at or before it, front section first', () => {
    const claims = [
      claimAt('late', at[5]!, at[5]! + 3),
      claimAt('lead', 0, 4),
      claimAt('in-heading', at[4]!, at[4]! + 2),
      claimAt('first-b', at[3]!, at[3]! + 2),
      claimAt('first-a', at[2]!, at[2]! + 2),
    ]
    const sections = sectionsOf(article, claims)
    expect(sections.map((s) => s.title)).toEqual([null, 'First', 'Second'])
    expect(sections.map((s) => s.claims.map((c) => c.id))).toEqual([['lead'], ['first-a', 'first-b'], ['in-heading', 'late']])
    expect(sections.map((s) => s.headingBlockIndex)).toEqual([null, 1, 4])
    expect(sections[1]!.start).toBe(at[1])
  })

  it('leaves orphans out', () => {
    const sections = sectionsOf(article, [claimAt('gone', at[2]!, at[2]! + 1, true), claimAt('here', at[2]!, at[2]! + 1, false)])
    expect(sections.flatMap((s) => s.claims.map((c) => c.id))).toEqual(['here'])
  })

  it('has no front section when the article opens with a heading and nothing precedes it', () => {
    const opensWithHeading = { blocks: blocks.slice(1) }
    expect(sectionsOf(opensWithHeading, []).map((s) => s.title)).toEqual(['First', 'Second'])
  })

  it('makes one untitled section of an article without headings, claims or not', () => {
    const plain = { blocks: [para('a'), para('b')] }
    expect(sectionsOf(plain, []).map((s) => s.title)).toEqual([null])
    expect(sectionsOf(plain, [claimAt('c', 3, 4)])[0]!.claims.map((c) => c.id)).toEqual(['c'])
  })

  it('throws RangeError for a claim with a negative start', () => {
    expect(() => sectionsOf(article, [claimAt('bad', -2, 1)])).toThrow(RangeError)
  })
})

describe('paragraphNumberer', () => {
  it('numbers every offset as a walk over the blocks would', () => {
    const blocks = [para('Lead.'), heading('One'), para('First.'), para(''), heading('Two'), para('Last one.')]
    const starts = blockOffsets(blocks)
    const numberAt = paragraphNumberer({ blocks })
    const end = starts[starts.length - 1]! + 'Last one.'.length + 3
    for (let offset = 0; offset <= end; offset++) {
      let holder = -1
      for (let i = 0; i < blocks.length && starts[i]! <= offset; i++) holder = i
      let expected: number | null = null
      if (holder >= 0 && blocks[holder]!.type !== 'heading') expected = blocks.slice(0, holder + 1).filter((b) => b.type !== 'heading').length
      expect(numberAt(offset)).toBe(expected)
    }
    expect(() => numberAt(-1)).toThrow(RangeError)
    expect(paragraphNumberer({ blocks: [] })(0)).toBeNull()
  })
})
