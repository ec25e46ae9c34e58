/**
 * The "Suggestion lexicon" dialog: the claim finder's cues by language and
 * kind, each removable (bundled cues can be restored, the user's own are
 * deleted), and a form to add a cue — a literal word or a regular expression
 * with an example sentence it must match, checked by `parseCueEntry` before it
 * is saved. Changes apply to the suggestions at once.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { CUE_KINDS, defaultLexicon, InvalidCueError, type CueEntry, type CueKind, type CueLanguage } from '../../../shared/cues'
import { userMessageOf } from '../../../shared/errors'
import { shorten } from '../claims/ClaimsPanel'
import type { Suggestions } from './use-suggestions'
import { cueFromDraft, type CueDraft } from './user-lexicon'

const LANGUAGE_NAME: Record<CueLanguage, string> = { ja: 'Japanese', en: 'English' }
const KIND_TITLE: Record<CueKind, string> = { hedge: 'Hedges', intent: 'Attributed intent', booster: 'Boosters', evidence: 'Evidence' }
const KIND_HINT: Record<CueKind, string> = {
  hedge: 'speculation: だろう, may, likely',
  intent: 'what someone wants or thinks: 狙い, aims to',
  booster: 'asserted certainty: 間違いない, clearly',
  evidence: 'support in the sentence: figures, dates, sources',
}

type Row = { entry: CueEntry; state: 'active' | 'removed' | 'yours' }

interface LexiconDialogProps {
  suggest: Pick<Suggestions, 'userCues' | 'removedCueIds' | 'lexiconProblems' | 'addCue' | 'removeCue' | 'restoreCue'>
  onClose(): void
}

function CueRow({ row, isNew, onRemove, onRestore }: { row: Row; isNew: boolean; onRemove(): void; onRestore(): void }) {
  const { entry, state } = row
  const label = entry.match === 'regex' ? shorten(entry.pattern, 48) : entry.pattern
  const ref = useRef<HTMLLIElement>(null)
  useEffect(() => {
    if (isNew) ref.current?.scrollIntoView({ block: 'nearest' })
  }, [isNew])
  return (
    <li ref={ref} className={`cue-row cue-row--${state}${isNew ? ' is-new' : ''}`}>
      <span className="cue-row-pattern" title={entry.pattern}>
        {entry.match === 'regex' ? <code>{label}</code> : label}
        {state === 'yours' && <span className="cue-row-tag">yours</span>}
        {state === 'removed' && <span className="cue-row-tag">removed</span>}
      </span>
      <span className="cue-row-example" title={entry.example}>
        {shorten(entry.example, 40)}
      </span>
      {state === 'removed' ? (
        <button type="button" className="button-quiet" onClick={onRestore} aria-label={`Restore cue ${entry.pattern}`}>
          Restore
        </button>
      ) : (
        <button type="button" className="button-quiet-danger" onClick={onRemove} aria-label={`${state === 'yours' ? 'Delete' : 'Remove'} cue ${entry.pattern}`}>
          {state === 'yours' ? 'Delete' : 'Remove'}
        </button>
      )}
    </li>
  )
}

export function LexiconDialog({ suggest, onClose }: LexiconDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  const [language, setLanguage] = useState<CueLanguage>('ja')
  const [draft, setDraft] = useState<CueDraft>({ language: 'ja', kind: 'hedge', match: 'literal', pattern: '', example: '' })
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [added, setAdded] = useState<string | null>(null)

  const rows = useMemo(() => {
    const removed = new Set(suggest.removedCueIds)
    const all: Row[] = [
      ...defaultLexicon().map((entry): Row => ({ entry, state: removed.has(entry.id) ? 'removed' : 'active' })),
      ...suggest.userCues.map((entry): Row => ({ entry, state: 'yours' })),
    ]
    return all
  }, [suggest.removedCueIds, suggest.userCues])
  const counts = useMemo(() => {
    const by: Record<CueLanguage, number> = { ja: 0, en: 0 }
    for (const r of rows) if (r.state !== 'removed') by[r.entry.language]++
    return by
  }, [rows])

  const submit = async () => {
    let entry: CueEntry
    try {
      entry = cueFromDraft(draft, new Set(rows.map((r) => r.entry.id)))
    } catch (e) {
      setError(e instanceof InvalidCueError ? e.userMessage : userMessageOf(e))
      return
    }
    setError(null)
    setSaving(true)
    await suggest.addCue(entry)
    setSaving(false)
    setLanguage(entry.language)
    setAdded(entry.id)
    setDraft((d) => ({ ...d, pattern: '', example: '' }))
  }

  const field = <K extends keyof CueDraft>(key: K, value: CueDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setError(null)
  }

  return (
    <dialog ref={ref} className="dialog lexicon-dialog" aria-labelledby="lexicon-title" onCancel={onClose}>
      <h2 id="lexicon-title">Suggestion lexicon</h2>
      <p className="field-hint">
        A sentence is suggested <strong>speculative</strong> when it has a hedge, attributed intent or booster and no evidence, and{' '}
        <strong>evidenced</strong> when it has evidence and no hedge. Remove cues that mislead you, or add your own.
      </p>
      {suggest.lexiconProblems.length > 0 && (
        <ul className="form-error" role="alert">
          {suggest.lexiconProblems.map((p) => (
            <li key={p}>{p} It is left out.</li>
          ))}
        </ul>
      )}
      <fieldset className="stance-filter lexicon-language">
        <legend className="visually-hidden">Language</legend>
        {(['ja', 'en'] as const).map((lang) => (
          <label key={lang} className={language === lang ? 'is-on' : ''}>
            <input type="radio" name="lexicon-language" value={lang} checked={language === lang} onChange={() => setLanguage(lang)} />
            {LANGUAGE_NAME[lang]} <span className="count">{counts[lang]}</span>
          </label>
        ))}
      </fieldset>
      <div className="lexicon-list" tabIndex={0} aria-label={`${LANGUAGE_NAME[language]} cues`} role="group">
        {CUE_KINDS.map((kind) => {
          const group = rows.filter((r) => r.entry.language === language && r.entry.kind === kind)
          if (group.length === 0) return null
          return (
            <section key={kind} aria-labelledby={`lexicon-${kind}`}>
              <h3 id={`lexicon-${kind}`}>
                {KIND_TITLE[kind]} <span className="lexicon-kind-hint">— {KIND_HINT[kind]}</span>
              </h3>
              <ul className="cue-rows">
                {group.map((row) => (
                  <CueRow key={row.entry.id} row={row} isNew={row.entry.id === added} onRemove={() => void suggest.removeCue(row.entry.id)} onRestore={() => void suggest.restoreCue(row.entry.id)} />
                ))}
              </ul>
            </section>
          )
        })}
      </div>
      <form
        className="lexicon-add"
        aria-label="Add a cue"
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <h3>Add a cue</h3>
        <div className="lexicon-add-row">
          <label className="field">
            <span>Language</span>
            <select value={draft.language} onChange={(e) => field('language', e.target.value as CueLanguage)}>
              <option value="ja">Japanese</option>
              <option value="en">English</option>
            </select>
          </label>
          <label className="field">
            <span>Kind</span>
            <select value={draft.kind} onChange={(e) => field('kind', e.target.value as CueKind)}>
              {CUE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Match</span>
            <select value={draft.match} onChange={(e) => field('match', e.target.value as CueDraft['match'])}>
              <option value="literal">exact words</option>
              <option value="regex">regular expression</option>
            </select>
          </label>
        </div>
        <label className="field">
          <span>{draft.match === 'regex' ? 'Pattern (JavaScript regular expression)' : 'Words'}</span>
          <input value={draft.pattern} onChange={(e) => field('pattern', e.target.value)} maxLength={1000} spellCheck={false} />
        </label>
        <label className="field">
          <span>Example sentence (must contain the cue)</span>
          <input value={draft.example} onChange={(e) => field('example', e.target.value)} />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" disabled={saving}>
            Add cue
          </button>
          <button type="button" className="button-primary" onClick={onClose}>
            Done
          </button>
        </div>
      </form>
    </dialog>
  )
}
