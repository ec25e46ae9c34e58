/**
 * Parsing untrusted annotation files: the size and nesting limits are checked
 * on the raw text before `JSON.parse` runs, so a huge or pathologically deep
 * file is refused quickly and nothing recurses over it.
 */
import { ImportRefusedError } from '../errors'

/** Largest annotation file accepted, in UTF-8 bytes (the bridge carries up to the same). */
export const MAX_ANNOTATION_FILE_BYTES = 50 * 1024 * 1024

/** Deepest nesting of JSON arrays and objects accepted (real files need about 8). */
export const MAX_JSON_DEPTH = 64

/** UTF-8 byte length of `text` without encoding it (lone surrogates count 3, as U+FFFD). */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/**
 * Deepest bracket nesting in `text`, counting `[` and `{` outside JSON
 * strings, stopping as soon as it exceeds `limit` (then returns limit + 1).
 * Linear, no recursion; malformed JSON is scanned as far as it goes.
 */
export function jsonNestingDepth(text: string, limit: number = MAX_JSON_DEPTH): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) {
      inString = true
    } else if (c === 0x5b || c === 0x7b) {
      depth++
      if (depth > deepest) {
        deepest = depth
        if (deepest > limit) return limit + 1
      }
    } else if (c === 0x5d || c === 0x7d) {
      depth--
    }
  }
  return deepest
}

/**
 * Parse an annotation file's text as JSON, within the limits above.
 *
 * @throws ImportRefusedError `too-large` when the text is over
 *   {@link MAX_ANNOTATION_FILE_BYTES} UTF-8 bytes, `too-deep` when arrays and
 *   objects nest deeper than {@link MAX_JSON_DEPTH}, `not-json` when the text
 *   is not JSON (the parser's complaint is included).
 */
export function parseJsonGuarded(text: string, fileName: string): unknown {
  // Length in UTF-16 units never exceeds the UTF-8 byte count: check it first, for free.
  if (text.length > MAX_ANNOTATION_FILE_BYTES || utf8ByteLength(text) > MAX_ANNOTATION_FILE_BYTES) {
    throw new ImportRefusedError(
      'too-large',
      `"${fileName}" is larger than ${MAX_ANNOTATION_FILE_BYTES / (1024 * 1024)} MB, the most an annotation file may be.`,
      { fileName },
    )
  }
  if (jsonNestingDepth(text) > MAX_JSON_DEPTH) {
    throw new ImportRefusedError(
      'too-deep',
      `"${fileName}" nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep; no annotation file does, so it was refused.`,
      { fileName },
    )
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : ''
    throw new ImportRefusedError('not-json', `"${fileName}" is not valid JSON${detail}.`, { fileName, cause: error })
  }
}
