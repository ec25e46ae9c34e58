/**
 * The claim finder's analyser: splits an article's canonical text into
 * sentences and suggests, from the lexicon's cues, which read as speculative
 * and which as evidenced. Pure; the lexicon is a parameter so a user's added
 * and removed cues apply.
 */
import { looksLikeHeading } from '../article/import-text'
import { blockOffsets, canonicalText, type ArticleBlock } from '../article/model'
import { splitSentences, type TextRange } from '../text/sentences'
import { findCues } from './find-cues'
import { cueRegExp } from './lexicon'
import type { CueLanguage, Lexicon, SentenceSuggestion } from './model'
import { explainStance } from './stance'

/** Options of {@link analyse}. */
export interface AnalyseOptions {
  /**
   * The article's blocks, when known: sentences of heading blocks get no
   * suggestion. Without them, a block that {@link looksLikeHeading} (a short
   * single line with no sentence-ending punctuation) counts as a heading.
   */
  blocks?: readonly Pick<ArticleBlock, 'type' | 'text'>[]
  /** Apply only the entries of these languages (default: all entries). */
  languages?: readonly CueLanguage[]
  /**
   * The article's own date (YYYY-MM-DD): a date after it is a prediction,
   * not evidence. Without it, only the wording (by 2030, 〜までに) marks one.
   */
  publishedOn?: string | null
}

// Kana or a CJK ideograph: the sentence is Japanese. English sentences in a
// Japanese article (and the reverse) get their own language's rules.
const JAPANESE_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u

/**
 * The language whose rules apply to `sentence`: Japanese when it has any
 * kana or kanji, else English. So an English percentage never fires a
 * Japanese rule (rule ids begin with their language).
 */
export function sentenceLanguage(sentence: string): CueLanguage {
  return JAPANESE_SCRIPT.test(sentence) ? 'ja' : 'en'
}

/**
 * Analyse `text` (an article's canonical text: blocks joined by "\n\n") with
 * `lexicon`. Returns one entry per sentence (see `splitSentences`), in
 * document order, each with its cues and suggestion; offsets are UTF-16
 * indices into `text`. Headings are their own sentence and get a null
 * suggestion (their cues are still listed).
 *
 * Each sentence's stance and its explanation come from `explainStance`.
 *
 * @throws RangeError when `options.blocks` is given but its canonical text is
 *   not `text`, or `options.publishedOn` is not a YYYY-MM-DD date.
 * @throws InvalidCueError when a lexicon entry's pattern does not compile.
 */
export function analyse(text: string, lexicon: Lexicon, options: AnalyseOptions = {}): SentenceSuggestion[] {
  const languages = options.languages
  const entries = languages ? lexicon.filter((e) => languages.includes(e.language)) : lexicon
  // Compile everything first, so a broken user cue fails before any work is done.
  for (const entry of entries) cueRegExp(entry)
  const byLanguage: Record<CueLanguage, Lexicon> = {
    ja: entries.filter((e) => e.language === 'ja'),
    en: entries.filter((e) => e.language === 'en'),
  }
  const headings = headingRanges(text, options.blocks)
  return splitSentences(text).map(({ start, end }) => {
    const sentence = text.slice(start, end)
    const cues = findCues(sentence, byLanguage[sentenceLanguage(sentence)], start)
    const heading = headings.some((h) => h.start <= start && end <= h.end)
    const decision = explainStance(cues, { sentence, sentenceStart: start, publishedOn: options.publishedOn ?? null, heading })
    return { start, end, text: sentence, cues, ...decision }
  })
}

/** Ranges of the heading blocks of `text`: from `blocks` when given, else by the plain-text heading rule. */
function headingRanges(text: string, blocks: AnalyseOptions['blocks']): TextRange[] {
  if (blocks) {
    if (canonicalText(blocks as ArticleBlock[]) !== text) {
      throw new RangeError('analyse: options.blocks do not make up the analysed text')
    }
    const offsets = blockOffsets(blocks)
    return blocks.flatMap((b, i) => (b.type === 'heading' ? [{ start: offsets[i]!, end: offsets[i]! + b.text.length }] : []))
  }
  const ranges: TextRange[] = []
  const separator = /\n[^\S\n]*\n\s*/gu
  let from = 0
  const consider = (to: number): void => {
    const block = text.slice(from, to)
    const trimmed = block.trim()
    if (looksLikeHeading(trimmed)) ranges.push({ start: from, end: to })
  }
  for (const m of text.matchAll(separator)) {
    consider(m.index)
    from = m.index + m[0].length
  }
  consider(text.length)
  return ranges
}
