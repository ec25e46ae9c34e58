/**
 * The "Suggestion lexicon" dialog: the claim finder's cues by language and
 * kind, each shown as the words it matches (its regular expression behind the
 * "Show patterns" switch), each removable (bundled cues can be restored, the
 * user's own are deleted), and a form to add a cue — a literal word or a regular expression
 * with an example sentence it must match, checked by `parseCueEntry` before it
 * is saved. Changes apply to the suggestions at once.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { CUE_KINDS, cueWords, defaultLexicon, InvalidCueError, type CueEntry, type CueKind, type CueLanguage } from '../../../shared/cues'
import { errorText } from '../i18n/error-message'
import { shorten } from '../claims/ClaimsPanel'
import { languageName } from '../ui/format'
import type { Suggestions } from './use-suggestions'
import { cueFromDraft, type CueDraft, type CueProblemWords } from './user-lexicon'

type Row = { entry: CueEntry; state: 'active' | 'removed' | 'yours' }

interface LexiconDialogProps {
  suggest: Pick<Suggestions, 'userCues' | 'removedCueIds' | 'lexiconProblems' | 'addCue' | 'removeCue' | 'restoreCue'>
  onClose(): void
}

/** The words a cue matches, as a reader reads them: 「かもしれない」「かもしれません」…, or 〜420億円〜 from its example. */
function CueWordsLabel({ entry }: { entry: CueEntry }) {
  const { t } = useTranslation()
  const read = cueWords(entry)
  if (read.kind === 'example') return <span className="cue-words cue-words--example">{t('suggest.cueMatchesLike', { match: shorten(read.match, 30) })}</span>
  return (
    <span className="cue-words">
      {read.words.map((word) => (
        <span key={word} className="cue-word">
          {word}
        </span>
      ))}
      {read.more && <span className="cue-words-more">{t('suggest.cueWordsMore')}</span>}
    </span>
  )
}

function CueRow({ row, isNew, showPattern, onRemove, onRestore }: { row: Row; isNew: boolean; showPattern: boolean; onRemove(): void; onRestore(): void }) {
  const { t } = useTranslation()
  const { entry, state } = row
  const ref = useRef<HTMLLIElement>(null)
  useEffect(() => {
    if (isNew) ref.current?.scrollIntoView({ block: 'nearest' })
  }, [isNew])
  return (
    <li ref={ref} className={`cue-row cue-row--${state}${isNew ? ' is-new' : ''}`}>
      <span className="cue-row-pattern">
        <CueWordsLabel entry={entry} />
        {showPattern && entry.match === 'regex' && <code className="cue-pattern">{entry.pattern}</code>}
        {state === 'yours' && <span className="cue-row-tag">{t('suggest.cueYours')}</span>}
        {state === 'removed' && <span className="cue-row-tag">{t('suggest.cueRemoved')}</span>}
      </span>
      <span className="cue-row-example" title={entry.example}>
        {shorten(entry.example, 40)}
      </span>
      {state === 'removed' ? (
        <button type="button" className="button-quiet" onClick={onRestore} aria-label={t('suggest.restoreCueNamed', { pattern: entry.pattern })}>
          {t('suggest.restoreCue')}
        </button>
      ) : (
        <button
          type="button"
          className="button-quiet-danger"
          onClick={onRemove}
          aria-label={t(state === 'yours' ? 'suggest.deleteCueNamed' : 'suggest.removeCueNamed', { pattern: entry.pattern })}
        >
          {t(state === 'yours' ? 'suggest.deleteCue' : 'suggest.removeCue')}
        </button>
      )}
    </li>
  )
}

