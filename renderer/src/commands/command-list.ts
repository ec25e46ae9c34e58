/**
 * Every command a user can give, once: the in-app menu bar, the command
 * palette and the shortcuts sheet are all drawn from this list, and every
 * entry runs through the same handlers as the native menu's commands.
 */
import type { MenuCommand } from '../../../shared/bridge/contract'
import { shortcutLabel } from '../host/accelerators'

/** Commands beyond the native menu's: preferences that are quicker from the palette. */
export type ExtraCommand = 'theme-dark' | 'theme-light' | 'language-ja' | 'language-en'
export type CommandId = MenuCommand | ExtraCommand

export interface CommandEntry {
  id: CommandId
  /** Catalog key of its label in menus and the palette. */
  labelKey: string
  /** Which menu of the in-app menu bar holds it, if any. */
  menu: 'file' | 'edit' | 'view' | 'help' | null
  /** Only meaningful with an article open. */
  needsDocument: boolean
  /** Starts a group in its menu (drawn with a separator before it). */
  groupStart?: boolean
}

export const COMMANDS: readonly CommandEntry[] = [
  { id: 'open-article', labelKey: 'menu.openArticle', menu: 'file', needsDocument: false },
  { id: 'import-annotations', labelKey: 'menu.importAnnotations', menu: 'file', needsDocument: true },
  { id: 'export-report-md', labelKey: 'menu.exportReportMd', menu: 'file', needsDocument: true, groupStart: true },
  { id: 'export-report-html', labelKey: 'menu.exportReportHtml', menu: 'file', needsDocument: true },
  { id: 'export-report-pdf', labelKey: 'menu.exportReportPdf', menu: 'file', needsDocument: true },
  { id: 'export-report-csv', labelKey: 'menu.exportReportCsv', menu: 'file', needsDocument: true },
  { id: 'export-set-w3c', labelKey: 'menu.exportSetW3c', menu: 'file', needsDocument: true },
  { id: 'undo', labelKey: 'menu.undo', menu: 'edit', needsDocument: true },
  { id: 'redo', labelKey: 'menu.redo', menu: 'edit', needsDocument: true },
  { id: 'show-library', labelKey: 'menu.library', menu: 'view', needsDocument: false },
  { id: 'command-palette', labelKey: 'menu.commandPalette', menu: 'view', needsDocument: false },
  { id: 'preferences', labelKey: 'menu.preferences', menu: 'view', needsDocument: false, groupStart: true },
  { id: 'shortcuts', labelKey: 'menu.shortcuts', menu: 'help', needsDocument: false },
  { id: 'theme-dark', labelKey: 'commands.themeDark', menu: null, needsDocument: false },
  { id: 'theme-light', labelKey: 'commands.themeLight', menu: null, needsDocument: false },
  { id: 'language-ja', labelKey: 'commands.languageJa', menu: null, needsDocument: false },
  { id: 'language-en', labelKey: 'commands.languageEn', menu: null, needsDocument: false },
]

const isMac = () => /mac/i.test(navigator.platform)

/** The shortcut shown beside a command, or null. */
export function commandShortcut(id: CommandId): string | null {
  if (id === 'shortcuts') return '?'
  return shortcutLabel(id as MenuCommand, isMac())
}

/**
 * Commands matching a palette query: every word of the query must appear in
 * the label or the id (case-insensitive), in order of the list.
 */
export function matchCommands<T extends { id: string; label: string }>(commands: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...commands]
  return commands.filter((c) => {
    const hay = `${c.label} ${c.id}`.toLowerCase()
    return words.every((w) => hay.includes(w))
  })
}
