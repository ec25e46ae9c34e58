/**
 * The suggestions dismissed in the active set: the stored list, plus the ones
 * dismissed a moment ago, which show at once while the write catches up.
 */
import { useCallback, useMemo, useState } from 'react'
import type { AnnotationSet } from '../../../shared/claims/model'
import { errorText } from '../i18n/error-message'
import type { WorkbenchDb } from '../storage/database'
import { addDismissal, clearDismissals } from './suggestion-prefs'

export interface Dismissals {
  /** Keys ("start:end") dismissed in the active set. */
  dismissed: ReadonlySet<string>
  /** Dismiss `key` in `set` (which may be a set made just now). */
  dismissIn(set: AnnotationSet, key: string): void
  /** Bring back every suggestion dismissed in the active set. */
  restoreAll(): void
}

/**
 * Dismissals for the set `setId` (null: no set yet, none dismissed), from the
 * stored per-set lists `stored`. Write failures go to `notify`; nothing throws.
 */
export function useDismissals(
  db: WorkbenchDb,
  setId: string | null,
  stored: Readonly<Record<string, readonly string[]>> | null,
  notify: (kind: 'error', message: string) => void,
): Dismissals {
  const [justDismissed, setJustDismissed] = useState<{ setId: string; key: string }[]>([])
  // Keyed by content: a write elsewhere in prefs re-reads the lists without changing them.
  const storedJson = JSON.stringify(setId ? (stored?.[setId] ?? []) : [])
  const dismissed = useMemo(() => {
    const keys = new Set(JSON.parse(storedJson) as string[])
    for (const d of justDismissed) if (d.setId === setId) keys.add(d.key)
    return keys
  }, [storedJson, justDismissed, setId])

  const dismissIn = useCallback(
    (set: AnnotationSet, key: string) => {
      setJustDismissed((list) => [...list, { setId: set.id, key }])
      addDismissal(db, set.id, key).catch((e) => notify('error', errorText(e)))
    },
    [db, notify],
  )
  const restoreAll = useCallback(() => {
    if (!setId) return
    setJustDismissed((list) => list.filter((d) => d.setId !== setId))
    clearDismissals(db, setId).catch((e) => notify('error', errorText(e)))
  }, [db, setId, notify])
  return { dismissed, dismissIn, restoreAll }
}
