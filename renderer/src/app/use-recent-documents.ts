/**
 * Recent documents: the ids of the last opened articles, newest first, kept in
 * prefs, resolved to the documents that still exist.
 */
import { useCallback, useMemo } from 'react'
import type { WorkbenchDb } from '../storage/database'
import { updatePref } from '../storage/prefs-repo'
import type { DocumentRecord } from '../storage/records'

export const MAX_RECENT = 8

/** `ids` with `id` moved to the front, without duplicates, at most MAX_RECENT long. */
export function pushRecent(ids: readonly string[], id: string): string[] {
  return [id, ...ids.filter((x) => x !== id)].slice(0, MAX_RECENT)
}

export function useRecentDocuments(db: WorkbenchDb, recentIds: readonly string[], documents: readonly DocumentRecord[] | null) {
  const recent = useMemo(() => {
    if (!documents) return []
    const byId = new Map(documents.map((d) => [d.id, d]))
    return recentIds.flatMap((id) => {
      const doc = byId.get(id)
      return doc ? [doc] : []
    })
  }, [documents, recentIds])

  const remember = useCallback(
    async (id: string) => {
      await updatePref(db, 'recentDocuments', (ids) => pushRecent(ids, id))
    },
    [db],
  )

  return { recent, remember }
}
