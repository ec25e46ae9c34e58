/**
 * The lexicon the reader applies: the bundled cues, minus the ones the user
 * removed, plus the ones the user added. Stored additions are checked again
 * when read (the lexicon rules may have changed since they were saved); one
 * bad entry is set aside with a reason instead of switching suggestions off.
 * Pure.
 */
import { cueRegExp, InvalidCueError, mergeLexicon, parseCueEntry, type CueEntry, type CueKind, type CueLanguage, type Lexicon } from '../../../shared/cues'

/** The merged lexicon and the stored additions that could not be used. */
export interface UserLexicon {
  lexicon: CueEntry[]
  /** Valid user additions, in the order they were added. */
  added: CueEntry[]
  /** One message per stored addition that was set aside. */
  problems: string[]
}

/**
 * Merge `base` with the user's stored `added` entries and `removedIds` (see
 * `mergeLexicon`): invalid additions and repeated ids are left out and
 * described in `problems`. Never throws for bad stored data.
 */
export function userLexicon(base: Lexicon, added: readonly unknown[], removedIds: readonly string[]): UserLexicon {
  const valid: CueEntry[] = []
  const problems: string[] = []
  const seen = new Set<string>()
  for (const raw of added) {
    try {
      const entry = parseCueEntry(raw)
      if (seen.has(entry.id)) {
        problems.push(`Your cue "${entry.id}" is stored twice; the second copy is ignored.`)
        continue
      }
      seen.add(entry.id)
      valid.push(entry)
    } catch (error) {
      if (!(error instanceof InvalidCueError)) throw error
      problems.push(error.userMessage)
    }
  }
  return { lexicon: mergeLexicon(base, valid, removedIds), added: valid, problems }
}

/** What the add-cue form collects. */
export interface CueDraft {
  language: CueLanguage
  kind: CueKind
  match: 'literal' | 'regex'
  pattern: string
  example: string
}

/** Why the add-cue form refuses a draft. */
export type CueDraftProblem = 'noPattern' | 'noExample' | 'badRegex' | 'matchesEmpty' | 'missesExample' | 'invalid'

/**
 * The form's words for a problem, in the UI language; `detail` is the regex
 * engine's complaint for 'badRegex' and the lexicon's message for 'invalid'.
 */
export type CueProblemWords = (problem: CueDraftProblem, detail: string) => string

/** What made `parseCueEntry` refuse `entry` (it threw `error`). */
function problemOf(entry: CueEntry, error: InvalidCueError): CueDraftProblem {
  if (error.cause instanceof SyntaxError) return 'badRegex'
  let regex: RegExp
  try {
    regex = cueRegExp(entry)
  } catch {
    return 'badRegex'
  }
  const once = new RegExp(regex.source, regex.flags.replace('g', ''))
  if (once.test('')) return 'matchesEmpty'
  if (!once.test(entry.example)) return 'missesExample'
  return 'invalid'
}

/**
 * A validated entry from the add-cue form, with a fresh id (`user-…`, never
 * one of `takenIds`). Pattern and example are trimmed.
 *
 * @throws InvalidCueError with a message for the form (empty pattern, a
 *   regex that does not compile or matches empty text, an example the
 *   pattern does not match): from `words` when given (the UI language),
 *   else the lexicon's own English message.
 */
export function cueFromDraft(draft: CueDraft, takenIds: ReadonlySet<string>, random: () => number = Math.random, words?: CueProblemWords): CueEntry {
  const pattern = draft.pattern.trim()
  const example = draft.example.trim()
  if (!pattern) throw new InvalidCueError(words ? words('noPattern', '') : 'Enter the word or pattern to look for.')
  if (!example) throw new InvalidCueError(words ? words('noExample', '') : 'Enter an example sentence that contains the cue; it checks the pattern.')
  let id: string
  do id = `user-${draft.language}-${draft.kind}-${Math.floor(random() * 36 ** 6).toString(36)}`
  while (takenIds.has(id))
  const entry: CueEntry = { id, language: draft.language, kind: draft.kind, match: draft.match, pattern, example }
  try {
    return parseCueEntry(entry)
  } catch (error) {
    if (!words || !(error instanceof InvalidCueError)) throw error
    const problem = problemOf(entry, error)
    const detail = problem === 'badRegex' && error.cause instanceof Error ? error.cause.message : error.userMessage
    throw new InvalidCueError(words(problem, detail), id, { cause: error })
  }
}
