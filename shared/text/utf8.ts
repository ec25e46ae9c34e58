/**
 * UTF-8 by hand. shared/ runs in Node, the renderer and the CLI with only the
 * ES2023 library, so neither TextDecoder nor Buffer is assumed; these functions
 * behave identically everywhere.
 */

const BOM = 0xfeff
/** Flush decoded code units into a string every so often: String.fromCharCode takes a bounded argument list. */
const CHUNK = 8192
/** How many leading bytes {@link looksBinary} inspects for control characters. */
const BINARY_SAMPLE_BYTES = 64 * 1024
/** Share of disallowed control bytes above which a file counts as binary. */
const BINARY_CONTROL_SHARE = 0.1

/**
 * Decode `bytes` as strict UTF-8 (RFC 3629).
 *
 * Rejects truncated sequences, stray continuation bytes, overlong encodings,
 * UTF-16 surrogates (U+D800-U+DFFF) and code points above U+10FFFF. One leading
 * byte order mark is stripped. Returns the string, or `null` when the bytes are
 * not valid UTF-8 (an expected miss: the caller decides how to refuse).
 */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  const parts: string[] = []
  let units: number[] = []
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b0 = bytes[i]!
    let cp: number
    if (b0 < 0x80) {
      cp = b0
      i += 1
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      // 0xC0 and 0xC1 could only start overlong two-byte forms, so they are excluded above.
      if (i + 1 >= n) return null
      const b1 = bytes[i + 1]!
      if ((b1 & 0xc0) !== 0x80) return null
      cp = ((b0 & 0x1f) << 6) | (b1 & 0x3f)
      i += 2
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      if (i + 2 >= n) return null
      const b1 = bytes[i + 1]!
      const b2 = bytes[i + 2]!
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return null
      cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f)
      if (cp < 0x800) return null // overlong
      if (cp >= 0xd800 && cp <= 0xdfff) return null // encoded surrogate
      i += 3
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      if (i + 3 >= n) return null
      const b1 = bytes[i + 1]!
      const b2 = bytes[i + 2]!
      const b3 = bytes[i + 3]!
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) return null
      cp = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f)
      if (cp < 0x10000 || cp > 0x10ffff) return null // overlong or beyond Unicode
      i += 4
    } else {
      // A continuation byte where a lead byte belongs, or 0xC0/0xC1/0xF5-0xFF.
      return null
    }
    if (cp === BOM && i === 3) continue // leading byte order mark only
    if (cp >= 0x10000) {
      const v = cp - 0x10000
      units.push(0xd800 | (v >> 10), 0xdc00 | (v & 0x3ff))
    } else {
      units.push(cp)
    }
    if (units.length >= CHUNK) {
      parts.push(String.fromCharCode(...units))
      units = []
    }
  }
  if (units.length > 0) parts.push(String.fromCharCode(...units))
  return parts.join('')
}

/**
 * Encode `text` as UTF-8 bytes. A lone surrogate (not valid Unicode) is encoded
 * as U+FFFD, exactly as the WHATWG TextEncoder does, so hashes agree with
 * platform encoders. Never throws.
 */
export function encodeUtf8(text: string): Uint8Array {
  // Worst case three bytes per UTF-16 code unit (a surrogate pair is 4 bytes for 2 units).
  const out = new Uint8Array(text.length * 3)
  let o = 0
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i)
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00)
        i++
      } else {
        cp = 0xfffd
      }
    } else if (cp >= 0xdc00 && cp <= 0xdfff) {
      cp = 0xfffd
    }
    if (cp < 0x80) {
      out[o++] = cp
    } else if (cp < 0x800) {
      out[o++] = 0xc0 | (cp >> 6)
      out[o++] = 0x80 | (cp & 0x3f)
    } else if (cp < 0x10000) {
      out[o++] = 0xe0 | (cp >> 12)
      out[o++] = 0x80 | ((cp >> 6) & 0x3f)
      out[o++] = 0x80 | (cp & 0x3f)
    } else {
      out[o++] = 0xf0 | (cp >> 18)
      out[o++] = 0x80 | ((cp >> 12) & 0x3f)
      out[o++] = 0x80 | ((cp >> 6) & 0x3f)
      out[o++] = 0x80 | (cp & 0x3f)
    }
  }
  return out.slice(0, o)
}

/**
 * Heuristic: do these bytes look like a binary file rather than text?
 *
 * True when the bytes contain any NUL byte (text files never do; UTF-16 text
 * does, and is not accepted either), or when more than 10% of the first 64 KiB
 * are C0 control bytes other than tab, line feed, vertical tab, form feed,
 * carriage return and escape, or DEL. Bytes >= 0x80 are not judged here: that is
 * {@link decodeUtf8Strict}'s job. An empty input is not binary.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true
  const sample = Math.min(bytes.length, BINARY_SAMPLE_BYTES)
  if (sample === 0) return false
  let control = 0
  for (let i = 0; i < sample; i++) {
    const b = bytes[i]!
    const allowed = b === 0x09 || b === 0x0a || b === 0x0b || b === 0x0c || b === 0x0d || b === 0x1b
    if ((b < 0x20 && !allowed) || b === 0x7f) control++
  }
  return control / sample > BINARY_CONTROL_SHARE
}

/** True when `bytes` start with a UTF-16 byte order mark (either endianness). */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  const [a, b] = [bytes[0], bytes[1]]
  return (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)
}
