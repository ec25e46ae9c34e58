/**
 * Code points ↔ UTF-16 code units. The app keeps every offset in UTF-16 code
 * units (what JavaScript strings index), but the W3C Web Annotation model
 * (§4.2.4, applied to TextPositionSelector in §4.2.5) counts Unicode code
 * points, and every "character" figure the app reports (character κ, span
 * overlap) counts code points too, so that an emoji or 𠮷 is one character,
 * as a reader sees it. A surrogate pair is one code point; a lone surrogate
 * counts as one code point on its own, as `Array.from` does.
 *
 * {@link CodePointIndex} is built once per text in one pass, then converts
 * any offset in O(log a) for a astral (outside the BMP) characters, and in
 * O(1) when the text has none, which is the usual case for news text.
 */
import { isHighSurrogate, isLowSurrogate } from './text-units'

/** Number of code points in `text` (a surrogate pair counts once). Never throws. */
export function countCodePoints(text: string): number {
  let pairs = 0
  for (let i = 0; i + 1 < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      pairs += 1
      i += 1
    }
  }
  return text.length - pairs
}

/** Offsets of one text in both units; see the module comment. */
export class CodePointIndex {
  /** Length of the text in UTF-16 code units. */
  readonly unitLength: number
  /** Length of the text in code points. */
  readonly length: number
  // UTF-16 offset of the high surrogate of each well-formed pair, ascending.
  private readonly pairs: Int32Array

  /** Index `text` (one pass over it). Never throws. */
  constructor(text: string) {
    const found: number[] = []
    // A regular expression skips the BMP runs natively: a text without astral
    // characters costs one scan and no allocation per character.
    const pair = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g
    for (let m = pair.exec(text); m !== null; m = pair.exec(text)) found.push(m.index)
    this.pairs = Int32Array.from(found)
    this.unitLength = text.length
    this.length = text.length - found.length
  }

  /** True when the text has at least one character outside the BMP (the two units differ). */
  get hasAstral(): boolean {
    return this.pairs.length > 0
  }

  /**
   * The code-point offset of UTF-16 offset `unit`. An offset inside a pair
   * counts the character it cuts as before it (never a fraction of one).
   *
   * @throws RangeError naming the value unless it is an integer in `0..unitLength`.
   */
  toCodePoints(unit: number): number {
    if (!Number.isInteger(unit) || unit < 0 || unit > this.unitLength) {
      throw new RangeError(`CodePointIndex.toCodePoints: offset ${String(unit)} is outside 0..${this.unitLength}`)
    }
    // Pairs wholly before `unit`: those whose high surrogate is at or before unit - 2.
    return unit - this.countBelow(unit - 1)
  }

  /**
   * The UTF-16 offset of code-point offset `point`, or null when it lies past
   * the end of the text or is not a non-negative integer (an expected miss for
   * offsets read from a file).
   */
  fromCodePoints(point: number): number | null {
    if (!Number.isInteger(point) || point < 0 || point > this.length) return null
    // Pair i sits at code point pairs[i] - i; every pair before `point` adds one unit.
    let lo = 0
    let hi = this.pairs.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.pairs[mid]! - mid < point) lo = mid + 1
      else hi = mid
    }
    return point + lo
  }

  // Number of pairs whose high surrogate lies strictly below `unit`.
  private countBelow(unit: number): number {
    let lo = 0
    let hi = this.pairs.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.pairs[mid]! < unit) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
