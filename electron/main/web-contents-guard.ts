/**
 * Limits applied to every web contents the app ever creates (main window,
 * print window, anything a bug might spawn): no navigation away from the
 * bundle, no new windows, no <webview>. Wired from `app`'s
 * `web-contents-created` event, so nothing escapes it.
 */
import type { Event, WebContents } from 'electron'
import { isAllowedNavigation } from './navigation-policy'

/** The part of `WebContents` the guard needs; a fake in tests. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/**
 * Install the guard on `contents`. Navigations (main frame, subframes,
 * redirects) to anything `isAllowedNavigation` refuses are prevented and
 * logged; `window.open` and target=_blank are always denied (links leave only
 * through the bridge's `openExternal`, which applies its own policy);
 * attaching a <webview> is always prevented.
 */
export function guardWebContents(contents: GuardedContents, devOrigin: string | null = null): void {
  const refuse = (event: Event, url: string, what: string): void => {
    if (isAllowedNavigation(url, devOrigin)) return
    event.preventDefault()
    console.warn(`[security] blocked ${what} to ${url.slice(0, 200)}`)
  }
  contents.on('will-navigate', (event) => refuse(event, event.url, 'navigation'))
  contents.on('will-frame-navigate', (event) => refuse(event, event.url, 'frame navigation'))
  contents.on('will-redirect', (event) => refuse(event, event.url, 'redirect'))
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    console.warn('[security] blocked a <webview>')
  })
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[security] blocked a new window for ${url.slice(0, 200)}`)
    return { action: 'deny' }
  })
}
