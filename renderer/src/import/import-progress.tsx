/**
 * Progress and cancel for an article import: `track` runs an import with an
 * AbortSignal and a progress callback; if it is still running after 300 ms
 * (quick imports never flicker) a panel shows the file, the phase, its
 * percentage and a Cancel button. Esc cancels too, while the panel is up.
 * Cancelling aborts the signal: the import terminates its worker and stores
 * nothing (import-article.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportArticleOptions } from './import-article'

const SHOW_AFTER_MS = 300

type Progress = Parameters<NonNullable<ImportArticleOptions['onProgress']>>[0]

interface Run {
  id: number
  name: string
  progress: Progress | null
  shown: boolean
}

/** Whether `error` is the reason of an aborted import (the user cancelled it). */
export function isCancellation(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

/**
 * State for one import at a time (a second import replaces the panel of the
 * first; each keeps its own signal). `track(name, work)` resolves or rejects
 * as `work` does; a cancelled import rejects with the signal's reason (see
 * {@link isCancellation}).
 */
export function useImportProgress() {
  const [run, setRun] = useState<Run | null>(null)
  const controllers = useRef(new Map<number, AbortController>())
  const nextId = useRef(0)
  const currentId = useRef(0)

  const track = useCallback(async <T,>(name: string, work: (options: Pick<ImportArticleOptions, 'signal' | 'onProgress'>) => Promise<T>): Promise<T> => {
    const id = ++nextId.current
    const controller = new AbortController()
    controllers.current.set(id, controller)
    currentId.current = id
    setRun({ id, name, progress: null, shown: false })
    const timer = setTimeout(() => setRun((r) => (r?.id === id ? { ...r, shown: true } : r)), SHOW_AFTER_MS)
    try {
      return await work({
        signal: controller.signal,
        onProgress: (progress) => setRun((r) => (r?.id === id ? { ...r, progress } : r)),
      })
    } finally {
      clearTimeout(timer)
      controllers.current.delete(id)
      setRun((r) => (r?.id === id ? null : r))
    }
  }, [])

  const cancel = useCallback(() => controllers.current.get(currentId.current)?.abort(), [])

  const visible = run?.shown === true ? run : null
  useEffect(() => {
    if (!visible) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.isComposing) return
      // An open dialog (the palette, a confirmation) takes its own Esc; otherwise Esc stops the import.
      if (document.querySelector('dialog[open]')) return
      event.preventDefault()
      event.stopImmediatePropagation()
      cancel()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [visible, cancel])

  return { track, cancel, panel: visible ? <ImportProgressPanel name={visible.name} progress={visible.progress} onCancel={cancel} /> : null }
}

/** The panel itself: file, phase, percentage (when the phase has one) and Cancel. */
export function ImportProgressPanel({ name, progress, onCancel }: { name: string; progress: Progress | null; onCancel: () => void }) {
  const { t } = useTranslation()
  const phase = progress?.phase ?? 'reading'
  const percent = progress?.fraction == null ? null : Math.min(100, Math.floor(progress.fraction * 100))
  const label = t('importProgress.label', { name })
  return (
    <div className="busy import-progress" role="group" aria-label={label}>
      <div className="import-progress-text">
        <span className="import-progress-name">{label}</span>
        <span className="import-progress-phase" role="status" aria-live="polite">
          {t(`importProgress.phase.${phase}`)}
        </span>
      </div>
      <progress aria-label={t(`importProgress.phase.${phase}`)} max={100} value={percent ?? undefined} />
      <span className="import-progress-percent" aria-hidden="true">
        {percent === null ? '' : t('importProgress.percent', { percent })}
      </span>
      <button type="button" className="import-progress-cancel" onClick={onCancel} title={t('importProgress.cancelHint')}>
        {t('importProgress.cancel')}
      </button>
    </div>
  )
}
