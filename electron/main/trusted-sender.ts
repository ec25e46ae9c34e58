/**
 * Pure check of who is calling the host over IPC. Every handler runs it before
 * touching a payload: only the top frame of a page from our own bundle may pick
 * files, write files or open links.
 */
import { isAllowedNavigation } from './navigation-policy'

/** The part of Electron's `WebFrameMain` the check reads. */
export interface SenderFrameLike {
  readonly url: string
  readonly parent: unknown
}

/** The part of an `IpcMainEvent` / `IpcMainInvokeEvent` the check reads. */
export interface SenderEventLike {
  readonly senderFrame: SenderFrameLike | null
}

/**
 * True when the message comes from a main frame (no parent) whose URL is a
 * page of the bundle (`app://bundle/...`, or the dev server's origin when
 * `devOrigin` is given). False for a missing or disposed frame (reading a
 * disposed frame throws; that counts as untrusted), subframes, and every other
 * origin (file:, http(s):, data:, about:blank).
 */
export function isTrustedSender(event: SenderEventLike, devOrigin: string | null = null): boolean {
  try {
    const frame = event.senderFrame
    if (frame === null || frame === undefined) return false
    if (frame.parent !== null && frame.parent !== undefined) return false
    return isAllowedNavigation(frame.url, devOrigin)
  } catch {
    return false
  }
}
