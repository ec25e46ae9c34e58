/**
 * The main window: locked-down web preferences, spelled out in full rather
 * than trusting defaults (they have changed between Electron versions), and
 * bounds remembered between runs.
 */
import { BrowserWindow, screen, type WebPreferences } from 'electron'
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  boundsToRestore,
  readSavedBounds,
  writeSavedBounds,
  type WindowBounds,
} from './window-bounds'

/**
 * Web preferences for every window that shows app content: OS sandbox,
 * context isolation, no Node anywhere (page, workers, subframes), web security
 * on, no <webview>, no insecure content, no experimental features, no
 * navigation by dropping a file, no spellchecker (it would send text to a
 * dictionary service on some platforms). `preloadPath` must be absolute;
 * null for a window that gets no bridge at all (the PDF printer).
 *
 * @throws RangeError when `preloadPath` is not an absolute path.
 */
export function secureWebPreferences(preloadPath: string | null): WebPreferences {
  if (preloadPath !== null && !/^(\/|[A-Za-z]:[\\/])/.test(preloadPath)) {
    throw new RangeError(`preload path must be absolute, got ${JSON.stringify(preloadPath)}`)
  }
  return {
    ...(preloadPath === null ? {} : { preload: preloadPath }),
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  }
}

/** What the main window needs to know. */
export interface MainWindowOptions {
  /** Absolute path of the built preload script. */
  preloadPath: string
  /** JSON file where bounds are remembered (in userData). */
  boundsFile: string
  title: string
}

/**
 * Create the main window (hidden until its first paint), restored to its
 * saved bounds when those are still on a visible display, and save its bounds
 * again when it closes. The caller loads the page.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const restored = boundsToRestore(readSavedBounds(options.boundsFile), workAreas)
  const window = new BrowserWindow({
    ...(restored === null
      ? { ...DEFAULT_WINDOW_SIZE, center: true }
      : { x: restored.x, y: restored.y, width: restored.width, height: restored.height }),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: options.title,
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath),
  })
  window.once('ready-to-show', () => {
    if (restored?.maximized === true) window.maximize()
    window.show()
  })
  window.on('close', () => {
    const normal = window.getNormalBounds()
    const bounds: WindowBounds = { ...normal, maximized: window.isMaximized() }
    writeSavedBounds(options.boundsFile, bounds)
  })
  return window
}
