/**
 * The command palette (Ctrl/Cmd+K or Ctrl/Cmd+Shift+P): type to filter, arrows
 * to move, Enter to run, Escape to close. A combobox over a listbox, as the
 * ARIA practices describe, so screen readers follow the active option.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { COMMANDS, matchCommands, type CommandId } from './command-list'
import { keyLabel } from './keymap'
import type { MessageKey } from '../i18n/message-key'

export interface PaletteCommand {
  id: CommandId
  label: string
  /** Its first key as shown ("Ctrl+O", "E"), or null. */
  shortcut: string | null
  enabled: boolean
}

/**
 * The palette's rows: every command of the table but the palette itself and
 * what the platform does (text selection), labelled by `label`, with its first
 * key, enabled as `isEnabled` says.
 */
export function paletteCommands(label: (key: MessageKey) => string, isEnabled: (id: CommandId) => boolean, isMac: boolean): PaletteCommand[] {
  return COMMANDS.filter((c) => c.id !== 'command-palette' && !c.platform).map((c) => ({
    id: c.id,
    label: label(c.labelKey),
    shortcut: c.keys[0] ? keyLabel(c.keys[0], isMac) : null,
    enabled: isEnabled(c.id),
  }))
}

export function CommandPalette({ commands, onRun, onClose }: { commands: readonly PaletteCommand[]; onRun(id: CommandId): void; onClose(): void }) {
  const { t } = useTranslation()
  const dialog = useRef<HTMLDialogElement>(null)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const visible = useMemo(() => matchCommands(commands, query), [commands, query])
  const current = visible[Math.min(active, visible.length - 1)]

  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal()
  }, [])

  const run = (command: PaletteCommand | undefined) => {
    if (!command || !command.enabled) return
    onClose()
    onRun(command.id)
  }

  return (
    <dialog ref={dialog} className="dialog palette" aria-label={t('palette.label')} onCancel={onClose} onClose={onClose}>
      <input
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={current ? `palette-${current.id}` : undefined}
        aria-label={t('palette.inputLabel')}
        placeholder={t('palette.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setActive((i) => Math.min(visible.length - 1, i + 1))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            setActive((i) => Math.max(0, i - 1))
          } else if (e.key === 'Enter') {
            e.preventDefault()
            run(current)
          }
        }}
      />
      {visible.length === 0 ? (
        <p className="palette-empty">{t('palette.noMatch')}</p>
      ) : (
        <ul id="palette-list" role="listbox" className="palette-list" aria-label={t('palette.label')}>
          {visible.map((c, i) => (
            <li
              key={c.id}
              id={`palette-${c.id}`}
              role="option"
              aria-selected={c === current}
              aria-disabled={!c.enabled}
              className="palette-item"
              onMouseMove={() => setActive(i)}
              onClick={() => run(c)}
            >
              <span>{c.label}</span>
              {c.shortcut && <kbd>{c.shortcut}</kbd>}
            </li>
          ))}
        </ul>
      )}
    </dialog>
  )
}
