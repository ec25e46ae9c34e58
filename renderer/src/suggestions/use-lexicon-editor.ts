/**
 * The user's lexicon edits outside the reader (the Preferences view): the same
 * stored additions and removals the suggestions use, with the same actions.
 */
import { useMemo } from 'react'
import { defaultLexicon } from '../../../shared/cues'
import { userMessageOf } from '../../../shared/errors'
import type { WorkbenchDb } from '../storage/database'
import type { Prefs } from '../storage/prefs-repo'
import type { Suggestions } from './use-suggestions'
import { addUserCue, removeCue, restoreCue } from './suggestion-prefs'
import { userLexicon } from './user-lexicon'

export type LexiconEditor = Pick<Suggestions, 'userCues' | 'removedCueIds' | 'lexiconProblems' | 'addCue' | 'removeCue' | 'restoreCue'>

export function useLexiconEditor(db: WorkbenchDb, prefs: Pick<Prefs, 'cueAdditions' | 'cueRemovals'>, notify: (kind: 'error', message: string) => void): LexiconEditor {
  const user = useMemo(() => userLexicon(defaultLexicon(), prefs.cueAdditions, prefs.cueRemovals), [prefs.cueAdditions, prefs.cueRemovals])
  return useMemo(() => {
    const report = (e: unknown) => notify('error', userMessageOf(e))
    return {
      userCues: user.added,
      removedCueIds: prefs.cueRemovals,
      lexiconProblems: user.problems,
      addCue: (entry) => addUserCue(db, entry).catch(report),
      removeCue: (id) => removeCue(db, id).catch(report),
      restoreCue: (id) => restoreCue(db, id).catch(report),
    }
  }, [db, user, prefs.cueRemovals, notify])
}
