/**
 * Keys to commands: the command table (command-list.ts) turned into one
 * keydown handler with prosemirror-keymap's keydownHandler, so key names,
 * Mod (Cmd on a Mac, Ctrl elsewhere) and shifted characters ("?") are read
 * exactly as ProseMirror reads them. Several commands may share a key (J steps
 * claims on the desk and outcomes in Compare): the first enabled one runs.
 */
import { keydownHandler } from 'prosemirror-keymap'
import type { EditorView } from 'prosemirror-view'
import { isTextField, isTypingTarget } from '../ui/typing-target'
import type { CommandContext, CommandEntry, CommandId } from './command-list'

export interface KeymapOptions {
  /** The facts `when` reads, taken at the key press. */
  context(): CommandContext
  /** Run a command with the context its key was read in; false when nobody handles it now. */
  run(id: CommandId, context: CommandContext): boolean
  /**
   * Keys the host answers itself: under Electron the native menu's
   * accelerators (command-list.ts `nativeMenuKeys`), which send their command
   * through the bridge; none in the browser.
   */
  hostKeys: ReadonlySet<string>
}

const MODIFIED = /(^|-)(Mod|Ctrl|Cmd|Meta|Alt)-/

/** Whether a key (keymap notation) has Ctrl, Cmd, Alt or Mod. */
export function isModifiedKey(key: string): boolean {
  return MODIFIED.test(key)
}

// keydownHandler hands (state, dispatch, view) to each binding; ours read none of
// them, and the handler only reads view.state and view.dispatch to pass them on.
const NO_VIEW = { state: null, dispatch: null } as unknown as EditorView

/**
 * A keydown handler for `commands`: returns true when the key ran a command
 * (the caller then prevents the default). Plain keys stand aside where the
 * user types (a text field, a select, a dialog); undo and redo stand aside in
 * a text field only, which has its own undo; other Ctrl/Cmd keys act anywhere.
 * Platform entries (text selection) are never bound.
 */
export function commandKeymap(commands: readonly CommandEntry[], options: KeymapOptions): (event: KeyboardEvent) => boolean {
  let current: KeyboardEvent | null = null
  const byKey = new Map<string, CommandEntry[]>()
  for (const entry of commands) {
    if (entry.platform) continue
    for (const key of entry.keys) {
      if (options.hostKeys.has(key)) continue
      byKey.set(key, [...(byKey.get(key) ?? []), entry])
    }
  }
  const standsAside = (entry: CommandEntry, key: string, target: EventTarget | null) => {
    if (!isModifiedKey(key)) return isTypingTarget(target)
    if (entry.id === 'undo' || entry.id === 'redo') return isTextField(target)
    return false
  }
  const bindings = Object.fromEntries(
    [...byKey].map(([key, entries]) => [
      key,
      () => {
        if (!current) return false
        const context = options.context()
        for (const entry of entries) {
          if (standsAside(entry, key, current.target)) continue
          if (entry.when(context) && options.run(entry.id, context)) return true
        }
        return false
      },
    ]),
  )
  const handle = keydownHandler(bindings)
  return (event) => {
    if (event.defaultPrevented || event.isComposing) return false
    current = event
    try {
      return handle(NO_VIEW, event)
    } finally {
      current = null
    }
  }
}

const KEY_NAMES: Readonly<Record<string, string>> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc', ' ': 'Space' }

/**
 * A key as people read it: 'Shift-Mod-Z' is "Ctrl+Shift+Z" (or "⇧⌘Z" on a
 * Mac), 'e' is "E", 'Escape' is "Esc".
 */
export function keyLabel(key: string, isMac: boolean): string {
  const parts = key.split(/-(?!$)/)
  const name = parts.pop() ?? ''
  const shown = KEY_NAMES[name] ?? (name.length === 1 ? name.toUpperCase() : name)
  const has = (re: RegExp) => parts.some((p) => re.test(p))
  const mods: string[] = []
  if (has(/^(Mod|Ctrl|c|Control)$/i)) mods.push(isMac && has(/^Mod$/i) ? '⌘' : 'Ctrl')
  if (has(/^(Cmd|Meta|m)$/i)) mods.push(isMac ? '⌘' : 'Meta')
  if (has(/^(Alt|a)$/i)) mods.push(isMac ? '⌥' : 'Alt')
  if (has(/^(Shift|s)$/i)) mods.push(isMac ? '⇧' : 'Shift')
  if (isMac) return [...mods.filter((m) => m !== '⌘'), ...mods.filter((m) => m === '⌘')].join('') + shown
  return [...mods, shown].join('+')
}

/** A key in Electron's accelerator syntax: 'Shift-Mod-I' is 'CmdOrCtrl+Shift+I'. */
export function electronAccelerator(key: string): string {
  const parts = key.split(/-(?!$)/)
  const name = parts.pop() ?? ''
  const mods = [parts.includes('Mod') && 'CmdOrCtrl', parts.includes('Alt') && 'Alt', parts.includes('Shift') && 'Shift'].filter(Boolean)
  return [...mods, name.length === 1 ? name.toUpperCase() : name].join('+')
}

/** Whether this machine is a Mac (Cmd for Mod). */
export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform)
}
