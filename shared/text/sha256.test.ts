import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { sha256Bytes, sha256Hex } from './sha256'

function nodeSha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    )
  })

  it('hashes the UTF-8 bytes of Japanese text like node:crypto does', () => {
    const text = '米露首脳会談が世界の注目を集めた。'
    expect(sha256Hex(text)).toBe(nodeSha256(text))
  })

  it('hashes astral characters (surrogate pairs) as four UTF-8 bytes', () => {
    const text = 'emoji 😀 and 𠮷'
    expect(sha256Hex(text)).toBe(nodeSha256(Buffer.from(text, 'utf8')))
  })

  it('handles lengths around the 55/56/64-byte padding boundaries', () => {
    for (const n of [54, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000]) {
      const text = 'a'.repeat(n)
      expect(sha256Hex(text), `length ${n}`).toBe(nodeSha256(text))
    }
  })

  it('agrees with node:crypto on arbitrary strings and bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => sha256Hex(s) === nodeSha256(Buffer.from(s, 'utf8'))),
    )
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => sha256Bytes(b) === nodeSha256(b)))
  })
})
