/**
 * The keys, the palette, the menus and the shortcuts sheet all come from the
 * one command table: every key in the table runs its command, nothing else
 * runs, the palette and sheet list exactly the table's commands and keys, and
 * keys stand aside only where the user types.
 */
import { describe, expect, it } from 'vitest'
import { MENU_COMMANDS } from '../../../shared/bridge/contract'
import { COMMANDS, IDLE_CONTEXT, nativeMenuKeys, type CommandContext, type CommandEntry, type CommandId } from './command-list'
import { paletteCommands } from './CommandPalette'
import { commandKeymap, isModifiedKey, keyLabel } from './keymap'
import { shortcutRows } from './ShortcutsSheet'

/** A keydown as the browser sends it for a key in keymap notation (not on a Mac: Mod is Ctrl). */
function press(key: string, target: unknown = null): KeyboardEvent {
  const parts = key.split(/-(?!$)/)
  const name = parts.pop()!
  const shift = parts.includes('Shift') || name === '?' || (name.length === 1 && name !== name.toLowerCase())
  return {
    key: name,
    keyCode: name.length === 1 ? name.toUpperCase().charCodeAt(0) : 0,
    ctrlKey: parts.includes('Mod') || parts.includes('Ctrl'),
    metaKey: false,
    altKey: parts.includes('Alt'),
    shiftKey: shift,
    target,
    defaultPrevented: false,
    isComposing: false,
  } as unknown as KeyboardEvent
}

/** Contexts a user meets: library, the desk with and without a selection, suggestions on and focused, Compare. */
const CONTEXTS: CommandContext[] = [
  { ...IDLE_CONTEXT, view: 'library' },
  { ...IDLE_CONTEXT, view: 'reader', claims: 3, sets: 2 },
  { ...IDLE_CONTEXT, view: 'reader', claims: 3, sets: 2, selection: { start: 4, end: 11 } },
  { ...IDLE_CONTEXT, view: 'reader', claims: 3, sets: 2, suggestionsOn: true, suggestionFocused: true },
  { ...IDLE_CONTEXT, view: 'reader', claims: 3, sets: 2, comparing: true },
]

function pressIn(context: CommandContext, key: string, target: unknown = null): CommandId[] {
  const ran: CommandId[] = []
  const handle = commandKeymap(COMMANDS, { context: () => context, run: (id) => (ran.push(id), true), hostKeys: new Set() })
  handle(press(key, target))
  return ran
}

const bound = (c: CommandEntry) => !c.platform

