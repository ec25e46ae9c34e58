/**
 * The lexicon the reader applies: the bundled cues, minus the ones the user
 * removed, plus the ones the user added. Stored additions are checked again
 * when read (the lexicon rules may have changed since they were saved); one
 * bad entry is set aside with a reason instead of switching suggestions off.
 * Pure.
 */
import { InvalidCueError, mergeLexicon, parseCueEntry, type CueEntry, type CueKind, type CueLanguage, type Lexicon } from '../../../shared/cues'

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

/**
 * A validated entry from the add-cue form, with a fresh id (`user-…`, never
 * one of `takenIds`). Pattern and example are trimmed.
 *
 * @throws InvalidCueError with a message for the form (empty pattern, a
 *   regex that does not compile or matches empty text, an example the
 *   pattern does not match).
 */
export function cueFromDraft(draft: CueDraft, takenIds: ReadonlySet<string>, random: () => number = Math.random): CueEntry {
  const pattern = draft.pattern.trim()
  const example = draft.example.trim()
  if (!pattern) throw new InvalidCueError('Enter the word or pattern to look for.')
  if (!example) throw new InvalidCueError('Enter an example sentence that contains the cue; it checks the pattern.')
  let id: string
  do id = `user-${draft.language}-${draft.kind}-${Math.floor(random() * 36 ** 6).toString(36)}`
  while (takenIds.has(id))
  return parseCueEntry({ id, language: draft.language, kind: draft.kind, match: draft.match, pattern, example })
}
