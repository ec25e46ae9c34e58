/**
 * Sentence segmentation of an article's canonical text, for Japanese and
 * English prose. Used by the claim finder (`shared/cues`) and by the reader's
 * "Whole sentence" command.
 *
 * Rules, in order of precedence:
 * - A run of whitespace holding two or more line breaks (the block separator
 *   `"\n\n"`) always ends a sentence; a sentence never crosses blocks, so a
 *   heading block is a sentence of its own.
 * - Inside a matched bracket pair (「」 『』 （） 【】 〈〉 《》 ()), nothing ends a
 *   sentence: a quoted 「…。…。」 stays inside the sentence that quotes it. A
 *   pair whose content ends in a full stop stands as a sentence of its own
 *   unless a quotative particle (と, って, という…) follows it.
 * - Japanese 。 ！ ？ ． (and full stops followed by closing brackets and quotes,
 *   which stay with their sentence) end a sentence wherever they stand.
 * - English . ! ? end a sentence when followed by whitespace and then an
 *   upper-case letter, a digit, an opening quote or bracket, or a Japanese
 *   character, or by the end of the block — except after a title (Mr., Dr.),
 *   a single initial (J.), or a listed abbreviation (e.g., etc.), and after a
 *   dotted acronym or month (U.S., Aug.) unless a typical sentence opener
 *   follows (The, But, It…). Decimals such as 3.5 never split (no space).
 *
 * All offsets are UTF-16 code unit indices into the given string.
 */
// Not Intl.Segmenter: it splits inside 「…。…。」 quotes and after "Mr." and "Aug.", which these rules exist to avoid.

/** A half-open range `[start, end)` of UTF-16 offsets. */
export interface TextRange {
  start: number
  end: number
}

const OPENERS: Record<string, string> = {
  '「': '」',
  '『': '』',
  '（': '）',
  '【': '】',
  '〈': '〉',
  '《': '》',
  '(': ')',
}
const CLOSERS = new Set(Object.values(OPENERS))

/** Japanese sentence-final marks: end a sentence with no space after. */
const JA_TERMINALS = new Set(['。', '！', '？', '．', '｡'])
/** English sentence-final marks: end a sentence only before a space and a likely sentence start. */
const EN_TERMINALS = new Set(['.', '!', '?', '…'])
/** After a closing 」: a particle that makes the quotation part of the running sentence. */
const QUOTATIVE = /^(?:と|って|など|、|，|。|との|という|の)/u
/** Trailing closers that belong to the sentence they follow. */
const TRAILING_CLOSERS = new Set(['」', '』', '）', '】', '〉', '》', ')', '"', "'", '”', '’', ']'])

// Titles before a name and Latin connectives: the period never ends a sentence.
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'gov', 'sen', 'rep', 'lt', 'col', 'capt', 'sgt', 'rev',
  'hon', 'pres', 'messrs', 'mme', 'vs', 'cf', 'e.g', 'i.e', 'viz',
])
// Abbreviations that stand before a number ("No. 5", "p. 12").
const BEFORE_NUMBER = new Set(['no', 'nos', 'p', 'pp', 'vol', 'fig', 'ca', 'approx', 'art', 'sec', 'ch'])
// Abbreviations that may also close a sentence: split only before a typical sentence opener.
const MAYBE_FINAL = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'a.m', 'p.m',
  'inc', 'ltd', 'co', 'corp', 'etc', 'al', 'dept', 'jr', 'sr', 'st', 'mt', 'est',
])
const SENTENCE_OPENERS = new Set([
  'The', 'A', 'An', 'It', 'He', 'She', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those',
  'But', 'And', 'Or', 'So', 'Yet', 'Still', 'However', 'Meanwhile', 'In', 'On', 'At', 'For', 'As',
  'If', 'When', 'While', 'There', 'Its', 'His', 'Her', 'Their', 'Our', 'What', 'Why', 'How', 'Nor',
])

const isSpace = (ch: string): boolean => /\s/u.test(ch)
const isJapanese = (ch: string): boolean => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]/u.test(ch)

/**
 * Pair brackets within `[from, to)`: returns, for each opener that has a
 * matching closer, the closer's index. Unmatched openers are left out, so a
 * stray 「 cannot swallow the rest of a block.
 */
function matchBrackets(text: string, from: number, to: number): Map<number, number> {
  const pairs = new Map<number, number>()
  const stack: { at: number; closer: string }[] = []
  for (let i = from; i < to; i++) {
    const ch = text[i]!
    const closer = OPENERS[ch]
    if (closer !== undefined) {
      stack.push({ at: i, closer })
      continue
    }
    if (!CLOSERS.has(ch)) continue
    // Pop back to the nearest opener of this kind; openers above it were never closed.
    for (let k = stack.length - 1; k >= 0; k--) {
      if (stack[k]!.closer === ch) {
        pairs.set(stack[k]!.at, i)
        stack.length = k
        break
      }
    }
  }
  return pairs
}

/** The word (letters and inner dots) ending just before `dot`, e.g. "U.S" or "Mr". */
function wordBefore(text: string, dot: number, from: number): string {
  let i = dot
  while (i > from && /[\p{L}\p{N}.]/u.test(text[i - 1]!)) i--
  return text.slice(i, dot).replace(/^\.+/, '')
}

