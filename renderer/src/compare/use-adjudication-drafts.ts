/**
 * The adjudicator's drafts for one ordered comparison, remembered in the
 * preferences so that leaving Compare mode (or closing the app) never loses
 * decisions and reasons already typed. Writes are coalesced: typing a reason
 * saves once the typing pauses, and whatever is pending is saved on leaving.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { errorText } from '../i18n/error-message'
import type { WorkbenchDb } from '../storage/database'
import { getPref, updatePref } from '../storage/prefs-repo'
import type { Drafts } from './adjudication'

/** Pause after the last change before the drafts are written. */
const SAVE_DELAY_MS = 400

/** The drafts of one comparison and the way to change them. */
export interface AdjudicationDrafts {
  drafts: Drafts
  /** False until the remembered drafts were read. */
  loaded: boolean
  update(change: (drafts: Drafts) => Drafts): void
}

async function saveDrafts(db: WorkbenchDb, key: string, drafts: Drafts): Promise<void> {
  await updatePref(db, 'compareDrafts', (all) => {
    const next = { ...all }
    if (Object.keys(drafts).length === 0) delete next[key]
    else next[key] = drafts
    return next
  })
}

/** Drafts remembered under `key` (see `draftKey`); `onError` hears of a failed save. */
export function useAdjudicationDrafts(db: WorkbenchDb, key: string, onError: (message: string) => void): AdjudicationDrafts {
  const [state, setState] = useState<{ key: string; drafts: Drafts; loaded: boolean }>({ key, drafts: {}, loaded: false })
  const pending = useRef<{ key: string; drafts: Drafts } | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const report = useRef(onError)
  report.current = onError

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    const job = pending.current
    pending.current = null
    if (job) saveDrafts(db, job.key, job.drafts).catch((error) => report.current(errorText(error)))
  }, [db])

  useEffect(() => {
    let live = true
    setState({ key, drafts: {}, loaded: false })
    getPref(db, 'compareDrafts').then(
      (all) => live && setState({ key, drafts: all[key] ?? {}, loaded: true }),
      () => live && setState({ key, drafts: {}, loaded: true }),
    )
    return () => {
      live = false
      flush()
    }
  }, [db, key, flush])

  const update = useCallback(
    (change: (drafts: Drafts) => Drafts) => {
      setState((prev) => {
        const drafts = change(prev.drafts)
        pending.current = { key: prev.key, drafts }
        return { ...prev, drafts }
      })
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(flush, SAVE_DELAY_MS)
    },
    [flush],
  )

  return { drafts: state.key === key ? state.drafts : {}, loaded: state.loaded && state.key === key, update }
}
