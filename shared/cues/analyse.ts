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
import type { CueLanguage, FoundCue, Lexicon, SentenceSuggestion, Suggestion } from './model'

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
}

/**
 * The suggestion for a sentence with `cues`: speculative when it has a hedge,
 * attributed intent or booster and no evidence; evidenced when it has
 * evidence and no hedge; otherwise null. Also whether it asserts certainty
 * (a booster) without evidence.
 */
export function suggestFromCues(cues: readonly Pick<FoundCue, 'kind'>[]): {
  suggestion: Suggestion | null
  certaintyWithoutEvidence: boolean
} {
  const has = (kind: FoundCue['kind']): boolean => cues.some((c) => c.kind === kind)
  const evidence = has('evidence')
  const hedge = has('hedge')
  const booster = has('booster')
  let suggestion: Suggestion | null = null
  if ((hedge || booster || has('intent')) && !evidence) suggestion = 'speculative'
  else if (evidence && !hedge) suggestion = 'evidenced'
  return { suggestion, certaintyWithoutEvidence: booster && !evidence }
}

/**
 * Analyse `text` (an article's canonical text: blocks joined by "\n\n") with
 * `lexicon`. Returns one entry per sentence (see `splitSentences`), in
 * document order, each with its cues and suggestion; offsets are UTF-16
 * indices into `text`. Headings are their own sentence and get a null
 * suggestion (their cues are still listed).
 *
 * @throws RangeError when `options.blocks` is given but its canonical text is not `text`.
 * @throws InvalidCueError when a lexicon entry's pattern does not compile.
 */
export function analyse(text: string, lexicon: Lexicon, options: AnalyseOptions = {}): SentenceSuggestion[] {
  const languages = options.languages
  const entries = languages ? lexicon.filter((e) => languages.includes(e.language)) : lexicon
  // Compile everything first, so a broken user cue fails before any work is done.
  for (const entry of entries) cueRegExp(entry)
  const headings = headingRanges(text, options.blocks)
  return splitSentences(text).map(({ start, end }) => {
    const sentence = text.slice(start, end)
    const cues = findCues(sentence, entries, start)
    const heading = headings.some((h) => h.start <= start && end <= h.end)
    const { suggestion, certaintyWithoutEvidence } = heading
      ? { suggestion: null, certaintyWithoutEvidence: false }
      : suggestFromCues(cues)
    return { start, end, text: sentence, suggestion, certaintyWithoutEvidence, cues }
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
