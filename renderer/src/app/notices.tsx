/**
 * Notices: short messages the app shows at the foot of the window (an import
 * refused, a file already in the library). Errors stay until dismissed; plain
 * information fades after a few seconds.
 */
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'

export interface Notice {
  id: number
  kind: 'info' | 'error'
  message: string
}

let nextId = 1

export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([])
  const dismiss = useCallback((id: number) => setNotices((all) => all.filter((n) => n.id !== id)), [])
  const notify = useCallback(
    (kind: Notice['kind'], message: string) => {
      const id = nextId++
      setNotices((all) => [...all.slice(-3), { id, kind, message }])
      if (kind === 'info') setTimeout(() => dismiss(id), 6000)
    },
    [dismiss],
  )
  return { notices, notify, dismiss }
}

export function NoticeArea({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss(id: number): void }) {
  const { t } = useTranslation()
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice--${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span>{n.message}</span>
          <button type="button" className="notice-close" onClick={() => onDismiss(n.id)} aria-label={t('app.dismissMessage')}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