export function LexiconDialog({ suggest, onClose }: LexiconDialogProps) {
  const { t, i18n } = useTranslation()
  const languageLabel = (lang: CueLanguage) => languageName(lang, i18n.language)
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
  const [showPatterns, setShowPatterns] = useState(false)

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
      const words: CueProblemWords = (problem, detail) => t(`suggest.cueProblem.${problem}`, { detail })
      entry = cueFromDraft(draft, new Set(rows.map((r) => r.entry.id)), Math.random, words)
    } catch (e) {
      setError(e instanceof InvalidCueError ? e.userMessage : errorText(e))
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
      <h2 id="lexicon-title">{t('suggest.lexiconTitle')}</h2>
      <p className="field-hint">
        <Trans i18nKey="suggest.lexiconIntro" components={{ b: <strong /> }} />
      </p>
      {suggest.lexiconProblems.length > 0 && (
        <ul className="form-error" role="alert">
          {suggest.lexiconProblems.map((p) => (
            <li key={p}>{t('suggest.cueLeftOut', { problem: p })}</li>
          ))}
        </ul>
      )}
      <fieldset className="stance-filter lexicon-language">
        <legend className="visually-hidden">{t('suggest.cueLanguage')}</legend>
        {(['ja', 'en'] as const).map((lang) => (
          <label key={lang} className={language === lang ? 'is-on' : ''}>
            <input type="radio" name="lexicon-language" value={lang} checked={language === lang} onChange={() => setLanguage(lang)} />
            {languageLabel(lang)} <span className="count">{counts[lang]}</span>
          </label>
        ))}
      </fieldset>
      <label className="lexicon-advanced">
        <input type="checkbox" checked={showPatterns} onChange={(e) => setShowPatterns(e.target.checked)} />
        {t('suggest.showPatterns')}
      </label>
      <div className="lexicon-list" tabIndex={0} aria-label={t('suggest.cuesIn', { language: languageLabel(language) })} role="group">
        {CUE_KINDS.map((kind) => {
          const group = rows.filter((r) => r.entry.language === language && r.entry.kind === kind)
          if (group.length === 0) return null
          return (
            <section key={kind} aria-labelledby={`lexicon-${kind}`}>
              <h3 id={`lexicon-${kind}`}>
                {t(`suggest.cueKindTitle.${kind}`)} <span className="lexicon-kind-hint">— {t(`suggest.cueKindHint.${kind}`)}</span>
              </h3>
              <ul className="cue-rows">
                {group.map((row) => (
                  <CueRow key={row.entry.id} row={row} isNew={row.entry.id === added} showPattern={showPatterns} onRemove={() => void suggest.removeCue(row.entry.id)} onRestore={() => void suggest.restoreCue(row.entry.id)} />
                ))}
              </ul>
            </section>
          )
        })}
      </div>
      <form
        className="lexicon-add"
        aria-label={t('suggest.addCueTitle')}
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <h3>{t('suggest.addCueTitle')}</h3>
        <div className="lexicon-add-row">
          <label className="field">
            <span>{t('suggest.cueLanguage')}</span>
            <select value={draft.language} onChange={(e) => field('language', e.target.value as CueLanguage)}>
              <option value="ja">{languageLabel('ja')}</option>
              <option value="en">{languageLabel('en')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t('suggest.cueKindLabel')}</span>
            <select value={draft.kind} onChange={(e) => field('kind', e.target.value as CueKind)}>
              {CUE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`suggest.cueKind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('suggest.cueMatch')}</span>
            <select value={draft.match} onChange={(e) => field('match', e.target.value as CueDraft['match'])}>
              <option value="literal">{t('suggest.cueMatchLiteral')}</option>
              <option value="regex">{t('suggest.cueMatchRegex')}</option>
            </select>
          </label>
        </div>
        <label className="field">
          <span>{t(draft.match === 'regex' ? 'suggest.cuePatternRegex' : 'suggest.cueWords')}</span>
          <input value={draft.pattern} onChange={(e) => field('pattern', e.target.value)} maxLength={1000} spellCheck={false} />
        </label>
        <label className="field">
          <span>{t('suggest.cueExample')}</span>
          <input value={draft.example} onChange={(e) => field('example', e.target.value)} />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" disabled={saving}>
            {t('suggest.addCue')}
          </button>
          <button type="button" className="button-primary" onClick={onClose}>
            {t('suggest.done')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
