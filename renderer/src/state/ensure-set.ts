/**
 * The one way to make sure there is a set to write into. The first claim on a
 * document, a suggestion dismissed before any claim, "New set" and a Compare
 * consensus all need a set, and a set needs the analyst's name: it is read
 * from prefs, asked for once when missing, and remembered for next time.
 */
import type { WorkbenchDb } from '../storage/database'
import { getPref, setPref } from '../storage/prefs-repo'

/**
 * Ask the user who is reading. Resolves the trimmed, non-empty name, or null
 * when they decline (the dialog was cancelled).
 */
export type AskAnalyst = () => Promise<string | null>

export interface EnsureSetRequest<S> {
  db: WorkbenchDb
  /** The set to use when there already is one (the active set); null to always make a new one. */
  existing: S | null
  askAnalyst: AskAnalyst
  /** Store a new set (or consensus) for `analyst`, make it active and return it. */
  create(analyst: string): Promise<S>
}

/**
 * `existing` when given; otherwise a new set made by `create` for the analyst
 * named in prefs, asking for the name first when prefs hold none. Resolves
 * null when the user declines to give a name: then nothing is stored. Rejects
 * with the storage error when the name or the set cannot be written.
 */
export async function ensureSet<S>({ db, existing, askAnalyst, create }: EnsureSetRequest<S>): Promise<S | null> {
  if (existing !== null) return existing
  let analyst = await getPref(db, 'analystName')
  if (!analyst) {
    const given = (await askAnalyst())?.trim()
    if (!given) return null
    await setPref(db, 'analystName', given)
    analyst = given
  }
  return create(analyst)
}
