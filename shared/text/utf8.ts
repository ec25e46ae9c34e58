/**
 * UTF-8 through the platform: the WHATWG TextEncoder and TextDecoder exist in
 * Node, every browser and Electron, where shared/ runs. Plus the two checks
 * the importers make before decoding (binary content, UTF-16 byte order mark).
 */

/** How many leading bytes {@link looksBinary} inspects for control characters. */
const BINARY_SAMPLE_BYTES = 64 * 1024
/** Share of disallowed control bytes above which a file counts as binary. */
const BINARY_CONTROL_SHARE = 0.1

// shared/ is compiled without the DOM lib or Node types, so the two WHATWG
// encoding classes are described here by just the members this module uses.
interface EncodingGlobals {
  TextDecoder: new (label: 'utf-8', options: { fatal: boolean; ignoreBOM: boolean }) => { decode(bytes: Uint8Array): string }
  TextEncoder: new () => { encode(text: string): Uint8Array }
}
const platform = globalThis as unknown as EncodingGlobals
// fatal: a malformed sequence throws instead of becoming U+FFFD; ignoreBOM
// false: one leading byte order mark is stripped.
const strictDecoder = new platform.TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
const encoder = new platform.TextEncoder()

/**
 * Decode `bytes` as strict UTF-8 (the WHATWG decoder with `fatal: true`).
 *
 * Rejects truncated sequences, stray continuation bytes, overlong encodings,
 * UTF-16 surrogates (U+D800-U+DFFF) and code points above U+10FFFF. One leading
 * byte order mark is stripped. Returns the string, or `null` when the bytes are
 * not valid UTF-8 (an expected miss: the caller decides how to refuse).
 */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes)
  } catch {
    return null
  }
}

/**
 * Encode `text` as UTF-8 bytes (the WHATWG encoder: a lone surrogate, which is
 * not valid Unicode, becomes U+FFFD). Never throws.
 */
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text)
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
