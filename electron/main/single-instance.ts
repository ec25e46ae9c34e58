/**
 * One running app per user: a second launch hands its command line to the
 * first (which focuses its window and opens the file named there) and quits.
 * A file named on the very first command line is opened once the renderer has
 * loaded; in both cases the article travels to the renderer over
 * `CHANNELS.openFile`, as a base name and bytes.
 */
import type { App, BrowserWindow } from 'electron'
import { isAbsolute, resolve } from 'node:path'
import { CHANNELS } from '../../shared/bridge/contract'
import { readPickedFile } from './host-files'

/**
 * The article path on a command line, or null when there is none.
 *
 * Skips the executable and, when `defaultApp` (running as `electron .`), the
 * app folder; then ignores switches (`-x`, `--flag=value`, which Chromium also
 * adds on its own) and returns the first remaining argument, resolved against
 * `cwd` (the second instance's working folder). Whether the path exists is the
 * caller's to find out.
 */
export function articlePathFromArgv(argv: readonly string[], options: { defaultApp: boolean; cwd: string }): string | null {
  const positional = argv.slice(options.defaultApp ? 2 : 1).filter((arg) => arg !== '' && !arg.startsWith('-'))
  const first = positional[0]
  if (first === undefined) return null
  return isAbsolute(first) ? first : resolve(options.cwd, first)
}

/**
 * Read the article at `path` and send it to `window`'s renderer over
 * `CHANNELS.openFile`, now if the page has loaded, else when it finishes
 * loading (the preload keeps it until the renderer subscribes). Refused files
 * (missing, too large, a folder) are reported through `onError` and nothing
 * is sent. Never throws.
 */
export async function sendArticleFile(
  window: BrowserWindow,
  path: string,
  onError: (message: string) => void,
): Promise<void> {
  let file
  try {
    file = await readPickedFile(path, 'article')
  } catch (error) {
    onError(error instanceof Error ? error.message : String(error))
    return
  }
  if (window.isDestroyed()) return
  const contents = window.webContents
  const send = (): void => {
    if (!window.isDestroyed()) contents.send(CHANNELS.openFile, file)
  }
  if (contents.isLoading()) contents.once('did-finish-load', send)
  else send()
}

/** What the single-instance wiring needs from the rest of main. */
export interface SingleInstanceHooks {
  /** The main window if it exists yet. */
  getWindow(): BrowserWindow | null
  /** Open the article at an absolute path (see `sendArticleFile`). */
  openPath(path: string): void
}

/**
 * Take the single-instance lock. Returns false when another instance holds
 * it: the caller must quit at once (our arguments have been passed on). When
 * true, later launches focus the window (restoring it if minimised) and open
 * the article on their command line; macOS `open-file` events open too.
 */
export function claimSingleInstance(app: App, hooks: SingleInstanceHooks): boolean {
  if (!app.requestSingleInstanceLock()) return false
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const window = hooks.getWindow()
    if (window !== null && !window.isDestroyed()) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
    const path = articlePathFromArgv(argv, { defaultApp: process.defaultApp === true, cwd: workingDirectory })
    if (path !== null) hooks.openPath(path)
  })
  app.on('open-file', (event, path) => {
    event.preventDefault()
    hooks.openPath(path)
  })
  return true
}
