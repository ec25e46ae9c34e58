/**
 * Asked when an annotation file is imported again (the same bytes, or an
 * export of a set already stored): update the set it made before, import it
 * as a separate set, or cancel. Nothing is stored until the analyst chooses.
 * A modal <dialog>: Escape cancels.
 */
import { useEffect, useRef } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { AnnotationSet } from '../../../shared/claims/model'

interface AlreadyImportedDialogProps {
  fileName: string
  existing: AnnotationSet
  /** Claims the existing set holds now. */
  existingClaims: number
  onUpdate(): void
  onImportAsNew(): void
  onCancel(): void
}

export function AlreadyImportedDialog({ fileName, existing, existingClaims, onUpdate, onImportAsNew, onCancel }: AlreadyImportedDialogProps) {
  const { t, i18n } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  const created = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(existing.created))
  return (
    <dialog
      ref={ref}
      className="dialog import-again"
      aria-labelledby="import-again-title"
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      <h2 id="import-again-title">{t('exchange.again.title')}</h2>
      <p>
        <Trans
          i18nKey="exchange.again.lead"
          count={existingClaims}
          values={{ fileName, setLabel: existing.label, analyst: existing.analyst, created }}
          components={{ b: <strong /> }}
        />
      </p>
      <p className="import-result-hint">{t('exchange.again.hint')}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('exchange.again.cancel')}
        </button>
        <button type="button" onClick={onImportAsNew}>
          {t('exchange.again.asNew')}
        </button>
        <button type="button" className="button-primary" autoFocus onClick={onUpdate}>
          {t('exchange.again.update')}
        </button>
      </div>
    </dialog>
  )
}
