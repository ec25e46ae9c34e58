/**
 * "Compare sets…": the claims panel's way into Compare mode. The button is
 * enabled once the document has two sets; it opens a dialog where the analyst
 * ticks the sets to compare (two or more). The first ticked set in the list
 * is A, the second B; Compare mode can swap them.
 */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AnnotationSet } from '../../../shared/claims/model'

interface CompareLauncherProps {
  sets: readonly AnnotationSet[]
  activeSetId: string | null
  /** Open Compare on these set ids, A first. */
  onOpen(setIds: string[]): void
  /** Whether the set picker is open (the button or the Compare command opens it). */
  choosing: boolean
  onChoosingChange(open: boolean): void
}

/** The sets ticked by default: the active set and the one after it (or before it, when it is last). */
export function defaultPicks(sets: readonly AnnotationSet[], activeSetId: string | null): string[] {
  if (sets.length < 2) return sets.map((s) => s.id)
  const at = Math.max(0, sets.findIndex((s) => s.id === activeSetId))
  const other = at + 1 < sets.length ? at + 1 : at - 1
  return [sets[at]!.id, sets[other]!.id]
}

function ChooseSetsDialog({ sets, initial, onOpen, onCancel }: { sets: readonly AnnotationSet[]; initial: string[]; onOpen(ids: string[]): void; onCancel(): void }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set(initial))
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  const ordered = sets.filter((s) => picked.has(s.id))
  const role = (id: string): string | null => {
    const i = ordered.findIndex((s) => s.id === id)
    return i === 0 ? 'A' : i === 1 ? 'B' : i > 1 ? t('compare.setRole', { n: i + 1 }) : null
  }
  const toggle = (id: string, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })

  return (
    <dialog ref={ref} className="dialog cmp-choose" aria-labelledby="cmp-choose-title" onCancel={onCancel}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault()
          if (ordered.length >= 2) onOpen(ordered.map((s) => s.id))
        }}
      >
        <h2 id="cmp-choose-title">{t('compare.choose.title')}</h2>
        <fieldset className="cmp-choose-sets">
          <legend className="field-hint">{t('compare.choose.hint')}</legend>
          {sets.map((s) => (
            <label key={s.id} className="cmp-choose-set">
              <input type="checkbox" checked={picked.has(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
              <span className="cmp-choose-label">
                {s.label} <span className="cmp-choose-meta">— {s.analyst} · {t(`compare.origin.${s.origin}`)}</span>
              </span>
              <span className="cmp-role" aria-label={role(s.id) ? t('compare.choose.role', { role: role(s.id) }) : undefined}>
                {role(s.id)}
              </span>
            </label>
          ))}
        </fieldset>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={ordered.length < 2}>
            {t('compare.choose.submit')}
          </button>
        </div>
      </form>
    </dialog>
  )
}

/** The "Compare sets…" button and its set picker; calls `onOpen` with two or more set ids. Never throws. */
export function CompareLauncher({ sets, activeSetId, onOpen, choosing, onChoosingChange: setChoosing }: CompareLauncherProps) {
  const { t } = useTranslation()
  const enough = sets.length >= 2
  return (
    <>
      <button
        type="button"
        className="button-quiet cmp-launch"
        disabled={!enough}
        title={t(enough ? 'compare.launchTitle' : 'compare.launchDisabled')}
        onClick={() => setChoosing(true)}
      >
        {t('compare.launch')}
      </button>
      {choosing && enough && (
        <ChooseSetsDialog
          sets={sets}
          initial={defaultPicks(sets, activeSetId)}
          onCancel={() => setChoosing(false)}
          onOpen={(ids) => {
            setChoosing(false)
            onOpen(ids)
          }}
        />
      )}
    </>
  )
}
