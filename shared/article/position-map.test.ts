import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { canonicalText, type ArticleBlock } from './model'
import { GROUP_MAX_CHARS, groupStarts } from './block-groups'
import { blockIndexAt, blockIndexAtPos, buildPositionIndex, groupExtent, groupOfBlock, offsetToPos, posToOffset, snapToCodePoint } from './position-map'
import { docFromBlocks } from './schema'

const para = (text: string): ArticleBlock => ({ type: 'paragraph', level: 0, text, marks: [] })

describe('position index', () => {
  const blocks = [para('見出し'), para('本文😀です。'), para('end')]
  const index = buildPositionIndex(blocks)
  const text = canonicalText(blocks)
  const doc = docFromBlocks(blocks)

  it('agrees with the ProseMirror document size and the canonical text length', () => {
    expect(index.docSize).toBe(doc.content.size)
    expect(index.textLength).toBe(text.length)
    expect(index.starts).toEqual([0, 5, 14])
  })

  it('maps offsets inside blocks to pos = offset + 2 in the first group, and back', () => {
    for (let offset = 0; offset <= text.length; offset++) {
      if (text.slice(offset - 1, offset + 1) === '\n\n') continue
      const pos = offsetToPos(index, offset)
      expect(pos).toBe(offset + 2)
      expect(posToOffset(index, pos)).toBe(offset)
      if (offset < text.length && text[offset] !== '\n') expect(doc.textBetween(pos, pos + 1)).toBe(text[offset])
    }
  })

  it('maps the middle of a separator to the end of the block before, or the start after', () => {
    // "見出し" ends at 3; offset 4 sits between the two newlines.
    expect(text.slice(3, 5)).toBe('\n\n')
    expect(offsetToPos(index, 4)).toBe(5)
    expect(offsetToPos(index, 4, 1)).toBe(7)
    expect(doc.resolve(offsetToPos(index, 4)).parent.textContent).toBe('見出し')
    expect(doc.resolve(offsetToPos(index, 4, 1)).parent.textContent).toBe('本文😀です。')
    expect(blockIndexAt(index, 4)).toBe(0)
    expect(blockIndexAt(index, 4, 1)).toBe(1)
  })

  it('maps boundary positions to the nearest block edge in the assoc direction', () => {
    expect(posToOffset(index, 0)).toBe(0)
    expect(posToOffset(index, 0, 1)).toBe(0)
    expect(posToOffset(index, 1)).toBe(0) // in the group, before the first block
    expect(posToOffset(index, 6)).toBe(3) // between block 0 and 1
    expect(posToOffset(index, 6, 1)).toBe(5)
    expect(posToOffset(index, index.docSize)).toBe(text.length)
    expect(posToOffset(index, index.docSize, 1)).toBe(text.length)
  })

  it('handles empty blocks', () => {
    const withEmpty = [para('a'), para(''), para('b')]
    const idx = buildPositionIndex(withEmpty)
    const d = docFromBlocks(withEmpty)
    expect(idx.docSize).toBe(d.content.size)
    expect(offsetToPos(idx, 3)).toBe(5)
    expect(d.resolve(5).parent.textContent).toBe('')
    expect(posToOffset(idx, 7)).toBe(5)
    expect(d.textBetween(offsetToPos(idx, 5), offsetToPos(idx, 6))).toBe('b')
  })

  it('refuses out-of-range, non-integer input and empty block lists', () => {
    expect(() => offsetToPos(index, -1)).toThrow(RangeError)
    expect(() => offsetToPos(index, text.length + 1)).toThrow(RangeError)
    expect(() => offsetToPos(index, 1.5)).toThrow(RangeError)
    expect(() => posToOffset(index, index.docSize + 1)).toThrow(RangeError)
    expect(() => buildPositionIndex([])).toThrow(RangeError)
    expect(() => groupOfBlock(index, 3)).toThrow(RangeError)
    expect(() => groupExtent(index, 1)).toThrow(RangeError)
  })

  it('property: text between mapped positions equals the canonical slice, both ways, across groups', () => {
    const blockText = fc.oneof(
      { weight: 9, arbitrary: fc.string({ unit: fc.constantFrom('a', 'あ', '漢', ' ', '😀', 'é'), maxLength: 12 }) },
      // Now and then a block long enough to close its group early.
      { weight: 1, arbitrary: fc.integer({ min: 1, max: GROUP_MAX_CHARS }).map((n) => 'x'.repeat(n)) },
    )
    fc.assert(
      fc.property(fc.array(blockText, { minLength: 1, maxLength: 90 }), fc.nat(), fc.nat(), (texts, x, y) => {
        const bs = texts.map(para)
        const idx = buildPositionIndex(bs)
        const canon = canonicalText(bs)
        const d = docFromBlocks(bs)
        expect(idx.docSize).toBe(d.content.size)
        expect(idx.groupFirst).toEqual(groupStarts(texts.map((t) => t.length)))
        d.forEach((group, pos, g) => {
          expect(idx.groupStarts[g]).toBe(pos)
          const extent = groupExtent(idx, g)
          expect([extent.from, extent.to, extent.end - extent.first]).toEqual([pos, pos + group.nodeSize, group.childCount])
          group.forEach((_block, _offset, i) => expect(groupOfBlock(idx, idx.groupFirst[g]! + i)).toBe(g))
        })
        const a = Math.min(x, y) % (canon.length + 1)
        const b = Math.max(a, Math.max(x, y) % (canon.length + 1))
        const from = offsetToPos(idx, a, 1)
        const to = offsetToPos(idx, b, -1)
        if (from <= to) {
          // textBetween with the separator as block separator reproduces the canonical slice,
          // minus separator characters trimmed at the edges.
          const between = d.textBetween(from, to, '\n\n')
          expect(between).toBe(canon.slice(posToOffset(idx, from), posToOffset(idx, to)))
        }
        // Every text position maps to its offset and back; every other position to the
        // nearest text position before it (assoc -1) or after it (assoc 1).
        const textPositions: number[] = []
        for (let pos = 0; pos <= idx.docSize; pos++) if (d.resolve(pos).parent.isTextblock) textPositions.push(pos)
        for (let pos = 0; pos <= idx.docSize; pos++) {
          const $pos = d.resolve(pos)
          const off = posToOffset(idx, pos)
          if ($pos.parent.isTextblock) {
            expect(offsetToPos(idx, off)).toBe(pos)
            if (pos < $pos.end()) expect(canon.slice(off, off + 1)).toBe(d.textBetween(pos, pos + 1))
            expect(blockIndexAtPos(idx, pos)).toBe(blockIndexAt(idx, off, pos === $pos.start() ? 1 : -1))
          } else {
            const before = textPositions.filter((p) => p <= pos).at(-1) ?? textPositions[0]!
            const after = textPositions.find((p) => p >= pos) ?? textPositions.at(-1)!
            expect(offsetToPos(idx, off)).toBe(before)
            expect(offsetToPos(idx, posToOffset(idx, pos, 1), 1)).toBe(after)
          }
        }
      }),
      { numRuns: 150 },
    )
  })
})

