/**
 * Keyboard accelerators of the menu commands. Electron's native menu binds the
 * same keys itself; in a browser the browser host maps key events through this
 * table, so both hosts answer the same keys with the same commands.
 */
import type { MenuCommand } from '../../../shared/bridge/contract'

export interface Accelerator {
  command: MenuCommand
  /** Electron accelerator syntax, also shown in menus and the palette. */
  accelerator: string
  key: string
  mod: boolean
  shift: boolean
}

export const ACCELERATORS: readonly Accelerator[] = [
  { command: 'open-article', accelerator: 'CmdOrCtrl+O', key: 'o', mod: true, shift: false },
  { command: 'import-annotations', accelerator: 'CmdOrCtrl+Shift+I', key: 'i', mod: true, shift: true },
  { command: 'undo', accelerator: 'CmdOrCtrl+Z', key: 'z', mod: true, shift: false },
  { command: 'redo', accelerator: 'CmdOrCtrl+Shift+Z', key: 'z', mod: true, shift: true },
  { command: 'redo', accelerator: 'CmdOrCtrl+Y', key: 'y', mod: true, shift: false },
  { command: 'command-palette', accelerator: 'CmdOrCtrl+K', key: 'k', mod: true, shift: false },
  { command: 'command-palette', accelerator: 'CmdOrCtrl+Shift+P', key: 'p', mod: true, shift: true },
  { command: 'show-library', accelerator: 'CmdOrCtrl+L', key: 'l', mod: true, shift: false },
]

/** The menu command a key event triggers, or null. */
export function acceleratorCommand(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): MenuCommand | null {
  if (event.altKey) return null
  const mod = event.ctrlKey || event.metaKey
  const key = event.key.toLowerCase()
  const hit = ACCELERATORS.find((a) => a.key === key && a.mod === mod && a.shift === event.shiftKey)
  return hit?.command ?? null
}

/** Human-readable shortcut for a command, e.g. "Ctrl+O" (or "⌘O" on a Mac). */
export function shortcutLabel(command: MenuCommand, isMac: boolean): string | null {
  const hit = ACCELERATORS.find((a) => a.command === command)
  if (!hit) return null
  return hit.accelerator.replace('CmdOrCtrl', isMac ? '⌘' : 'Ctrl').replace(/\+(?=.)/g, isMac ? '' : '+')
}
