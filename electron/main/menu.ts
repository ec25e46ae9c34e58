/**
 * The native menu, as a pure template: every item that acts on the document
 * sends a `MenuCommand` to the renderer (which owns the logic); only window
 * and clipboard chores use Electron roles. Rebuilt whenever the renderer
 * reports a new `MenuState`.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand, MenuState } from '../../shared/bridge/contract'

/** Facts about the running app that shape the menu. */
export interface MenuOptions {
  /** `process.platform`: macOS gets an application menu and no File ▸ Quit. */
  platform: string
  /** Unpackaged build: adds Reload and Toggle Developer Tools. */
  isDev: boolean
  appName: string
}

/** How many recent articles the Recent submenu lists. */
export const MAX_RECENT_ITEMS = 10

/** Article titles are shown as typed: `&` would otherwise mark a keyboard mnemonic on Windows and Linux. */
function escapeMnemonics(label: string): string {
  return label.replaceAll('&', '&&')
}

/**
 * Build the menu template.
 *
 * File: Open Article… (CmdOrCtrl+O), Import Annotations… (CmdOrCtrl+Shift+I),
 * Export ▸ four report formats and the W3C annotation set (enabled only while
 * `state.documentOpen`), Recent ▸ up to `MAX_RECENT_ITEMS` titles from
 * `state.recent` (each shows the library, where the article opens; "No
 * Recent Articles" disabled when empty), Preferences… and Quit (not on macOS,
 * where both live in the application menu). Edit: Undo/Redo send the app's
 * commands; cut/copy/paste/select all use roles. View: Library (CmdOrCtrl+L), Command
 * Palette (CmdOrCtrl+K), Reload and Developer Tools only when `isDev`, zoom
 * roles, full screen. Help: Keyboard Shortcuts, About.
 *
 * `send` is called with the command when an item is clicked. Pure: no
 * Electron calls; the result goes to `Menu.buildFromTemplate`.
 */
export function buildMenuTemplate(
  state: MenuState,
  send: (command: MenuCommand) => void,
  options: MenuOptions,
): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin'
  const command = (label: string, name: MenuCommand, extra: MenuItemConstructorOptions = {}): MenuItemConstructorOptions => ({
    label,
    click: () => send(name),
    ...extra,
  })
  const exportEnabled = { enabled: state.documentOpen }
  const recent = state.recent.slice(0, MAX_RECENT_ITEMS)

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      command('Preferences…', 'preferences', { accelerator: 'CmdOrCtrl+,' }),
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  }

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('Open Article…', 'open-article', { accelerator: 'CmdOrCtrl+O' }),
      command('Import Annotations…', 'import-annotations', { accelerator: 'CmdOrCtrl+Shift+I' }),
      {
        label: 'Export',
        submenu: [
          command('Critique Report as Markdown…', 'export-report-md', exportEnabled),
          command('Critique Report as HTML…', 'export-report-html', exportEnabled),
          command('Critique Report as PDF…', 'export-report-pdf', exportEnabled),
          command('Critique Report as CSV…', 'export-report-csv', exportEnabled),
          { type: 'separator' },
          command('Annotation Set as W3C JSON-LD…', 'export-set-w3c', exportEnabled),
        ],
      },
      {
        label: 'Recent',
        submenu:
          recent.length === 0
            ? [{ label: 'No Recent Articles', enabled: false }]
            : recent.map((title) => command(escapeMnemonics(title), 'show-library')),
      },
      ...(isMac
        ? []
        : [
            { type: 'separator' } as const,
            command('Preferences…', 'preferences', { accelerator: 'CmdOrCtrl+,' }),
            { type: 'separator' } as const,
            { role: 'quit' } as const,
          ]),
    ],
  }

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      command('Undo', 'undo', { accelerator: 'CmdOrCtrl+Z' }),
      command('Redo', 'redo', { accelerator: 'CmdOrCtrl+Shift+Z' }),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  }

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      command('Library', 'show-library', { accelerator: 'CmdOrCtrl+L' }),
      command('Command Palette…', 'command-palette', { accelerator: 'CmdOrCtrl+K' }),
      ...(options.isDev
        ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]
        : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }

  const helpMenu: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [command('Keyboard Shortcuts', 'shortcuts'), ...(isMac ? [] : [{ role: 'about' } as const])],
  }

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, helpMenu]
}
