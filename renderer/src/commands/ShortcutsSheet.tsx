/**
 * The shortcuts sheet (`?`): every key the workbench answers, drawn from the
 * command table (command-list.ts), so it can no longer drift from the keys
 * that actually run.
 */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { COMMANDS } from './command-list'
import { isMacPlatform, keyLabel } from './keymap'
import type { MessageKey } from '../i18n/message-key'

/** The sheet's rows: a label key and the keys as shown, one row per command with keys, in table order. */
export function shortcutRows(isMac: boolean): { id: string; labelKey: MessageKey; keys: string[] }[] {
  return COMMANDS.filter((c) => c.keys.length > 0).map((c) => ({ id: c.id, labelKey: c.labelKey, keys: c.keys.map((k) => keyLabel(k, isMac)) }))
}

export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  const { t } = useTranslation()
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal()
  }, [])
  return (
    <dialog ref={dialog} className="dialog dialog-wide" aria-labelledby="shortcuts-title" onCancel={onClose} onClose={onClose}>
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <table className="shortcut-table">
        <tbody>
          {shortcutRows(isMacPlatform()).map((row) => (
            <tr key={row.id} data-command={row.id}>
              <th scope="row">{t(row.labelKey)}</th>
              <td>
                {row.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && ' / '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </dialog>
  )
}