/** The word starting at `at` (letters only). */
function wordAt(text: string, at: number): string {
  const m = /^\p{L}+/u.exec(text.slice(at, at + 40))
  return m ? m[0] : ''
}

/** Whether an English terminal at `at` (with closers up to `after`) ends the sentence. */
function englishBreak(text: string, at: number, after: number, from: number, to: number): boolean {
  if (after >= to) return true
  if (!isSpace(text[after]!)) return false
  let next = after
  while (next < to && isSpace(text[next]!)) next++
  if (next >= to) return true
  const nextChar = text[next]!
  const startsSentence =
    /[\p{Lu}\p{N}"“‘'([「『（]/u.test(nextChar) || isJapanese(nextChar)
  if (!startsSentence) return false
  if (text[at] !== '.') return true
  const word = wordBefore(text, at, from)
  const lower = word.toLowerCase()
  if (TITLES.has(lower)) return false
  if (BEFORE_NUMBER.has(lower) && /\p{N}/u.test(nextChar)) return false
  // A lone initial such as the "J." of "J. Smith".
  if (/^\p{Lu}$/u.test(word)) return false
  if (MAYBE_FINAL.has(lower) || /^(\p{L}\.)+\p{L}$/u.test(word)) {
    return SENTENCE_OPENERS.has(wordAt(text, next))
  }
  return true
}

/** Split one block `[from, to)` (no blank lines inside) into trimmed sentence ranges. */
function splitBlock(text: string, from: number, to: number, out: TextRange[]): void {
  const pairs = matchBrackets(text, from, to)
  let start = from
  const emit = (end: number): void => {
    let s = start
    let e = end
    while (s < e && isSpace(text[s]!)) s++
    while (e > s && isSpace(text[e - 1]!)) e--
    if (e > s) out.push({ start: s, end: e })
    start = end
  }
  let i = from
  while (i < to) {
    const ch = text[i]!
    const close = pairs.get(i)
    if (close !== undefined) {
      const open = i
      i = close + 1
      // A quotation or parenthesis that itself ends a sentence stands alone,
      // unless a quotative particle ties it to what follows (「…。」と述べた).
      const last = text[close - 1]!
      if (close > open + 1 && JA_TERMINALS.has(last) && !QUOTATIVE.test(text.slice(i, i + 3))) {
        while (i < to && TRAILING_CLOSERS.has(text[i]!)) i++
        emit(i)
      } else if (close > open + 1 && EN_TERMINALS.has(last) && englishBreak(text, close - 1, i, from, to)) {
        emit(i)
      }
      continue
    }
    if (!JA_TERMINALS.has(ch) && !EN_TERMINALS.has(ch)) {
      i++
      continue
    }
    // Runs like "?!" or "..." act as one mark; closing quotes and brackets stay with it.
    let after = i + 1
    let japanese = JA_TERMINALS.has(ch)
    while (after < to && (JA_TERMINALS.has(text[after]!) || EN_TERMINALS.has(text[after]!))) {
      japanese ||= JA_TERMINALS.has(text[after]!)
      after++
    }
    while (after < to && TRAILING_CLOSERS.has(text[after]!)) after++
    if (japanese || englishBreak(text, i, after, from, to)) emit(after)
    i = after
  }
  emit(to)
}

/**
 * Split `text` into sentences. Returns trimmed ranges in document order that
 * together cover every non-whitespace character exactly once; whitespace
 * between sentences belongs to none. Never throws; an empty or blank text
 * yields `[]`.
 */
export function splitSentences(text: string): TextRange[] {
  const out: TextRange[] = []
  // Leading whitespace stays with the previous block and is trimmed there; this
  // shape keeps the scan linear on long runs of spaces.
  const blockBreak = /\n[^\S\n]*\n\s*/gu
  let from = 0
  for (const m of text.matchAll(blockBreak)) {
    splitBlock(text, from, m.index, out)
    from = m.index + m[0].length
  }
  splitBlock(text, from, text.length, out)
  return out
}

/**
 * Grow the selection `[start, end)` to whole sentences: the result runs from
 * the start of the first sentence the selection touches to the end of the
 * last. A collapsed selection (start === end) grows to the sentence holding
 * the caret, preferring the sentence that starts there over one that ends
 * there. When the selection touches no sentence (only whitespace), it is
 * returned unchanged.
 *
 * @throws RangeError when the offsets are not integers with
 *   `0 <= start <= end <= text.length`.
 */
export function sentenceRangeAround(text: string, start: number, end: number): TextRange {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`Bad selection [${start}, ${end}) for a text of length ${text.length}`)
  }
  const sentences = splitSentences(text)
  if (start === end) {
    const inside = sentences.find((s) => s.start <= start && start < s.end) ?? sentences.find((s) => s.end === start)
    return inside ? { start: inside.start, end: inside.end } : { start, end }
  }
  const touched = sentences.filter((s) => s.start < end && start < s.end)
  const first = touched[0]
  const last = touched[touched.length - 1]
  if (!first || !last) return { start, end }
  return { start: Math.min(first.start, start), end: Math.max(last.end, end) }
}
