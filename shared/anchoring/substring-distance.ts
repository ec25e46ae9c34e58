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
  if (m <= 32) return bitParallelDistance(text, pattern)
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

// Reused across calls: the pattern's bit masks per code unit (one call at a time; JS is single-threaded).
const peq = new Map<number, number>()

/**
 * {@link substringEditDistance} for patterns of 1-32 code units, by Myers'
 * bit-vector algorithm (J. ACM 46(3), 1999): one 32-bit column of the same
 * dynamic programme per text unit instead of `pattern.length` cells, with the
 * score of the last row tracked as it goes. Quote contexts are 32 units, so
 * this is the path re-anchoring takes ~10⁵ times on a long edited article.
 */
function bitParallelDistance(text: string, pattern: string): number {
  const m = pattern.length
  peq.clear()
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i)
    peq.set(c, (peq.get(c) ?? 0) | (1 << i))
  }
  const last = 1 << (m - 1)
  // Pv/Mv: vertical +1/-1 deltas of the current column (all +1 at the start: D[i][0] = i).
  let pv = m === 32 ? -1 : (1 << m) - 1
  let mv = 0
  let score = m
  let best = m
  for (let j = 0; j < text.length; j++) {
    const eq = peq.get(text.charCodeAt(j)) ?? 0
    const xv = eq | mv
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq
    let ph = mv | ~(xh | pv)
    let mh = pv & xh
    if (ph & last) score++
    else if (mh & last) score--
    // No carry into row 0: a match may start anywhere in the text (D[0][j] = 0).
    ph <<= 1
    mh <<= 1
    pv = mh | ~(xv | ph)
    mv = ph & xv
    if (score < best) best = score
  }
  return best
}
