/**
 * Types of the claim finder: a lexicon of cue entries (data, see
 * `lexicon.json`) and the per-sentence suggestions the analyser derives from
 * the cues it finds.
 */

/**
 * What a cue signals:
 * - `hedge`: speculation (だろう, may, likely);
 * - `intent`: a claim about what someone wants or thinks (狙い, aims to);
 * - `booster`: asserted certainty (間違いない, clearly);
 * - `evidence`: support given in the sentence (figures, dates, quotations with a speaker, sources).
 */
export type CueKind = 'hedge' | 'intent' | 'booster' | 'evidence'

/** The cue kinds, in the order reports list them. */
export const CUE_KINDS: readonly CueKind[] = ['hedge', 'intent', 'booster', 'evidence']

/** Languages the lexicon covers. */
export type CueLanguage = 'ja' | 'en'

/** The cue languages. */
export const CUE_LANGUAGES: readonly CueLanguage[] = ['ja', 'en']

/** One lexicon entry. */
export interface CueEntry {
  /** Stable id, unique within a lexicon; users remove cues by id. */
  id: string
  language: CueLanguage
  kind: CueKind
  /**
   * How `pattern` is read. `literal`: the exact text, case-insensitive, with a
   * word boundary required where it begins or ends with an ASCII letter or
   * digit. `regex`: a JavaScript regular expression compiled with the `u`
   * flag, plus `i` unless `caseSensitive`.
   */
  match: 'literal' | 'regex'
  pattern: string
  /** Match case exactly (default false). */
  caseSensitive?: boolean
  /** A sentence the pattern matches; checked when the entry is validated. */
  example: string
  /** Why the pattern is shaped as it is (false positives it avoids). */
  note?: string
}

/** A lexicon: the cue entries the analyser applies, in any order. */
export type Lexicon = readonly CueEntry[]

/** A cue found in the text. Offsets are UTF-16 indices into the analysed text. */
export interface FoundCue {
  kind: CueKind
  /** The matched text, equal to `text.slice(start, end)` of the analysed text. */
  text: string
  start: number
  end: number
  /** Id of the lexicon entry that matched. */
  cueId: string
}

/** What the analyser suggests tagging a sentence as. */
export type Suggestion = 'speculative' | 'evidenced'

/** One sentence of the analysed text with its suggestion and the cues behind it. */
export interface SentenceSuggestion {
  /** UTF-16 offsets of the trimmed sentence in the analysed text. */
  start: number
  end: number
  text: string
  /**
   * `speculative`: a hedge, attributed intent or booster and no evidence;
   * `evidenced`: evidence and no hedge; null otherwise (no cues, mixed
   * signals, or a heading).
   */
  suggestion: Suggestion | null
  /** A booster with no evidence in the same sentence (never set on headings). */
  certaintyWithoutEvidence: boolean
  /** The reasons: every cue found in the sentence, in text order. */
  cues: FoundCue[]
}
