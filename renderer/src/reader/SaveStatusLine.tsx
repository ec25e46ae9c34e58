/**
 * The status line under the reader. It says "Saved" only after IndexedDB
 * confirmed the write; a failure shows its message and that a retry follows.
 */
import type { SaveStatus } from '../state/save-status'

export function SaveStatusLine({ status, claimCount, loadError }: { status: SaveStatus; claimCount: number; loadError: string | null }) {
  let text: string
  let tone = 'quiet'
  if (loadError) {
    text = loadError
    tone = 'error'
  } else if (status.state === 'saving') text = 'Saving…'
  else if (status.state === 'saved') text = 'Saved'
  else if (status.state === 'error') {
    text = `${status.message} (retrying in ${Math.round(status.retryInMs / 1000)} s)`
    tone = 'error'
  } else text = ''
  return (
    <footer className={`status-line status-line--${tone}`}>
      <span role="status" aria-live="polite" className="save-status">
        {text}
      </span>
      <span className="claim-count">
        {claimCount} claim{claimCount === 1 ? '' : 's'}
      </span>
    </footer>
  )
}
