/**
 * The floating toolbar beside a selection: tag it Evidenced or Speculative, or
 * grow it to whole sentences. Buttons keep the text selection (mousedown is
 * cancelled) so the click acts on what the user selected.
 */
import { useTranslation } from 'react-i18next'
import type { Stance } from '../../../shared/claims/model'

interface TagToolbarProps {
  top: number
  left: number
  /** Why nothing can be tagged into the active set (a colleague's, read-only), or null: the tag buttons are then disabled and the reason shown. */
  readOnly?: string | null
  onTag(stance: Stance): void
  onWholeSentence(): void
}

const keepSelection = (event: React.MouseEvent) => event.preventDefault()

export function TagToolbar({ top, left, readOnly = null, onTag, onWholeSentence }: TagToolbarProps) {
  const { t } = useTranslation()
  return (
    <div role="toolbar" aria-label={t('toolbar.label')} className="tag-toolbar" style={{ top, left }} onMouseDown={keepSelection}>
      <button type="button" className="tag-button tag-button--evidenced" onClick={() => onTag('evidenced')} aria-keyshortcuts="E" disabled={readOnly !== null} aria-describedby={readOnly === null ? undefined : 'tag-toolbar-read-only'}>
        <span className="tag-glyph" aria-hidden="true">
          E
        </span>
        {t('toolbar.evidenced')}
      </button>
      <button type="button" className="tag-button tag-button--speculative" onClick={() => onTag('speculative')} aria-keyshortcuts="S" disabled={readOnly !== null} aria-describedby={readOnly === null ? undefined : 'tag-toolbar-read-only'}>
        <span className="tag-glyph" aria-hidden="true">
          S
        </span>
        {t('toolbar.speculative')}
      </button>
      <button type="button" className="tag-button" onClick={onWholeSentence} aria-keyshortcuts="W" title={t('toolbar.wholeSentenceTitle')}>
        {t('toolbar.wholeSentence')}
      </button>
      {readOnly !== null && (
        <p id="tag-toolbar-read-only" className="tag-toolbar-note">
          {readOnly}
        </p>
      )}
    </div>
  )
}
