import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeUtf8Strict, encodeUtf8, hasUtf16Bom, looksBinary } from './utf8'

const bytes = (...b: number[]) => new Uint8Array(b)

describe('decodeUtf8Strict', () => {
  it('decodes ASCII, Japanese and astral characters', () => {
    const text = 'abc 米露首脳会談 😀𠮷'
    expect(decodeUtf8Strict(new Uint8Array(Buffer.from(text, 'utf8')))).toBe(text)
  })

  it('strips one leading BOM only', () => {
    expect(decodeUtf8Strict(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe('a')
    expect(decodeUtf8Strict(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61))).toBe('\ufeffa')
    expect(decodeUtf8Strict(bytes(0x61, 0xef, 0xbb, 0xbf))).toBe('a\ufeff')
  })

  it('decodes an empty input to an empty string', () => {
    expect(decodeUtf8Strict(bytes())).toBe('')
  })

  it.each([
    ['stray continuation byte', [0x80]],
    ['truncated two-byte sequence', [0xc3]],
    ['truncated three-byte sequence', [0xe3, 0x81]],
    ['truncated four-byte sequence', [0xf0, 0x9f, 0x98]],
    ['overlong NUL (C0 80)', [0xc0, 0x80]],
    ['overlong slash (E0 80 AF)', [0xe0, 0x80, 0xaf]],
    ['overlong four-byte (F0 8F BF BF)', [0xf0, 0x8f, 0xbf, 0xbf]],
    ['encoded surrogate U+D800', [0xed, 0xa0, 0x80]],
    ['encoded surrogate U+DFFF', [0xed, 0xbf, 0xbf]],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['lead byte F5', [0xf5, 0x80, 0x80, 0x80]],
    ['lead byte FF', [0xff]],
    ['bad continuation', [0xe3, 0x41, 0x81]],
    ['Shift_JIS あ', [0x82, 0xa0]],
    ['latin-1 é', [0x63, 0x61, 0x66, 0xe9]],
  ])('rejects %s', (_name, input) => {
    expect(decodeUtf8Strict(new Uint8Array(input))).toBeNull()
  })

  it('accepts the largest code point and the edges of each length', () => {
    expect(decodeUtf8Strict(bytes(0xf4, 0x8f, 0xbf, 0xbf))).toBe(String.fromCodePoint(0x10ffff))
    expect(decodeUtf8Strict(bytes(0xc2, 0x80))).toBe('\u0080')
    expect(decodeUtf8Strict(bytes(0xe0, 0xa0, 0x80))).toBe('\u0800')
    expect(decodeUtf8Strict(bytes(0xef, 0xbf, 0xbf))).toBe('\uffff')
    expect(decodeUtf8Strict(bytes(0xf0, 0x90, 0x80, 0x80))).toBe(String.fromCodePoint(0x10000))
  })

  it('round-trips with encodeUtf8 on long valid strings', () => {
    const text = '日本語テキスト😀 '.repeat(5000)
    expect(decodeUtf8Strict(encodeUtf8(text))).toBe(text)
  })
})

describe('encodeUtf8', () => {
  it('matches TextEncoder, including lone surrogates as U+FFFD', () => {
    const encoder = new TextEncoder()
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => Buffer.from(encodeUtf8(s)).equals(encoder.encode(s))))
    expect(Array.from(encodeUtf8('\ud800x'))).toEqual([0xef, 0xbf, 0xbd, 0x78])
  })
})

describe('looksBinary', () => {
  it('flags any NUL byte, even late in the file', () => {
    const data = new Uint8Array(100_000).fill(0x61)
    data[90_000] = 0
    expect(looksBinary(data)).toBe(true)
  })

  it('flags many control characters', () => {
    expect(looksBinary(bytes(0x01, 0x02, 0x03, 0x61, 0x62, 0x63, 0x64))).toBe(true)
  })

  it('does not flag text with tabs, newlines, CRs, form feeds or UTF-8', () => {
    expect(looksBinary(new Uint8Array(Buffer.from('a\tb\r\nc\fd 米露\n', 'utf8')))).toBe(false)
    expect(looksBinary(bytes())).toBe(false)
  })

  it('does not flag Shift_JIS bytes (that is the UTF-8 check’s job)', () => {
    expect(looksBinary(bytes(0x82, 0xa0, 0x82, 0xa2, 0x0a))).toBe(false)
  })
})

describe('hasUtf16Bom', () => {
  it('detects both byte orders', () => {
    expect(hasUtf16Bom(bytes(0xff, 0xfe, 0x61, 0x00))).toBe(true)
    expect(hasUtf16Bom(bytes(0xfe, 0xff, 0x00, 0x61))).toBe(true)
    expect(hasUtf16Bom(bytes(0xef, 0xbb, 0xbf))).toBe(false)
    expect(hasUtf16Bom(bytes())).toBe(false)
  })
})
