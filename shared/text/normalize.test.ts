import { describe, expect, it } from 'vitest'
import { isImportNormalized, normalizeImportedText } from './normalize'

describe('normalizeImportedText', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(normalizeImportedText('a\r\nb\rc\n\r\nd')).toBe('a\nb\nc\n\nd')
  })

  it('composes to NFC (kana with combining dakuten, accented Latin)', () => {
    const decomposed = '\u304b\u3099 cafe\u0301'
    const result = normalizeImportedText(decomposed)
    expect(result).toBe('\u304c caf\u00e9')
    expect(result.length).toBe(6)
  })

  it('leaves whitespace, widths and quotes alone and is idempotent', () => {
    const text = '  ＡＢＣ ｱｲｳ “quote”\t\n\n'
    expect(normalizeImportedText(text)).toBe(text)
    const once = normalizeImportedText('x\r\ne\u0301')
    expect(normalizeImportedText(once)).toBe(once)
    expect(isImportNormalized(once)).toBe(true)
    expect(isImportNormalized('x\r\n')).toBe(false)
    expect(isImportNormalized('e\u0301')).toBe(false)
  })
})