describe('snapToCodePoint', () => {
  const text = 'a😀b'
  it('moves off the middle of a surrogate pair in the asked direction', () => {
    expect(snapToCodePoint(text, 2, 'backward')).toBe(1)
    expect(snapToCodePoint(text, 2, 'forward')).toBe(3)
  })
  it('leaves code point boundaries and lone surrogates alone', () => {
    for (const offset of [0, 1, 3, 4]) expect(snapToCodePoint(text, offset, 'forward')).toBe(offset)
    expect(snapToCodePoint('\ud800x', 1, 'backward')).toBe(1)
    expect(snapToCodePoint('x\udc00', 1, 'forward')).toBe(1)
  })
  it('refuses offsets outside the text', () => {
    expect(() => snapToCodePoint(text, 5, 'forward')).toThrow(RangeError)
  })
  it('property: never returns an offset inside a pair and moves at most one unit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.nat(), fc.boolean(), (s, n, fwd) => {
        const offset = n % (s.length + 1)
        const snapped = snapToCodePoint(s, offset, fwd ? 'forward' : 'backward')
        expect(Math.abs(snapped - offset)).toBeLessThanOrEqual(1)
        expect(s.slice(0, snapped) + s.slice(snapped)).toBe(s)
        if (snapped > 0 && snapped < s.length) {
          const hi = s.charCodeAt(snapped - 1)
          const lo = s.charCodeAt(snapped)
          expect(hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff).toBe(false)
        }
      }),
    )
  })
})
