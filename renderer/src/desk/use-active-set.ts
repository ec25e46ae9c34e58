/**
 * The annotation sets of a document and which one is active. The choice is
 * remembered per document; with none remembered the oldest set is active.
 * A set is made on demand (first claim, "New set"), named after the analyst.
 * `initial` (the app's opening read, state/opening.ts) gives the sets and the
 * remembered choice at once; both are still read and followed as usual.
 */
import { useCallback, useEffect, useState } from 'react'
import type { AnnotationSet } from '../../../shared/claims/model'
import { newId } from '../../../shared/claims/ids'
import type { WorkbenchDb } from '../storage/database'
import { addSet, listSets } from '../storage/claims-repo'
import { activeSetOf } from '../storage/opening-read'
import { getPref, updatePref } from '../storage/prefs-repo'
import { useLiveQuery } from '../state/use-live-query'

export function useActiveSet(db: WorkbenchDb, documentId: string, initial?: { sets: AnnotationSet[]; chosenSetId: string | null }) {
  const sets = useLiveQuery(() => listSets(db, documentId), [db, documentId], initial?.sets)
  const [chosen, setChosen] = useState<string | null>(initial?.chosenSetId ?? null)

  useEffect(() => {
    void getPref(db, 'activeSets').then((all) => setChosen(all[documentId] ?? null))
  }, [db, documentId])

  const list = sets.status === 'ready' ? sets.value : []
  const active = activeSetOf(list, chosen)

  const choose = useCallback(
    async (setId: string) => {
      setChosen(setId)
      await updatePref(db, 'activeSets', (all) => ({ ...all, [documentId]: setId }))
    },
    [db, documentId],
  )

  /** Create a set for `analyst` with `label`, make it active and return it. */
  const create = useCallback(
    async (analyst: string, label: string): Promise<AnnotationSet> => {
      const set: AnnotationSet = { id: newId(), documentId, analyst, label, created: new Date().toISOString(), origin: 'local' }
      await addSet(db, set)
      await choose(set.id)
      return set
    },
    [db, documentId, choose],
  )

  return { loaded: sets.status !== 'loading', sets: list, active, choose, create }
}
