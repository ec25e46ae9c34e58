/**
 * Weighing one sentence's cues into a stance, with the reasons kept: which
 * cues fired, what each counted as, and why the stance won. Pure; the
 * analyser calls it for every sentence, and the CLI and the suggestion card
 * show what it returns.
 */
import { isAfter, isBefore, parsePublicationDate, readDate, type PartialDate } from './dates'
import type { CueRole, ExplainedCue, FoundCue, StanceExplanation, Suggestion } from './model'

/** What {@link explainStance} needs besides the cues. */
export interface StanceContext {
  /** The sentence's text. */
  sentence: string
  /** Offset of the sentence in the analysed text (cue offsets are relative to the analysed text). */
  sentenceStart: number
  /** The article's own date (YYYY-MM-DD); without it, dates are judged by their wording only. */
  publishedOn?: string | null
  /** Headings get no suggestion. */
  heading?: boolean
}

/** The decision for a sentence: its suggestion, the certainty flag and the explanation. */
export interface StanceDecision {
  suggestion: Suggestion | null
  /** A booster and nothing counted as support. */
  certaintyWithoutEvidence: boolean
  explanation: StanceExplanation
}

const SPECULATION: readonly CueRole[] = ['hedge', 'intent', 'vague-attribution', 'prediction']

/** The role a cue has by its lexicon entry alone. */
function baseRole(cue: FoundCue): CueRole {
  if (cue.kind === 'evidence') return cue.signal === 'date' || cue.signal === 'figure' ? 'detail' : 'support'
  if (cue.kind === 'hedge' && (cue.signal === 'vague-attribution' || cue.signal === 'prediction')) return cue.signal
  return cue.kind
}

/** Ranges (absolute offsets) of the quoted words inside each attributed quotation cue. */
function quotedRanges(cues: readonly FoundCue[]): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = []
  for (const cue of cues) {
    if (cue.kind !== 'evidence' || cue.signal !== 'quotation') continue
    for (const m of cue.text.matchAll(/「[^」]*」|『[^』]*』|“[^”]*”|"[^"]*"/gu)) {
      ranges.push({ start: cue.start + m.index + 1, end: cue.start + m.index + m[0].length - 1 })
    }
  }
  return ranges
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end
const inside = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => b.start <= a.start && a.end <= b.end

/**
 * Weigh `cues` (found in one sentence, in text order) into a stance:
 *
 * 1. A cue inside an attributed quotation is the speaker's (`quoted`) and
 *    does not count; the quotation itself is support.
 * 2. A date later than the article's date is a `prediction`; a date inside a
 *    deadline ("by 2030", 〜までに) is part of that prediction, unless the
 *    deadline lies before the article's date (then it is a past date).
 * 3. A source cue inside a vague attribution (関係者によると) is part of it.
 * 4. In a sentence that predicts or reports hearsay, figures and dates are
 *    details of the claim, not support for it (`detail-in-prediction`).
 * 5. A prediction credited to a named source or speaker, with no other
 *    speculation → evidenced (`attributed-forecast`): the report is the fact.
 * 6. Speculation (hedge, intent, prediction, vague attribution) with no
 *    support left → speculative (`hedged`), boosters or not: a booster never
 *    cancels a hedge. Speculation and support → no suggestion (`mixed`).
 *    Support alone → evidenced (`supported`). A booster alone → speculative
 *    (`certainty-without-support`).
 *
 * @throws RangeError when `context.publishedOn` is given but is not a YYYY-MM-DD date.
 */
export function explainStance(cues: readonly FoundCue[], context: StanceContext): StanceDecision {
  const published: PartialDate | null = context.publishedOn ? parsePublicationDate(context.publishedOn) : null
  const quoted = quotedRanges(cues)
  const before = (cue: FoundCue): string => context.sentence.slice(0, cue.start - context.sentenceStart)
  const explained: ExplainedCue[] = cues.map((cue) => ({ ...cue, role: baseRole(cue), counted: true, note: null }))

  // Deadlines first: one that lies before the article's date is a past date, not a prediction.
  for (const cue of explained) {
    if (cue.role !== 'prediction' || !published || !/[0-9０-９]/.test(cue.text)) continue
    const date = readDate(cue.text, before(cue), published)
    if (date && isBefore(date, published)) Object.assign(cue, { role: 'detail', note: 'before-publication' })
  }
  const deadlines = explained.filter((c) => c.role === 'prediction')
  const attributions = explained.filter((c) => c.role === 'vague-attribution')
  for (const cue of explained) {
    const quotation = cue.kind === 'evidence' && cue.signal === 'quotation'
    if (!quotation && quoted.some((q) => inside(cue, q))) {
      Object.assign(cue, { role: 'quoted', counted: false, note: 'inside-quotation' })
    } else if (cue.signal === 'date' && deadlines.some((d) => overlaps(d, cue))) {
      Object.assign(cue, { role: 'prediction', counted: false, note: 'deadline' })
    } else if (cue.signal === 'date' && published) {
      const date = readDate(cue.text, before(cue), published)
      if (date && isAfter(date, published)) Object.assign(cue, { role: 'prediction', note: 'after-publication' })
    } else if (cue.role === 'support' && attributions.some((a) => overlaps(a, cue))) {
      Object.assign(cue, { counted: false, note: 'part-of-attribution' })
    }
  }
  const counted = (role: CueRole): boolean => explained.some((c) => c.counted && c.role === role)
  if (counted('prediction') || counted('vague-attribution')) {
    for (const cue of explained) if (cue.counted && cue.role === 'detail') Object.assign(cue, { counted: false, note: 'detail-in-prediction' })
  }

  const speculation = SPECULATION.some(counted)
  const support = counted('support') || counted('detail')
  // A forecast credited to a named source (the city's estimate, a company's
  // announced plan) is reported, checkable fact: the report is the support.
  const attributedForecast = counted('prediction') && counted('support') && !SPECULATION.some((r) => r !== 'prediction' && counted(r))
  const booster = counted('booster')
  let reason: StanceExplanation['reason']
  let suggestion: Suggestion | null = null
  if (context.heading) reason = 'heading'
  else if (attributedForecast) [reason, suggestion] = ['attributed-forecast', 'evidenced']
  else if (speculation && support) reason = 'mixed'
  else if (speculation) [reason, suggestion] = ['hedged', 'speculative']
  else if (support) [reason, suggestion] = ['supported', 'evidenced']
  else if (booster) [reason, suggestion] = ['certainty-without-support', 'speculative']
  else reason = 'no-cues'
  return {
    suggestion,
    certaintyWithoutEvidence: !context.heading && booster && !support,
    explanation: { reason, cues: explained },
  }
}
