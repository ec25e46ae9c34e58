/**
 * The claim detail's small forms: an evidence item (citation and optional
 * URL) and a counterpoint (text, strength, optional source). Both add a new
 * item or, given `initial`, edit one; both share the citation/URL fields and
 * the cancel/submit row.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { STRENGTHS, type Counterpoint, type EvidenceItem, type Strength } from '../../../shared/claims/model'

function CitationFields(props: {
  citation: string
  url: string
  onCitation(value: string): void
  onUrl(value: string): void
  labels: { citation: string; placeholder: string; url: string }
}) {
  return (
    <>
      <label className="field">
        <span>{props.labels.citation}</span>
        <input value={props.citation} onChange={(e) => props.onCitation(e.target.value)} placeholder={props.labels.placeholder} />
      </label>
      <label className="field">
        <span>{props.labels.url}</span>
        <input type="url" value={props.url} onChange={(e) => props.onUrl(e.target.value)} placeholder="https://" />
      </label>
    </>
  )
}

function SubformActions({ onCancel, canSubmit, submitLabel }: { onCancel?: (() => void) | undefined; canSubmit: boolean; submitLabel: string }) {
  const { t } = useTranslation()
  return (
    <div className="subform-actions">
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('dialog.cancel')}
        </button>
      )}
      <button type="submit" disabled={!canSubmit}>
        {submitLabel}
      </button>
    </div>
  )
}

export function EvidenceForm({ initial, onSubmit, onCancel }: { initial?: EvidenceItem; onSubmit(citation: string, url: string): void; onCancel?(): void }) {
  const { t } = useTranslation()
  const [citation, setCitation] = useState(initial?.citation ?? '')
  const [url, setUrl] = useState(initial?.url ?? '')
  return (
    <form
      className="subform"
      aria-label={initial ? t('detail.editEvidence') : t('detail.addEvidence')}
      onSubmit={(e) => {
        e.preventDefault()
        if (!citation.trim()) return
        onSubmit(citation.trim(), url.trim())
        if (!initial) {
          setCitation('')
          setUrl('')
        }
      }}
    >
      <CitationFields
        citation={citation}
        url={url}
        onCitation={setCitation}
        onUrl={setUrl}
        labels={{ citation: t('detail.citation'), placeholder: t('detail.citationPlaceholder'), url: t('detail.url') }}
      />
      <SubformActions onCancel={onCancel} canSubmit={!!citation.trim()} submitLabel={initial ? t('detail.saveEvidence') : t('detail.addEvidence')} />
    </form>
  )
}

interface CounterpointValue {
  text: string
  strength: Strength
  citation: string
  url: string
}

export function CounterpointForm({ initial, onSubmit, onCancel }: { initial?: Counterpoint; onSubmit(v: CounterpointValue): void; onCancel?(): void }) {
  const { t } = useTranslation()
  const [text, setText] = useState(initial?.text ?? '')
  const [strength, setStrength] = useState<Strength>(initial?.strength ?? 'moderate')
  const [citation, setCitation] = useState(initial?.source?.citation ?? '')
  const [url, setUrl] = useState(initial?.source?.url ?? '')
  return (
    <form
      className="subform"
      aria-label={initial ? t('detail.editCounterpoint') : t('detail.addCounterpoint')}
      onSubmit={(e) => {
        e.preventDefault()
        if (!text.trim()) return
        onSubmit({ text: text.trim(), strength, citation: citation.trim(), url: url.trim() })
        if (!initial) {
          setText('')
          setCitation('')
          setUrl('')
          setStrength('moderate')
        }
      }}
    >
      <label className="field">
        <span>{t('detail.counterpoint')}</span>
        <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('detail.counterpointPlaceholder')} />
      </label>
      <label className="field field-inline">
        <span>{t('detail.strength')}</span>
        <select value={strength} onChange={(e) => setStrength(e.target.value as Strength)}>
          {STRENGTHS.map((s) => (
            <option key={s} value={s}>
              {t(`strength.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <CitationFields
        citation={citation}
        url={url}
        onCitation={setCitation}
        onUrl={setUrl}
        labels={{ citation: t('detail.source'), placeholder: t('detail.sourcePlaceholder'), url: t('detail.sourceUrl') }}
      />
      <SubformActions onCancel={onCancel} canSubmit={!!text.trim()} submitLabel={initial ? t('detail.saveCounterpoint') : t('detail.addCounterpoint')} />
    </form>
  )
}

export function sourceOf(v: CounterpointValue) {
  return v.citation || v.url ? { citation: v.citation, url: v.url } : null
}
