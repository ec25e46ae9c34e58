/**
 * Every command a user can give, once, with its keys and when it is enabled.
 * This one table drives the key handling (commands/keymap.ts, through
 * prosemirror-keymap's keydownHandler), the command palette, the in-app menu
 * bar and the `?` shortcuts sheet; the native menu's commands run through the
 * same handlers. A command's handler is supplied by whoever owns the thing it
 * acts on (the app shell, the desk, Compare: commands/command-layers.tsx).
 */
import type { MenuCommand } from '../../../shared/bridge/contract'
import type { MessageKey } from '../i18n/message-key'

/** Commands beyond the native menu's: preferences that are quicker from the palette, and the desk's keys. */
export type ExtraCommand =
  | 'theme-dark'
  | 'theme-light'
  | 'language-ja'
  | 'language-en'
  | 'tag-evidenced'
  | 'tag-speculative'
  | 'whole-sentence'
  | 'next-claim'
  | 'prev-claim'
  | 'next-suggestion'
  | 'prev-suggestion'
  | 'accept-suggestion'
  | 'accept-suggestion-other'
  | 'dismiss-suggestion'
  | 'close-suggestion'
  | 'next-outcome'
  | 'prev-outcome'
  | 'select-text'
export type CommandId = MenuCommand | ExtraCommand

/** What decides whether a command is enabled, read when a key is pressed or a menu opens. */
export interface CommandContext {
  view: 'library' | 'reader' | 'preferences' | null
  /** Compare mode covers the desk. */
  comparing: boolean
  /**
   * The reader's selected text range (offsets into the article text), taken
   * when the key is pressed or the menu opens, or null when nothing is
   * selected. E / S / W act on this range, not on whatever the Reader holds
   * by the time they run.
   */
  selection: { start: number; end: number } | null
  /** Claims on the text of the active set (orphans are not stepped through). */
  claims: number
  /** Annotation sets of the open document. */
  sets: number
  suggestionsOn: boolean
  suggestionFocused: boolean
  /** The active set is a colleague's, followed from the team server: nothing can be tagged into it. */
  readOnlySet: boolean
}

export const IDLE_CONTEXT: Readonly<CommandContext> = { view: null, comparing: false, selection: null, claims: 0, sets: 0, suggestionsOn: false, suggestionFocused: false, readOnlySet: false }

export interface CommandEntry {
  id: CommandId
  /** Catalog key of its label in menus, the palette and the shortcuts sheet. */
  labelKey: MessageKey
  /**
   * Its keys in prosemirror-keymap notation ('Mod-z', 'Shift-Mod-Z', 'e',
   * 'Shift-A', '?', 'Escape'); the first is the one menus show. Keys without
   * a modifier stand aside while the user types in a field or a dialog.
   */
  keys: readonly string[]
  /** Whether it can run now. */
  when(context: CommandContext): boolean
  /** Which menu of the in-app menu bar holds it, if any. */
  menu: 'file' | 'edit' | 'view' | 'help' | null
  /** Starts a group in its menu (drawn with a separator before it). */
  groupStart?: boolean
  /** The platform does it (text selection): listed in the sheet, never bound or offered in the palette. */
  platform?: true
  /**
   * Electron's native menu binds its first key as the item's accelerator
   * (electron/main/menu.ts; menu.test.ts holds the two to each other), so under
   * Electron that key is the menu's, not the keymap's.
   */
  nativeMenu?: true
}

const always = () => true
const withDocument = (c: CommandContext) => c.view === 'reader'
const onDesk = (c: CommandContext) => c.view === 'reader' && !c.comparing
const withSelection = (c: CommandContext) => onDesk(c) && c.selection !== null
// A colleague's set is read-only: E / S are not offered (the toolbar says why).
const tagging = (c: CommandContext) => withSelection(c) && !c.readOnlySet
// J / K read the claims only when nothing is selected: with a selection the letters tag.
const steppingClaims = (c: CommandContext) => onDesk(c) && c.selection === null && c.claims > 0
const withSuggestions = (c: CommandContext) => onDesk(c) && c.suggestionsOn
const withFocusedSuggestion = (c: CommandContext) => withSuggestions(c) && c.suggestionFocused
// Accepting a suggestion tags it into the active set: not offered for a colleague's read-only set.
const acceptingSuggestion = (c: CommandContext) => withFocusedSuggestion(c) && !c.readOnlySet
const inCompare = (c: CommandContext) => c.view === 'reader' && c.comparing

