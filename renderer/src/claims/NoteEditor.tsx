/**
 * The claim's note (rationale) as the analyst types it. Every change is
 * handed on at once (the claim session writes it, batching keys typed while
 * a write is under way), so typed text is on disk within one write's time and
 * the status line says "Saving…" until it is. What another window saves to
 * the same note never replaces text under the cursor: while the analyst's
 * text differs from what they last saw stored, a foreign change is shown
 * beside it with the choice to keep theirs or take the other window's; until
 * they choose, their text is held (and the status line says "Unsaved").
 */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { setNote } from '../../../shared/claims/claim-edits'
import type { Claim } from '../../../shared/claims/model'
import { useUnsavedDraft } from '../state/unsaved-drafts'
import './note-editor.css'

const now = () => new Date().toISOString()

/** The note field of `claim`; `onChange` gets the claim with the note edited; `readOnly` shows it unchangeable. Keyed by claim id in its parent. */
export function NoteEditor({ claim, onChange, readOnly = false }: { claim: Claim; onChange(next: Claim): void; readOnly?: boolean }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(claim.note)
  /** The note as this editor last saved or adopted it: a different stored note is someone else's change. */
  const base = useRef(claim.note)
  /** True from the first key typed until the field loses focus. */
  const typing = useRef(false)
  /** The other window's note, while the analyst has not chosen between it and their own text. */
  const [theirs, setTheirs] = useState<string | null>(null)
  const latest = useRef({ claim, draft, theirs })
  latest.current = { claim, draft, theirs }

  useEffect(() => {
    const { draft: mine, theirs: waiting } = latest.current
    if (claim.note === base.current) return
    if (claim.note === mine) {
      base.current = claim.note
      setTheirs(null)
    } else if (typing.current || waiting !== null) {
      setTheirs(claim.note)
    } else {
      base.current = claim.note
      setDraft(claim.note)
    }
  }, [claim.note])

  const save = (text: string) => {
    const current = latest.current.claim
    base.current = text
    setTheirs(null)
    if (text !== current.note) onChange(setNote(current, text, now()))
  }
  const type = (text: string) => {
    typing.current = true
    setDraft(text)
    if (theirs === null) save(text)
  }
  // Held only while a choice waits: otherwise every key is already handed on. A page
  // being hidden or closed meanwhile saves the analyst's own text, the one only this window has.
  useUnsavedDraft(theirs !== null, () => save(latest.current.draft), claim.id)

  return (
    <div className="note-editor">
      <label className="field">
        <span>{t('detail.note')}</span>
        <textarea
          rows={4}
          value={draft}
          readOnly={readOnly}
          onChange={(e) => type(e.target.value)}
          onBlur={() => (typing.current = false)}
          placeholder={readOnly ? undefined : t('detail.notePlaceholder')}
          aria-invalid={theirs !== null || undefined}
        />
      </label>
      {theirs !== null && (
        <div className="note-conflict" role="alert">
          <p>{t('detail.noteChanged')}</p>
          <blockquote aria-label={t('detail.theirNote')}>{theirs}</blockquote>
          <div className="subform-actions">
            <button type="button" onClick={() => save(draft)}>
              {t('detail.keepMine')}
            </button>
            <button
              type="button"
              onClick={() => {
                base.current = theirs
                setDraft(theirs)
                setTheirs(null)
              }}
            >
              {t('detail.useTheirs')}
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
