/**
 * Notices: short messages the app shows at the foot of the window (an import
 * refused, a file already in the library). Errors stay until dismissed; plain
 * information fades after a few seconds. A notice may carry one action (e.g.
 * "Undo" after a delete), a button that runs it and closes the notice.
 */
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoticeAction, Notify } from '../ui/notify'

export interface Notice {
  id: number
  kind: 'info' | 'error'
  message: string
  action?: NoticeAction
}


let nextId = 1

export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([])
  const dismiss = useCallback((id: number) => setNotices((all) => all.filter((n) => n.id !== id)), [])
  const notify = useCallback<Notify>(
    (kind, message, action) => {
      const id = nextId++
      setNotices((all) => [...all.slice(-3), { id, kind, message, ...(action ? { action } : {}) }])
      // A notice with an action stays a little longer: time to reach for it.
      if (kind === 'info') setTimeout(() => dismiss(id), action ? 8000 : 6000)
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
          {n.action && (
            <button
              type="button"
              className="notice-action"
              onClick={() => {
                n.action!.run()
                onDismiss(n.id)
              }}
            >
              {n.action.label}
            </button>
          )}
          <button type="button" className="notice-close" onClick={() => onDismiss(n.id)} aria-label={t('app.dismissMessage')}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
