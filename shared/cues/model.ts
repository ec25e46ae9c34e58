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

/**
 * What an entry's match means beyond its kind, for weighing a sentence's cues
 * (see `explainStance`). Evidence: `date` and `figure` are details, which
 * cannot outweigh a prediction or a vague attribution; `quotation` (a direct
 * quotation with its speaker) and `source` (a named source, reported speech)
 * are support, and cues inside an attributed quotation are the speaker's,
 * not the author's. Hedges: `vague-attribution` (experts say, との見方が多い)
 * and `prediction` (by 2030, 来年, 今後). An entry without a signal weighs as
 * its kind: evidence as `source`, the others as themselves.
 */
export type CueSignal = 'date' | 'figure' | 'quotation' | 'source' | 'vague-attribution' | 'prediction'

/** The signals, in the order the lexicon documents them. */
export const CUE_SIGNALS: readonly CueSignal[] = ['date', 'figure', 'quotation', 'source', 'vague-attribution', 'prediction']

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
  /** How the match weighs (see {@link CueSignal}); absent for a plain cue of its kind. */
  signal?: CueSignal
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
  /** The entry's signal, when it has one. */
  signal?: CueSignal
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
   * As weighed by `explainStance`: `speculative` when the sentence hedges,
   * predicts, reports hearsay or attributes intent with no support counted,
   * or only asserts certainty; `evidenced` when it carries support and does
   * not speculate (or reports a forecast with its named source); null
   * otherwise (no cues, mixed signals, or a heading). `explanation.reason`
   * says which.
   */
  suggestion: Suggestion | null
  /** A booster with no evidence in the same sentence (never set on headings). */
  certaintyWithoutEvidence: boolean
  /** The reasons: every cue found in the sentence, in text order. */
  cues: FoundCue[]
  /** Which cues fired, how each was weighed and why the stance won (see `explainStance`). */
  explanation: StanceExplanation
}

/**
 * How a cue was weighed in its sentence:
 * - `hedge`, `intent`, `vague-attribution`, `prediction`: speculation;
 * - `booster`: asserted certainty (it never cancels a hedge);
 * - `support`: a named source, reported speech, or a quotation with its speaker;
 * - `detail`: a figure or a past date (support unless the sentence is a prediction or hearsay);
 * - `quoted`: inside an attributed quotation, so the speaker's words, not the author's.
 */
export type CueRole = 'hedge' | 'intent' | 'vague-attribution' | 'prediction' | 'booster' | 'support' | 'detail' | 'quoted'

/**
 * Why a cue's role differs from what its lexicon entry says, or why it did not count:
 * - `after-publication`: a date later than the article's own date, so a prediction;
 * - `deadline`: a date inside "by …", "until …", 〜までに, so part of a prediction;
 * - `before-publication`: a deadline-shaped date that lies before the article's date;
 * - `inside-quotation`: inside an attributed quotation;
 * - `part-of-attribution`: a source cue inside a vague attribution (関係者によると);
 * - `detail-in-prediction`: a figure or date inside a prediction or hearsay, which it cannot support.
 */
export type CueNote = 'after-publication' | 'deadline' | 'before-publication' | 'inside-quotation' | 'part-of-attribution' | 'detail-in-prediction'

/** A cue found in a sentence, with how it was weighed. */
export interface ExplainedCue extends FoundCue {
  role: CueRole
  /** Whether the cue took part in the decision. */
  counted: boolean
  note: CueNote | null
}

/**
 * Why the stance won:
 * - `heading`: headings get no suggestion;
 * - `no-cues`: nothing counted;
 * - `hedged`: speculation (hedge, intent, prediction or vague attribution) and no support → speculative,
 *   whether or not a booster is present;
 * - `certainty-without-support`: only a booster → speculative;
 * - `supported`: support or details and no speculation → evidenced;
 * - `attributed-forecast`: a prediction credited to a named source or speaker, nothing else speculative → evidenced;
 * - `mixed`: speculation and support in one sentence → no suggestion.
 */
export type StanceReason = 'heading' | 'no-cues' | 'hedged' | 'certainty-without-support' | 'supported' | 'attributed-forecast' | 'mixed'

/** The decision for one sentence, in a form people can read back. */
export interface StanceExplanation {
  reason: StanceReason
  /** Every cue found, in text order, with its role. */
  cues: ExplainedCue[]
}