export const COMMANDS: readonly CommandEntry[] = [
  { id: 'open-article', labelKey: 'menu.openArticle', keys: ['Mod-o'], when: always, menu: 'file', nativeMenu: true },
  { id: 'import-annotations', labelKey: 'menu.importAnnotations', keys: ['Shift-Mod-I'], when: withDocument, menu: 'file', nativeMenu: true },
  { id: 'export-report-md', labelKey: 'menu.exportReportMd', keys: [], when: withDocument, menu: 'file', groupStart: true },
  { id: 'export-report-html', labelKey: 'menu.exportReportHtml', keys: [], when: withDocument, menu: 'file' },
  { id: 'export-report-pdf', labelKey: 'menu.exportReportPdf', keys: [], when: withDocument, menu: 'file' },
  { id: 'export-report-csv', labelKey: 'menu.exportReportCsv', keys: [], when: withDocument, menu: 'file' },
  { id: 'export-set-w3c', labelKey: 'menu.exportSetW3c', keys: [], when: withDocument, menu: 'file' },
  { id: 'print-article', labelKey: 'menu.printArticle', keys: ['Mod-p'], when: onDesk, menu: 'file', groupStart: true, nativeMenu: true },
  { id: 'undo', labelKey: 'menu.undo', keys: ['Mod-z'], when: withDocument, menu: 'edit', nativeMenu: true },
  { id: 'redo', labelKey: 'menu.redo', keys: ['Shift-Mod-Z', 'Mod-y'], when: withDocument, menu: 'edit', nativeMenu: true },
  { id: 'find-in-article', labelKey: 'menu.findInArticle', keys: ['Mod-f'], when: onDesk, menu: 'edit', nativeMenu: true },
  { id: 'tag-evidenced', labelKey: 'commands.tagEvidenced', keys: ['e'], when: tagging, menu: 'edit', groupStart: true },
  { id: 'tag-speculative', labelKey: 'commands.tagSpeculative', keys: ['s'], when: tagging, menu: 'edit' },
  { id: 'whole-sentence', labelKey: 'commands.wholeSentence', keys: ['w'], when: withSelection, menu: 'edit' },
  { id: 'select-text', labelKey: 'commands.selectText', keys: ['Shift-ArrowLeft', 'Shift-ArrowRight'], when: onDesk, menu: null, platform: true },
  { id: 'show-library', labelKey: 'menu.library', keys: ['Mod-l'], when: always, menu: 'view', nativeMenu: true },
  { id: 'command-palette', labelKey: 'menu.commandPalette', keys: ['Mod-k', 'Shift-Mod-P'], when: always, menu: 'view', nativeMenu: true },
  { id: 'compare', labelKey: 'menu.compare', keys: [], when: (c) => onDesk(c) && c.sets >= 2, menu: 'view', groupStart: true },
  { id: 'toggle-suggestions', labelKey: 'commands.toggleSuggestions', keys: [], when: onDesk, menu: 'view' },
  { id: 'next-claim', labelKey: 'commands.nextClaim', keys: ['j'], when: steppingClaims, menu: 'view', groupStart: true },
  { id: 'prev-claim', labelKey: 'commands.prevClaim', keys: ['k'], when: steppingClaims, menu: 'view' },
  { id: 'next-suggestion', labelKey: 'commands.nextSuggestion', keys: ['n'], when: withSuggestions, menu: 'view', groupStart: true },
  { id: 'prev-suggestion', labelKey: 'commands.prevSuggestion', keys: ['p'], when: withSuggestions, menu: 'view' },
  { id: 'accept-suggestion', labelKey: 'commands.acceptSuggestion', keys: ['a'], when: acceptingSuggestion, menu: 'view' },
  { id: 'accept-suggestion-other', labelKey: 'commands.acceptSuggestionOther', keys: ['Shift-A'], when: acceptingSuggestion, menu: 'view' },
  { id: 'dismiss-suggestion', labelKey: 'commands.dismissSuggestion', keys: ['d'], when: withFocusedSuggestion, menu: 'view' },
  { id: 'close-suggestion', labelKey: 'commands.closeSuggestion', keys: ['Escape'], when: withFocusedSuggestion, menu: null },
  { id: 'next-outcome', labelKey: 'commands.nextOutcome', keys: ['j'], when: inCompare, menu: null },
  { id: 'prev-outcome', labelKey: 'commands.prevOutcome', keys: ['k'], when: inCompare, menu: null },
  { id: 'preferences', labelKey: 'menu.preferences', keys: ['Mod-,'], when: always, menu: 'view', groupStart: true, nativeMenu: true },
  { id: 'shortcuts', labelKey: 'menu.shortcuts', keys: ['?'], when: always, menu: 'help' },
  { id: 'theme-dark', labelKey: 'commands.themeDark', keys: [], when: always, menu: null },
  { id: 'theme-light', labelKey: 'commands.themeLight', keys: [], when: always, menu: null },
  { id: 'language-ja', labelKey: 'commands.languageJa', keys: [], when: always, menu: null },
  { id: 'language-en', labelKey: 'commands.languageEn', keys: [], when: always, menu: null },
]

/** The keys Electron's native menu answers itself (the first key of each `nativeMenu` command). */
export function nativeMenuKeys(): ReadonlySet<string> {
  return new Set(COMMANDS.filter((c) => c.nativeMenu && c.keys[0]).map((c) => c.keys[0]!))
}

/** The table's entry for `id`. @throws RangeError for an id that is not in the table. */
export function commandEntry(id: CommandId): CommandEntry {
  const entry = COMMANDS.find((c) => c.id === id)
  if (!entry) throw new RangeError(`No command ${JSON.stringify(id)} in the command table`)
  return entry
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
