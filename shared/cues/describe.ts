/**
 * A sentence's stance explanation in words, in the user's language: one line
 * saying why the stance won and one per cue saying what it counted as. The
 * CLI prints it; the suggestion card shows the same words.
 */
import { translate, type Locale } from '../i18n/catalog'
import type { ExplainedCue, StanceExplanation } from './model'

/** One cue of an explanation, in words. */
export interface ExplanationLine {
  /** The cue's text as found in the sentence. */
  text: string
  /** Id of the lexicon entry that matched. */
  cueId: string
  role: ExplainedCue['role']
  /** The role in words ("vague attribution", 「あいまいな伝聞」). */
  roleWords: string
  /** Why the role differs from the entry's kind, or why it did not count; null when neither. */
  noteWords: string | null
  counted: boolean
}

/** {@link describeExplanation}'s result. */
export interface ExplanationWords {
  /** Why the stance won, as a sentence. */
  summary: string
  /** Added when a booster sat beside a hedge: it did not cancel it. */
  boosterNote: string | null
  cues: ExplanationLine[]
}

/**
 * `explanation` in words of `locale` (messages from shared/i18n, keys
 * `suggest.why.*`).
 *
 * @throws RangeError when the catalog lacks a message (a bug: the catalog test checks every key).
 */
export function describeExplanation(explanation: StanceExplanation, locale: Locale): ExplanationWords {
  const cues = explanation.cues.map((c): ExplanationLine => {
    const notes = [c.note ? translate(locale, `suggest.why.note.${c.note}`) : null, c.counted ? null : translate(locale, 'suggest.why.notCounted')]
    const noteWords = notes.filter((n): n is string => n !== null).join(locale === 'ja' ? '、' : ', ')
    return {
      text: c.text,
      cueId: c.cueId,
      role: c.role,
      roleWords: translate(locale, `suggest.why.role.${c.role}`),
      noteWords: noteWords || null,
      counted: c.counted,
    }
  })
  const boosterBesideHedge = explanation.reason === 'hedged' && explanation.cues.some((c) => c.counted && c.role === 'booster')
  return {
    summary: translate(locale, `suggest.why.reason.${explanation.reason}`),
    boosterNote: boosterBesideHedge ? translate(locale, 'suggest.why.boosterKeepsHedge') : null,
    cues,
  }
}