describe('one command table', () => {
  it('runs every command from each of its keys wherever its `when` holds, and never two at once', () => {
    for (const entry of COMMANDS.filter(bound)) {
      for (const key of entry.keys) {
        const where = CONTEXTS.filter((c) => entry.when(c))
        expect(where.length, `${entry.id} is enabled somewhere`).toBeGreaterThan(0)
        for (const context of where) expect(pressIn(context, key), `${key} in ${JSON.stringify(context)}`).toEqual([entry.id])
      }
    }
  })

  it('hands E / S / W the selection range taken at the key press, so they need not ask the Reader again', () => {
    let selection: CommandContext['selection'] = { start: 4, end: 11 }
    const given: [CommandId, CommandContext['selection']][] = []
    const handle = commandKeymap(COMMANDS, {
      context: () => ({ ...IDLE_CONTEXT, view: 'reader', claims: 3, sets: 2, selection }),
      run: (id, context) => {
        // The selection changes after the key (the tag collapses it): the command keeps the one it was given.
        const range = context.selection
        selection = null
        given.push([id, range])
        return true
      },
      hostKeys: new Set(),
    })
    for (const key of ['e', 's', 'w']) {
      selection = { start: 4, end: 11 }
      handle(press(key))
    }
    expect(given).toEqual([
      ['tag-evidenced', { start: 4, end: 11 }],
      ['tag-speculative', { start: 4, end: 11 }],
      ['whole-sentence', { start: 4, end: 11 }],
    ])
  })

  it('runs nothing where no command of that key is enabled', () => {
    const idle = { ...IDLE_CONTEXT, view: 'library' as const }
    for (const key of ['e', 's', 'w', 'j', 'k', 'n', 'p', 'a', 'd', 'Escape', 'x']) expect(pressIn(idle, key), key).toEqual([])
  })

  it('offers no tagging into a colleague\'s read-only set: E, S and A run nothing, W and D still work', () => {
    const readOnly: CommandContext = { ...IDLE_CONTEXT, view: 'reader', claims: 3, sets: 2, selection: { start: 4, end: 11 }, readOnlySet: true }
    expect(pressIn(readOnly, 'e')).toEqual([])
    expect(pressIn(readOnly, 's')).toEqual([])
    expect(pressIn(readOnly, 'w')).toEqual(['whole-sentence'])
    const suggestion: CommandContext = { ...IDLE_CONTEXT, view: 'reader', claims: 3, sets: 2, suggestionsOn: true, suggestionFocused: true, readOnlySet: true }
    expect(pressIn(suggestion, 'a')).toEqual([])
    expect(pressIn(suggestion, 'd')).toEqual(['dismiss-suggestion'])
  })

  it('lists in the sheet exactly the commands with keys, with every key, N/P/A/D included', () => {
    const rows = shortcutRows(false)
    expect(rows.map((r) => r.id)).toEqual(COMMANDS.filter((c) => c.keys.length > 0).map((c) => c.id))
    for (const row of rows) expect(row.keys).toEqual(COMMANDS.find((c) => c.id === row.id)!.keys.map((k) => keyLabel(k, false)))
    const keysOf = (id: string) => rows.find((r) => r.id === id)?.keys
    expect(keysOf('next-suggestion')).toEqual(['N'])
    expect(keysOf('prev-suggestion')).toEqual(['P'])
    expect(keysOf('accept-suggestion')).toEqual(['A'])
    expect(keysOf('accept-suggestion-other')).toEqual(['Shift+A'])
    expect(keysOf('dismiss-suggestion')).toEqual(['D'])
    expect(keysOf('shortcuts')).toEqual(['?'])
  })

  it('offers in the palette every command but itself and the platform’s, with its first key and its enabled state', () => {
    const enabled = new Set<CommandId>(['compare'])
    const rows = paletteCommands((key) => `label:${key}`, (id) => enabled.has(id), false)
    expect(rows.map((r) => r.id)).toEqual(COMMANDS.filter((c) => c.id !== 'command-palette' && !c.platform).map((c) => c.id))
    for (const row of rows) {
      const entry = COMMANDS.find((c) => c.id === row.id)!
      expect(row.label).toBe(`label:${entry.labelKey}`)
      expect(row.shortcut).toBe(entry.keys[0] ? keyLabel(entry.keys[0], false) : null)
      expect(row.enabled).toBe(row.id === 'compare')
    }
  })

  it('puts Compare and the Suggestions switch in the palette, the in-app menus and the native menu', () => {
    for (const id of ['compare', 'toggle-suggestions'] as const) {
      expect(COMMANDS.find((c) => c.id === id)?.menu).toBe('view')
      expect(MENU_COMMANDS).toContain(id)
    }
  })

  it('undoes claims on Ctrl+Z unless a text field with its own undo has focus; a radio or a button is no text field', () => {
    const desk = CONTEXTS[1]!
    const field = (tagName: string, type: string | null = null, inDialog = false) => ({
      tagName,
      getAttribute: (name: string) => (name === 'type' ? type : null),
      closest: (selector: string) => (selector === 'dialog' && inDialog ? {} : null),
      isContentEditable: false,
    })
    expect(pressIn(desk, 'Mod-z', field('INPUT', 'radio'))).toEqual(['undo'])
    expect(pressIn(desk, 'Mod-z', field('BUTTON'))).toEqual(['undo'])
    expect(pressIn(desk, 'Shift-Mod-Z', field('INPUT', 'checkbox'))).toEqual(['redo'])
    expect(pressIn(desk, 'Mod-z', field('INPUT', 'search'))).toEqual([])
    expect(pressIn(desk, 'Mod-z', field('INPUT'))).toEqual([])
    expect(pressIn(desk, 'Mod-z', field('TEXTAREA'))).toEqual([])
    // Letters stand aside in text fields and dialogs, not on a radio.
    expect(pressIn(desk, 'j', field('TEXTAREA'))).toEqual([])
    expect(pressIn(desk, 'j', field('BUTTON', null, true))).toEqual([])
    expect(pressIn(desk, 'j', field('INPUT', 'radio'))).toEqual(['next-claim'])
    // Ctrl keys other than undo act from a text field too.
    expect(pressIn(desk, 'Mod-k', field('INPUT', 'text'))).toEqual(['command-palette'])
  })

  it('leaves the native menu’s accelerators to it under Electron, and answers the other keys', () => {
    const ran: CommandId[] = []
    const handle = commandKeymap(COMMANDS, { context: () => CONTEXTS[1]!, run: (id) => (ran.push(id), true), hostKeys: nativeMenuKeys() })
    expect(handle(press('Mod-z'))).toBe(false)
    expect(handle(press('Mod-y'))).toBe(true)
    expect(handle(press('j'))).toBe(true)
    expect(ran).toEqual(['redo', 'next-claim'])
    expect([...nativeMenuKeys()].every(isModifiedKey)).toBe(true)
  })

  it('shows keys as people read them', () => {
    expect(keyLabel('Shift-Mod-Z', false)).toBe('Ctrl+Shift+Z')
    expect(keyLabel('Shift-Mod-Z', true)).toBe('⇧⌘Z')
    expect(keyLabel('Mod-,', false)).toBe('Ctrl+,')
    expect(keyLabel('e', false)).toBe('E')
    expect(keyLabel('Shift-A', false)).toBe('Shift+A')
    expect(keyLabel('Escape', false)).toBe('Esc')
    expect(keyLabel('Shift-ArrowLeft', false)).toBe('Shift+←')
  })
})
