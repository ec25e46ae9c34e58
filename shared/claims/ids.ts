/**
 * A source of random bytes with the shape of `crypto.getRandomValues`: fills
 * the array it is given and returns it. Tests pass a seeded one.
 */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array

// shared/ is compiled without the DOM lib or Node types, so the Web Crypto
// global is described here by just the two members this module uses.
interface MinimalCrypto {
  randomUUID?: () => string
  getRandomValues?: (bytes: Uint8Array) => Uint8Array
}

/**
 * A new random UUID (version 4, lowercase). Uses `random` when given, else
 * `globalThis.crypto.randomUUID`, else `globalThis.crypto.getRandomValues`
 * (present where `randomUUID` is not, e.g. outside a secure context).
 *
 * @throws RangeError when no random source is available, or when `random`
 *   does not return 16 bytes.
 */
export function newId(random?: RandomBytes): string {
  if (random === undefined) {
    const crypto = (globalThis as { crypto?: MinimalCrypto }).crypto
    if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID()
    const getRandomValues = crypto?.getRandomValues
    if (typeof getRandomValues !== 'function') {
      throw new RangeError('newId: no random source (globalThis.crypto is unavailable) and none was passed')
    }
    random = (bytes) => getRandomValues.call(crypto, bytes)
  }
  const bytes = random(new Uint8Array(16))
  if (!(bytes instanceof Uint8Array) || bytes.length !== 16) {
    throw new RangeError(`newId: the random source returned ${String((bytes as unknown as { length?: unknown })?.length)} bytes, expected 16`)
  }
  // RFC 9562 §5.4: version 4 in the high nibble of byte 6, variant 10 in byte 8.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
