import { describe } from '../anchoring/describe'
import { assertRange, widenToWholeCharacters } from '../anchoring/text-units'
import { ClaimEditError } from './claim-edit-error'
import { newId } from './ids'
import { STANCES, type AnnotationSet, type Claim, type Stance } from './model'

/**
 * Narrow a selection `[start, end)` of `text` to what a claim should cover:
 * widened first so neither edge splits a surrogate pair, then stripped of
 * leading and trailing whitespace (any Unicode white space, including the
 * ideographic space U+3000 and line breaks). Returns null when nothing but
 * whitespace (or nothing at all) is selected.
 *
 * @throws RangeError naming the bad values when the offsets are not integers
 *   within `0..text.length` with `start <= end`.
 */
export function trimSelection(text: string, start: number, end: number): { start: number; end: number } | null {
  assertRange('trimSelection', text.length, start, end)
  let { start: s, end: e } = widenToWholeCharacters(text, start, end)
  while (s < e && /\s/.test(text.charAt(s))) s++
  while (e > s && /\s/.test(text.charAt(e - 1))) e--
  return s < e ? { start: s, end: e } : null
}

/** What is needed to make a claim from a selection. */
export interface NewClaim {
  /** The annotation set the claim goes into (its id and document are copied). */
  set: Pick<AnnotationSet, 'id' | 'documentId'>
  /** The article's canonical text. */
  text: string
  /** The selection as UTF-16 offsets into `text`; trimmed by {@link trimSelection}. */
  start: number
  end: number
  stance: Stance
  author: string
  /** ISO 8601 time of creation; becomes `created` and `modified`. */
  now: string
  /** The claim id; a new UUID when absent. */
  id?: string
}

/**
 * Make a claim from a selection: the selection is trimmed
 * ({@link trimSelection}) and described by W3C position and quote selectors.
 * The claim starts with no note, evidence, counterpoints or tags.
 *
 * @throws ClaimEditError ('empty-selection') when only whitespace is selected.
 * @throws RangeError for offsets out of range or reversed, an unknown stance,
 *   or a `now` that is not a date.
 */
export function createClaim(input: NewClaim): Claim {
  const { set, text, start, end, stance, author, now } = input
  if (!STANCES.includes(stance)) throw new RangeError(`createClaim: unknown stance ${JSON.stringify(stance)}`)
  if (Number.isNaN(Date.parse(now))) throw new RangeError(`createClaim: now is not a date: ${JSON.stringify(now)}`)
  const span = trimSelection(text, start, end)
  if (span === null) {
    throw new ClaimEditError('empty-selection', 'Select some words of the article to make a claim: the selection is empty or only spaces.')
  }
  return {
    id: input.id ?? newId(),
    setId: set.id,
    documentId: set.documentId,
    stance,
    target: describe(text, span.start, span.end),
    note: '',
    evidence: [],
    counterpoints: [],
    tags: [],
    created: now,
    modified: now,
    author,
  }
}
