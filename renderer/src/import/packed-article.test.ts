import { describe, expect, it } from 'vitest'
import { canonicalText, type ParsedArticle } from '../../../shared/article/model'
import { packArticle, unpackArticle } from './packed-article'

const parsed: ParsedArticle = {
  title: 'Packed',
  publishedOn: null,
  blocks: [
    { type: 'heading', level: 2, text: 'Head', marks: [] },
    { type: 'paragraph', level: 0, text: 'A link and bold.', marks: [{ type: 'link', start: 2, end: 6, href: 'https://example.org/' }, { type: 'strong', start: 11, end: 15 }] },
    { type: 'code', level: 0, text: 'a\n\nb', marks: [] },
    { type: 'list_item', level: 0, text: '欧米 😀', marks: [{ type: 'em', start: 0, end: 2 }], ordered: false },
    { type: 'list_item', level: 0, text: 'two', marks: [], ordered: true },
  ],
  format: 'html',
  language: 'en',
}

describe('packArticle / unpackArticle', () => {
  it('round-trips an article exactly, key order included', () => {
    const text = canonicalText(parsed.blocks)
    const unpacked = unpackArticle(packArticle(parsed, text))
    expect(JSON.stringify(unpacked.parsed)).toBe(JSON.stringify(parsed))
    expect(unpacked.text).toBe(text)
  })

  it('refuses a text that is not the canonical text, and a packing that does not fit its text', () => {
    expect(() => packArticle(parsed, 'short')).toThrow(RangeError)
    const packed = packArticle(parsed, canonicalText(parsed.blocks))
    expect(() => unpackArticle({ ...packed, text: packed.text.slice(1) })).toThrow(RangeError)
    const badType = { ...packed, blocks: packed.blocks.slice() }
    badType.blocks[0] = 99
    expect(() => unpackArticle(badType)).toThrow(RangeError)
  })
})
