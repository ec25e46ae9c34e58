/**
 * Claim detail: change the stance, write the rationale, attach evidence and
 * counterpoints, edit or delete each, delete the claim. Every change is handed
 * up as the edited claim (pure edits from shared/claims); the claim session
 * records it as the operations it is (one undo step) and writes those. A
 * claim of a colleague's followed set is shown read-only: the reason is said,
 * nothing can be changed, links still open.
 */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  addCounterpoint,
  addEvidence,
  removeCounterpoint,
  removeEvidence,
  setStance,
  updateCounterpoint,
  updateEvidence,
} from '../../../shared/claims/claim-edits'
import type { Claim, Stance } from '../../../shared/claims/model'
import { errorText } from '../i18n/error-message'
import { CounterpointForm, EvidenceForm, sourceOf } from './claim-forms'
import { NoteEditor } from './NoteEditor'
import { shorten } from './ClaimsPanel'

interface ClaimDetailProps {
  claim: Claim
  onChange(next: Claim): void
  onDelete(): void
  onClose(): void
  onOpenLink(url: string): void
  /** Why the claim cannot be changed here (a colleague's set, read-only), or null: the reason is shown and no control edits. */
  readOnly?: string | null
}

const now = () => new Date().toISOString()

export function ClaimDetail({ claim, onChange, onDelete, onClose, onOpenLink, readOnly = null }: ClaimDetailProps) {
  const locked = readOnly !== null
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const [editing, setEditing] = useState<string | null>(null)
  const pane = useRef<HTMLElement>(null)
  useEffect(() => {
    setError(null)
    setEditing(null)
    // Another claim: its editor starts at its quote, not where the last one was scrolled to.
    if (pane.current) pane.current.scrollTop = 0
  }, [claim.id])
  // Edits that refuse their input (an unsafe URL) report here and change nothing.
  const attempt = (edit: () => Claim) => {
    try {
      onChange(edit())
      setError(null)
      return true
    } catch (e) {
      setError(errorText(e))
      return false
    }
  }

  return (
    <section ref={pane} className="claim-detail" aria-labelledby="claim-detail-title" tabIndex={-1}>
      <header className="claim-detail-head">
        <h2 id="claim-detail-title" className="panel-title">
          {t('detail.title')}
        </h2>
        <button type="button" className="button-quiet" onClick={onClose} aria-label={t('detail.closeLabel')}>
          {t('detail.close')}
        </button>
      </header>
      <blockquote className={`claim-detail-quote claim-detail-quote--${claim.stance}`}>{shorten(claim.target.quote.exact, 400)}</blockquote>
      {locked && (
        <p className="claim-detail-read-only" role="note">
          {readOnly}
        </p>
      )}
      <fieldset className="stance-choice" disabled={locked}>
        <legend>{t('stance.label')}</legend>
        {(['evidenced', 'speculative'] as Stance[]).map((s) => (
          <label key={s} className={`stance-option stance-option--${s} ${claim.stance === s ? 'is-on' : ''}`}>
            <input type="radio" name={`stance-${claim.id}`} checked={claim.stance === s} onChange={() => attempt(() => setStance(claim, s, now()))} />
            {t(`stance.${s}`)}
          </label>
        ))}
      </fieldset>
      <NoteEditor key={claim.id} claim={claim} onChange={onChange} readOnly={locked} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <section aria-labelledby="evidence-title">
        <h3 id="evidence-title">{t('detail.evidence', { count: claim.evidence.length })}</h3>
        <ul className="item-list">
          {claim.evidence.map((item) =>
            editing === item.id ? (
              <li key={item.id}>
                <EvidenceForm
                  initial={item}
                  onCancel={() => setEditing(null)}
                  onSubmit={(citation, url) => attempt(() => updateEvidence(claim, item.id, { citation, url }, now())) && setEditing(null)}
                />
              </li>
            ) : (
              <li key={item.id} className="item">
                <span className="item-text">{item.citation}</span>
                {item.url && (
                  <button type="button" className="link-button" onClick={() => onOpenLink(item.url)} title={item.url}>
                    {t('detail.openLink')}
                  </button>
                )}
                {!locked && (
                  <span className="item-actions">
                    <button type="button" className="button-quiet" onClick={() => setEditing(item.id)} aria-label={t('detail.editEvidenceNamed', { name: item.citation })}>
                      {t('detail.edit')}
                    </button>
                    <button type="button" className="button-quiet-danger" onClick={() => attempt(() => removeEvidence(claim, item.id, now()))} aria-label={t('detail.deleteEvidenceNamed', { name: item.citation })}>
                      {t('detail.delete')}
                    </button>
                  </span>
                )}
              </li>
            ),
          )}
        </ul>
        {!locked && <EvidenceForm onSubmit={(citation, url) => attempt(() => addEvidence(claim, { citation, url }, now()))} />}
      </section>
      <section aria-labelledby="counterpoints-title">
        <h3 id="counterpoints-title">{t('detail.counterpoints', { count: claim.counterpoints.length })}</h3>
        <ul className="item-list">
          {claim.counterpoints.map((point) =>
            editing === point.id ? (
              <li key={point.id}>
                <CounterpointForm
                  initial={point}
                  onCancel={() => setEditing(null)}
                  onSubmit={(v) =>
                    attempt(() => updateCounterpoint(claim, point.id, { text: v.text, strength: v.strength, source: sourceOf(v) }, now())) && setEditing(null)
                  }
                />
              </li>
            ) : (
              <li key={point.id} className="item counterpoint">
                <span className={`strength strength--${point.strength}`}>{t(`strength.${point.strength}`)}</span>
                <span className="item-text">{point.text}</span>
                {point.source && (
                  <span className="item-source">
                    — {point.source.citation || point.source.url}
                    {point.source.url && (
                      <button type="button" className="link-button" onClick={() => onOpenLink(point.source!.url)} title={point.source.url}>
                        {t('detail.openLink')}
                      </button>
                    )}
                  </span>
                )}
                {!locked && (
                  <span className="item-actions">
                    <button type="button" className="button-quiet" onClick={() => setEditing(point.id)} aria-label={t('detail.editCounterpoint')}>
                      {t('detail.edit')}
                    </button>
                    <button type="button" className="button-quiet-danger" onClick={() => attempt(() => removeCounterpoint(claim, point.id, now()))} aria-label={t('detail.deleteCounterpoint')}>
                      {t('detail.delete')}
                    </button>
                  </span>
                )}
              </li>
            ),
          )}
        </ul>
        {!locked && <CounterpointForm onSubmit={(v) => attempt(() => addCounterpoint(claim, { text: v.text, strength: v.strength, source: sourceOf(v) }, now()))} />}
      </section>
      {!locked && (
        <footer className="claim-detail-foot">
          <button type="button" className="button-danger" onClick={onDelete}>
            {t('detail.deleteClaim')}
          </button>
        </footer>
      )}
    </section>
  )
}
