/**
 * The user's lexicon edits outside the reader (the Preferences view): the same
 * stored additions and removals the suggestions use, with the same actions.
 */
import type { WorkbenchDb } from '../storage/database'
import type { Prefs } from '../storage/prefs-repo'
import { useUserLexicon, type LexiconEditor } from './use-user-lexicon'

export type { LexiconEditor } from './use-user-lexicon'

export function useLexiconEditor(db: WorkbenchDb, prefs: Pick<Prefs, 'cueAdditions' | 'cueRemovals'>, notify: (kind: 'error', message: string) => void): LexiconEditor {
  return useUserLexicon(db, { added: prefs.cueAdditions, removed: prefs.cueRemovals }, notify).editor
}
