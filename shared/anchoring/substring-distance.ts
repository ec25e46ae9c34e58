/**
 * The fewest edits that turn `pattern` into some substring of `text`
 * (semi-global edit distance, in UTF-16 code units): what approx-string-match's
 * `search(text, pattern, pattern.length)[0].errors` reports, without locating
 * the match. Scoring a quote's prefix and suffix needs only this number, and
 * locating the match start (which the library does by a reversed search per
 * tied match end) was most of the cost of re-anchoring a quote that repeats
 * hundreds of times (docs/performance.md).
 */

/**
 * Semi-global edit distance of `pattern` against `text`: insertions, deletions
 * and substitutions, with the match free to start and end anywhere in `text`.
 * Equals `pattern.length` when `text` is empty and 0 when `pattern` is. Runs
 * in O(pattern.length × text.length) time with one row of memory, so it is
 * meant for short strings (quote contexts); never throws.
 */
export function substringEditDistance(text: string, pattern: string): number {
  const m = pattern.length
  const n = text.length
  if (m === 0) return 0
  if (n === 0) return m
  // row[j]: edits to turn pattern[0..i) into a substring of text ending at j.
  const row = new Uint32Array(n + 1)
  for (let i = 1; i <= m; i++) {
    const p = pattern.charCodeAt(i - 1)
    let diagonal = row[0]!
    row[0] = i
    for (let j = 1; j <= n; j++) {
      const above = row[j]!
      const substitute = diagonal + (text.charCodeAt(j - 1) === p ? 0 : 1)
      const left = row[j - 1]! + 1
      const up = above + 1
      row[j] = substitute < left ? (substitute < up ? substitute : up) : left < up ? left : up
      diagonal = above
    }
  }
  let best = m
  for (let j = 1; j <= n; j++) if (row[j]! < best) best = row[j]!
  return best
}
