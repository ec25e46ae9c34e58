/**
 * UTF-16 helpers shared by the anchoring and claim code. Offsets everywhere in
 * the app are UTF-16 code units (what JavaScript strings and the W3C selectors
 * use), so a boundary can land between the two halves of a surrogate pair
 * (an emoji, a rare kanji). These helpers keep boundaries on whole characters.
 */

/** True for a UTF-16 high (leading) surrogate code unit. */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/** True for a UTF-16 low (trailing) surrogate code unit. */
export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * True when `offset` falls between the two halves of a surrogate pair in `text`.
 * Offsets at 0, at `text.length` or outside the text are never splits.
 */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset))
}

/**
 * Widen `[start, end)` so that neither edge splits a surrogate pair: a start
 * inside a pair moves back one unit, an end inside a pair moves forward one.
 * Never fails; offsets outside the text are returned unchanged.
 */
export function widenToWholeCharacters(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  return {
    start: splitsSurrogatePair(text, start) ? start - 1 : start,
    end: splitsSurrogatePair(text, end) ? end + 1 : end,
  }
}

/**
 * Throw a RangeError naming the bad values unless `0 <= start <= end <= length`
 * with integer offsets. `what` names the caller in the message.
 */
export function assertRange(what: string, length: number, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
    throw new RangeError(
      `${what}: invalid range start=${String(start)} end=${String(end)} for a text of length ${length}`,
    )
  }
}
