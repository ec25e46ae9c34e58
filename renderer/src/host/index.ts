/**
 * The renderer's one way to its host: Electron's preload puts the bridge on
 * `window.critiqueHost`; anywhere else the browser host stands in. Nothing else
 * in the app knows which host it runs in.
 */
import type { HostBridge } from '../../../shared/bridge/contract'
import { createBrowserHost } from './browser-host'

declare global {
  interface Window {
    critiqueHost?: HostBridge
  }
}

let host: HostBridge | null = null

/** The host bridge of this window (created once). */
export function getHost(): HostBridge {
  host ??= window.critiqueHost ?? createBrowserHost()
  return host
}
