/**
 * A banner over the top of the window for storage trouble that must not take
 * the work on screen away: another window holding an old version of the data
 * open (our upgrade waits), or another window upgrading the data past this
 * build (this window's connection is closed). The app stays mounted and
 * visible underneath, with every unsaved edit still on screen; the banner
 * says what happened and what to do.
 *
 * The message lives outside React so that the database hooks in main.tsx can
 * raise it without re-rendering (and so remounting) the app.
 */
import { useSyncExternalStore } from 'react'

/** What the banner shows: the message, and whether a reload is the way on (it is not while an upgrade just waits). */
export interface StorageBannerContent {
  message: string
  offerReload: boolean
}

let current: StorageBannerContent | null = null
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Show `content` in the storage banner, or hide the banner with null. Never throws. */
export function showStorageBanner(content: StorageBannerContent | null): void {
  current = content
  for (const listener of listeners) listener()
}

/** The banner itself: renders nothing until {@link showStorageBanner} gives it a message. */
export function StorageBanner() {
  const content = useSyncExternalStore(subscribe, () => current)
  if (content === null) return null
  return (
    <div className="storage-banner" role="alert">
      <p>{content.message}</p>
      {content.offerReload && (
        <button type="button" onClick={() => window.location.reload()}>
          Reload window
        </button>
      )}
    </div>
  )
}
