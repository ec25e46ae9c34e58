/**
 * A modal that asks for one line of text (a name, a label). Submitting an
 * empty value is not possible; Escape cancels.
 */
import { useTranslation } from 'react-i18next'
import { useEffect, useRef, useState } from 'react'

interface PromptDialogProps {
  title: string
  label: string
  initial?: string
  submitLabel: string
  hint?: string
  onSubmit(value: string): void
  onCancel(): void
}

export function PromptDialog({ title, label, initial = '', submitLabel, hint, onSubmit, onCancel }: PromptDialogProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const [value, setValue] = useState(initial)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  const clean = value.trim()
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="prompt-title" onCancel={onCancel}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault()
          if (clean) onSubmit(clean)
        }}
      >
        <h2 id="prompt-title">{title}</h2>
        <label className="field">
          <span>{label}</span>
          <input autoFocus value={value} onChange={(e) => setValue(e.target.value)} maxLength={200} />
        </label>
        {hint && <p className="field-hint">{hint}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={!clean}>
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  )
}
