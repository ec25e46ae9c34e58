/**
 * The suggestions' stored preferences, read together and followed live: the
 * Suggestions switch, the user's lexicon additions and removals, and the
 * dismissals per set. One read, because any pref write re-reads them all.
 */
import type { WorkbenchDb } from '../storage/database'
import { getPref, type Prefs } from '../storage/prefs-repo'
import { useLiveQuery } from '../state/use-live-query'

export interface StoredSuggestionPrefs {
  visible: boolean
  added: Prefs['cueAdditions']
  removed: Prefs['cueRemovals']
  dismissals: Prefs['suggestionDismissals']
}

/** The stored suggestion prefs of `db`, or null until first read (and while a read fails). */
export function useSuggestionPrefs(db: WorkbenchDb): StoredSuggestionPrefs | null {
  const prefs = useLiveQuery(
    async () => ({
      visible: await getPref(db, 'suggestionsVisible'),
      added: await getPref(db, 'cueAdditions'),
      removed: await getPref(db, 'cueRemovals'),
      dismissals: await getPref(db, 'suggestionDismissals'),
    }),
    [db],
  )
  return prefs.status === 'ready' ? prefs.value : null
}
