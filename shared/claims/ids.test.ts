import { afterEach, describe, it, expect, vi } from 'vitest'
import { newId } from './ids'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('newId', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('uses crypto.randomUUID by default', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newId()))
    expect(ids.size).toBe(50)
    for (const id of ids) expect(id).toMatch(UUID_V4)
  })

  it('formats a passed random source as a v4 UUID, setting version and variant bits', () => {
    expect(newId((b) => b.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff')
    expect(newId((b) => b.fill(0))).toBe('00000000-0000-4000-8000-000000000000')
    let n = 0
    expect(newId((b) => b.map(() => n++))).toBe('00010203-0405-4607-8809-0a0b0c0d0e0f')
  })

  it('falls back to getRandomValues when randomUUID is missing', () => {
    vi.stubGlobal('crypto', { getRandomValues: (b: Uint8Array) => b.fill(0x11) })
    expect(newId()).toBe('11111111-1111-4111-9111-111111111111')
  })

  it('throws RangeError when no random source is available', () => {
    vi.stubGlobal('crypto', undefined)
    expect(() => newId()).toThrow(RangeError)
  })

  it('throws RangeError when the source returns the wrong number of bytes', () => {
    expect(() => newId(() => new Uint8Array(8))).toThrow(/returned 8 bytes/)
  })
})
