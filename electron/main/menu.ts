/**
 * The native menu, as a pure template: every item that acts on the document
 * sends a `MenuCommand` to the renderer (which owns the logic); only window
 * and clipboard chores use Electron roles. Rebuilt whenever the renderer
 * reports a new `MenuState`.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand, MenuState } from '../../shared/bridge/contract'
import { translate, type Locale } from '../../shared/i18n/catalog'

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
 * A top-level label with its keyboard mnemonic: "&File" in English, "ファイル(&F)"
 * in Japanese, where the letter cannot be part of the word.
 */
function withMnemonic(locale: Locale, label: string, letter: string): string {
  return locale === 'en' ? `&${label}` : `${label}(&${letter})`
}

/**
 * Build the menu template, labelled in `state.locale`.
 *
 * File: Open Article… (CmdOrCtrl+O), Import Annotations… (CmdOrCtrl+Shift+I),
 * Export ▸ four report formats and the W3C annotation set (enabled only while
 * `state.documentOpen`), Recent ▸ up to `MAX_RECENT_ITEMS` titles from
 * `state.recent` (each shows the library, where the article opens; "No
 * Recent Articles" disabled when empty), Preferences… and Quit (not on macOS,
 * where both live in the application menu). Edit: Undo/Redo send the app's
 * commands; cut/copy/paste/select all use roles. View: Library (CmdOrCtrl+L), Command
 * Palette (CmdOrCtrl+K), Compare Sets… and Suggestions (with a document open), Reload and Developer Tools only when `isDev`, zoom
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
  const t = (key: string) => translate(state.locale, `menu.${key}`)
  const command = (label: string, name: MenuCommand, extra: MenuItemConstructorOptions = {}): MenuItemConstructorOptions => ({
    label,
    click: () => send(name),
    ...extra,
  })
  const exportEnabled = { enabled: state.documentOpen }
  const withDocument = exportEnabled
  const recent = state.recent.slice(0, MAX_RECENT_ITEMS)

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      command(t('preferences'), 'preferences', { accelerator: 'CmdOrCtrl+,' }),
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  }

  const fileMenu: MenuItemConstructorOptions = {
    label: withMnemonic(state.locale, t('file'), 'F'),
    submenu: [
      command(t('openArticle'), 'open-article', { accelerator: 'CmdOrCtrl+O' }),
      command(t('importAnnotations'), 'import-annotations', { accelerator: 'CmdOrCtrl+Shift+I' }),
      {
        label: t('export'),
        submenu: [
          command(t('exportReportMd'), 'export-report-md', exportEnabled),
          command(t('exportReportHtml'), 'export-report-html', exportEnabled),
          command(t('exportReportPdf'), 'export-report-pdf', exportEnabled),
          command(t('exportReportCsv'), 'export-report-csv', exportEnabled),
          { type: 'separator' },
          command(t('exportSetW3c'), 'export-set-w3c', exportEnabled),
        ],
      },
      {
        label: t('recent'),
        submenu:
          recent.length === 0
            ? [{ label: t('noRecent'), enabled: false }]
            : recent.map((title) => command(escapeMnemonics(title), 'show-library')),
      },
      { type: 'separator' },
      command(t('printArticle'), 'print-article', { accelerator: 'CmdOrCtrl+P', ...withDocument }),
      ...(isMac
        ? []
        : [
            { type: 'separator' } as const,
            command(t('preferences'), 'preferences', { accelerator: 'CmdOrCtrl+,' }),
            { type: 'separator' } as const,
            { role: 'quit' } as const,
          ]),
    ],
  }

  const editMenu: MenuItemConstructorOptions = {
    label: withMnemonic(state.locale, t('edit'), 'E'),
    submenu: [
      command(t('undo'), 'undo', { accelerator: 'CmdOrCtrl+Z' }),
      command(t('redo'), 'redo', { accelerator: 'CmdOrCtrl+Shift+Z' }),
      { type: 'separator' },
      { role: 'cut', label: t('cut') },
      { role: 'copy', label: t('copy') },
      { role: 'paste', label: t('paste') },
      { role: 'selectAll', label: t('selectAll') },
      { type: 'separator' },
      command(t('findInArticle'), 'find-in-article', { accelerator: 'CmdOrCtrl+F', ...withDocument }),
    ],
  }

  const viewMenu: MenuItemConstructorOptions = {
    label: withMnemonic(state.locale, t('view'), 'V'),
    submenu: [
      command(t('library'), 'show-library', { accelerator: 'CmdOrCtrl+L' }),
      command(t('commandPalette'), 'command-palette', { accelerator: 'CmdOrCtrl+K' }),
      { type: 'separator' },
      command(t('compare'), 'compare', withDocument),
      command(t('toggleSuggestions'), 'toggle-suggestions', withDocument),
      ...(options.isDev
        ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]
        : []),
      { type: 'separator' },
      { role: 'resetZoom', label: t('resetZoom') },
      { role: 'zoomIn', label: t('zoomIn') },
      { role: 'zoomOut', label: t('zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('fullscreen') },
    ],
  }

  const helpMenu: MenuItemConstructorOptions = {
    label: withMnemonic(state.locale, t('help'), 'H'),
    role: 'help',
    submenu: [command(t('shortcuts'), 'shortcuts'), ...(isMac ? [] : [{ role: 'about' } as const])],
  }

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, helpMenu]
}
