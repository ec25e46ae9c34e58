/**
 * The host bridge: everything the renderer asks of the program hosting it.
 * The renderer depends on this interface alone, so the same renderer runs in
 * Electron (preload -> IPC -> main) and in a plain browser (renderer's browser
 * host: file inputs, downloads, the print dialog). Each method is one IPC channel
 * in Electron; every payload crossing is checked by `validators.ts`.
 */
import type { Locale } from '../i18n/catalog'

/** A file the user chose or dropped, read whole. */
export interface PickedFile {
  /** Base name only, never a path: the renderer has no business with paths. */
  name: string
  bytes: Uint8Array
}

export type FileKind = 'article' | 'annotations' | 'backup'

/** A file the app wants the user to save. */
export interface SaveRequest {
  suggestedName: string
  mimeType: string
  /** Text is written as UTF-8; bytes are written as they are. */
  data: string | Uint8Array
}

/** What happened to a save: written (with the name used) or cancelled by the user. */
export type SaveResult = { status: 'saved'; name: string } | { status: 'cancelled' }

/** Commands the host's native menu can send to the renderer. */
export const MENU_COMMANDS = [
  'open-article',
  'import-annotations',
  'export-report-md',
  'export-report-html',
  'export-report-pdf',
  'export-report-csv',
  'export-set-w3c',
  'show-library',
  'compare',
  'toggle-suggestions',
  'undo',
  'redo',
  'command-palette',
  'preferences',
  'shortcuts',
  'find-in-article',
  'print-article',
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/** Which host the renderer runs in; for display and diagnostics only, never for branching features. */
export interface HostInfo {
  kind: 'electron' | 'browser'
  platform: string
}

/** One HTTP request to the configured team server (shared/team/client.ts's FetchLike, as data). */
export interface TeamHttpRequest {
  /** The configured server's base URL; `url` must lie under it (the host checks). */
  server: string
  url: string
  method: string
  headers: Record<string, string>
  body?: string
}

/** Its answer: status, the headers the client reads, and the body text. */
export interface TeamHttpResponse {
  status: number
  headers: Record<string, string>
  body: string
}

export interface HostBridge {
  readonly info: HostInfo
  /**
   * Send one request to the team server (docs/team.md). The host refuses a
   * `url` outside `server`, headers other than the protocol's, and redirects.
   * Rejects when the server cannot be reached. Optional: a host that cannot
   * reach a server leaves it out, and Preferences ▸ Team says so.
   */
  teamFetch?(request: TeamHttpRequest): Promise<TeamHttpResponse>
  /** Ask the user for a file of the given kind; null when they cancel. */
  pickFile(kind: FileKind): Promise<PickedFile | null>
  /** Save data to a file the user chooses (Electron) or as a download (browser). */
  saveFile(request: SaveRequest): Promise<SaveResult>
  /** Turn a self-contained HTML document into a PDF the user saves. */
  printToPdf(request: { html: string; suggestedName: string }): Promise<SaveResult>
  /** Open an http, https or mailto URL in the system browser; anything else is refused. */
  openExternal(url: string): Promise<boolean>
  /** Listen for native menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /** Listen for files the host opens for us (command line, second instance, OS open-file). */
  onOpenFile(listener: (file: PickedFile) => void): () => void
  /** Tell the host which menu items make sense now (e.g. export needs an open document). */
  setMenuState(state: MenuState): void
}

export interface MenuState {
  documentOpen: boolean
  recent: string[]
  /** The UI language, so the native menu speaks it too. */
  locale: Locale
}

/** IPC channel names, one per bridge method. */
export const CHANNELS = {
  pickFile: 'host:pick-file',
  saveFile: 'host:save-file',
  printToPdf: 'host:print-to-pdf',
  openExternal: 'host:open-external',
  menuCommand: 'host:menu-command',
  openFile: 'host:open-file',
  setMenuState: 'host:set-menu-state',
  teamFetch: 'host:team-fetch',
} as const
