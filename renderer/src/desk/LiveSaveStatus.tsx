/**
 * The status line fed straight from the claim session, so "Saving…" and
 * "Saved" re-render only this line, not the desk (state/use-session-snapshot.ts).
 */
import type { ClaimSession } from '../state/claim-session'
import { useHasUnsavedDrafts } from '../state/unsaved-drafts'
import { useSessionStatus } from '../state/use-session-snapshot'
import { SaveStatusLine } from './SaveStatusLine'

/** {@link SaveStatusLine} with the status of `session` (idle without one) and whether a draft is held back. */
export function LiveSaveStatus({ session, claimCount, loadError }: { session: ClaimSession | null; claimCount: number; loadError: unknown }) {
  return <SaveStatusLine status={useSessionStatus(session)} unsaved={useHasUnsavedDrafts()} claimCount={claimCount} loadError={loadError} />
}
