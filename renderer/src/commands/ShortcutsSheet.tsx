/** The shortcuts sheet (`?`): every key the workbench answers, in one table. */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { commandShortcut } from './command-list'

const READER_KEYS: readonly [string, string][] = [
  ['E', 'shortcuts.tagEvidenced'],
  ['S', 'shortcuts.tagSpeculative'],
  ['W', 'shortcuts.wholeSentence'],
  ['J', 'shortcuts.nextClaim'],
  ['K', 'shortcuts.prevClaim'],
  ['Shift+←/→', 'shortcuts.selectText'],
  ['?', 'shortcuts.sheet'],
]

export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  const { t } = useTranslation()
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal()
  }, [])
  const appKeys: [string, string][] = [
    [commandShortcut('open-article') ?? '', 'shortcuts.open'],
    [commandShortcut('import-annotations') ?? '', 'shortcuts.importAnnotations'],
    [commandShortcut('undo') ?? '', 'shortcuts.undo'],
    [commandShortcut('redo') ?? '', 'shortcuts.redo'],
    [commandShortcut('command-palette') ?? '', 'shortcuts.palette'],
    [commandShortcut('show-library') ?? '', 'shortcuts.library'],
  ]
  return (
    <dialog ref={dialog} className="dialog dialog-wide" aria-labelledby="shortcuts-title" onCancel={onClose} onClose={onClose}>
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <table className="shortcut-table">
        <tbody>
          {[...READER_KEYS, ...appKeys].map(([key, label]) => (
            <tr key={label}>
              <th scope="row">{t(label)}</th>
              <td>
                <kbd>{key}</kbd>
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
