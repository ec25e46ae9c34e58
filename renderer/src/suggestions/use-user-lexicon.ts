/**
 * The claim finder's lexicon as this user has it: the bundled cues, plus the
 * ones they added, less the ones they removed; and the actions that edit it.
 * The reader's suggestions and the Preferences view both use this.
 */
import { useMemo } from 'react'
import { defaultLexicon, type CueEntry } from '../../../shared/cues'
import { errorText } from '../i18n/error-message'
import type { WorkbenchDb } from '../storage/database'
import { addUserCue, removeCue, restoreCue } from './suggestion-prefs'
import { userLexicon, type UserLexicon } from './user-lexicon'

/** The user's edits of the lexicon and the actions that make them. Actions report failures through `notify` and never reject. */
export interface LexiconEditor {
  userCues: readonly CueEntry[]
  removedCueIds: readonly string[]
  lexiconProblems: readonly string[]
  addCue(entry: CueEntry): Promise<void>
  removeCue(id: string): Promise<void>
  restoreCue(id: string): Promise<void>
}

const UNREAD: UserLexicon = { lexicon: [], added: [], problems: [] }

/**
 * The lexicon for the stored `edits` (null while prefs are unread: then the
 * bundled lexicon is not parsed yet, ≈ 10 ms kept out of the reader's first
 * render) and its editor. Keyed by content: rewriting the same edits keeps
 * the same lexicon, so the analysis that depends on it stays put.
 */
export function useUserLexicon(
  db: WorkbenchDb,
  edits: { added: readonly unknown[]; removed: readonly string[] } | null,
  notify: (kind: 'error', message: string) => void,
): { lexicon: readonly CueEntry[]; editor: LexiconEditor } {
  const editsJson = edits ? JSON.stringify([edits.added, edits.removed]) : null
  const user = useMemo((): UserLexicon => {
    if (editsJson === null) return UNREAD
    const [added, removed] = JSON.parse(editsJson) as [unknown[], string[]]
    return userLexicon(defaultLexicon(), added, removed)
  }, [editsJson])
  const removed = edits?.removed
  const editor = useMemo((): LexiconEditor => {
    const report = (e: unknown) => notify('error', errorText(e))
    return {
      userCues: user.added,
      removedCueIds: removed ?? [],
      lexiconProblems: user.problems,
      addCue: (entry) => addUserCue(db, entry).catch(report),
      removeCue: (id) => removeCue(db, id).catch(report),
      restoreCue: (id) => restoreCue(db, id).catch(report),
    }
  }, [db, user, removed, notify])
  return { lexicon: user.lexicon, editor }
}
