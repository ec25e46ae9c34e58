/**
 * Preferences: analyst name, language, theme, reader typography, storage
 * (size, persistence) and the "back up everything" / "restore" pair. Every
 * change is saved at once; the page follows live.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HostBridge } from '../../../shared/bridge/contract'
import { resolveLocale } from '../../../shared/i18n/catalog'
import type { WorkbenchDb } from '../storage/database'
import { setPref, type Prefs } from '../storage/prefs-repo'
import { formatBytes, languageName } from '../ui/format'
import { BackupSection } from './BackupSection'
import { TeamSection } from '../team/TeamSection'
import { LexiconDialog, useLexiconEditor } from '../suggestions'
import { errorText } from '../i18n/error-message'

interface PreferencesViewProps {
  db: WorkbenchDb
  host: HostBridge
  prefs: Prefs
  notify(kind: 'info' | 'error', message: string): void
  /** Leave Preferences for where the user came from (the Back button, Escape). */
  onBack(): void
  /** What Back returns to, for its label: the article or the library. */
  backTo: 'reader' | 'library'
  children?: React.ReactNode
}

function StorageInfo() {
  const { t, i18n } = useTranslation()
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null)
  const [persisted, setPersisted] = useState<boolean | null>(null)
  useEffect(() => {
    void navigator.storage?.estimate?.().then(setEstimate, () => setEstimate(null))
    void navigator.storage?.persisted?.().then(setPersisted, () => setPersisted(null))
  }, [])
  return (
    <section className="prefs-section" aria-labelledby="prefs-storage">
      <h2 id="prefs-storage">{t('prefs.storage')}</h2>
      <p>
        {estimate?.usage !== undefined
          ? t('prefs.storageUsage', { size: formatBytes(estimate.usage, i18n.language), quota: formatBytes(estimate.quota ?? 0, i18n.language) })
          : t('prefs.storageUnknown')}
      </p>
      <p>{persisted ? t('prefs.persisted') : t('prefs.notPersisted')}</p>
      {!persisted && (
        <button type="button" onClick={() => void navigator.storage?.persist?.().then(setPersisted)}>
          {t('prefs.persist')}
        </button>
      )}
    </section>
  )
}

/**
 * Escape leaves Preferences unless something nearer took it: an open dialog
 * (the lexicon) or a control that used it (a select's list, a cleared search).
 */
function useEscapeToLeave(onBack: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (document.querySelector('dialog[open]')) return
      event.preventDefault()
      onBack()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onBack])
}

export function PreferencesView({ db, host, prefs, notify, onBack, backTo, children }: PreferencesViewProps) {
  const { t, i18n } = useTranslation()
  const [name, setName] = useState(prefs.analystName ?? '')
  const [lexiconOpen, setLexiconOpen] = useState(false)
  const lexicon = useLexiconEditor(db, prefs, notify)
  useEffect(() => setName(prefs.analystName ?? ''), [prefs.analystName])
  const save = <K extends keyof Prefs>(key: K, value: Prefs[K]) => void setPref(db, key, value).catch((e: unknown) => notify('error', errorText(e)))
  const systemLocale = resolveLocale(navigator.languages ?? [navigator.language])
  useEscapeToLeave(onBack)

  return (
    <main className="prefs" aria-labelledby="prefs-title">
      <button type="button" className="button-quiet prefs-back" onClick={onBack} aria-keyshortcuts="Escape">
        {t(backTo === 'reader' ? 'prefs.backToArticle' : 'prefs.backToLibrary')}
      </button>
      <h1 id="prefs-title">{t('prefs.title')}</h1>

      <section className="prefs-section" aria-labelledby="prefs-analyst">
        <h2 id="prefs-analyst">{t('prefs.analyst')}</h2>
        <div className="field">
          <input
            aria-labelledby="prefs-analyst"
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => name.trim() && name.trim() !== prefs.analystName && save('analystName', name.trim())}
          />
        </div>
        <p className="field-hint">{t('prefs.analystHint')}</p>
      </section>

      <section className="prefs-section" aria-labelledby="prefs-language">
        <h2 id="prefs-language">{t('prefs.language')}</h2>
        <div className="field">
          <select aria-labelledby="prefs-language" value={prefs.language} onChange={(e) => save('language', e.target.value as Prefs['language'])}>
            <option value="system">{t('prefs.languageSystem', { name: languageName(systemLocale, i18n.language) })}</option>
            <option value="en">English</option>
            <option value="ja">日本語</option>
          </select>
        </div>
      </section>

      <section className="prefs-section" aria-labelledby="prefs-theme">
        <h2 id="prefs-theme">{t('prefs.theme')}</h2>
        <fieldset className="choice-row">
          <legend className="visually-hidden">{t('prefs.theme')}</legend>
          {(['system', 'light', 'dark'] as const).map((theme) => (
            <label key={theme} className={`choice ${prefs.theme === theme ? 'is-on' : ''}`}>
              <input type="radio" name="theme" checked={prefs.theme === theme} onChange={() => save('theme', theme)} />
              {t(theme === 'system' ? 'prefs.themeSystem' : theme === 'light' ? 'prefs.themeLight' : 'prefs.themeDark')}
            </label>
          ))}
        </fieldset>
      </section>

      <section className="prefs-section" aria-labelledby="prefs-typography">
        <h2 id="prefs-typography">{t('prefs.typography')}</h2>
        <label className="field field-inline">
          <span>{t('prefs.fontSize')}</span>
          <input
            type="range"
            min={14}
            max={24}
            step={1}
            value={prefs.readerFontSize}
            onChange={(e) => save('readerFontSize', Number(e.target.value))}
            aria-valuetext={`${prefs.readerFontSize}px`}
          />
          <output>{prefs.readerFontSize}px</output>
        </label>
        <label className="field field-inline">
          <span>{t('prefs.lineHeight')}</span>
          <input
            type="range"
            min={1.4}
            max={2.4}
            step={0.05}
            value={prefs.readerLineHeight}
            onChange={(e) => save('readerLineHeight', Number(e.target.value))}
          />
          <output>{prefs.readerLineHeight.toFixed(2)}</output>
        </label>
        <p className="prefs-preview" lang="ja">
          {t('prefs.preview')}
        </p>
      </section>

      <section className="prefs-section" aria-labelledby="prefs-lexicon">
        <h2 id="prefs-lexicon">{t('prefs.lexicon')}</h2>
        <p>{t('prefs.lexiconSummary', { added: lexicon.userCues.length, removed: lexicon.removedCueIds.length })}</p>
        <button type="button" onClick={() => setLexiconOpen(true)}>
          {t('prefs.lexiconEdit')}
        </button>
        {lexiconOpen && <LexiconDialog suggest={lexicon} onClose={() => setLexiconOpen(false)} />}
      </section>

      {children}

      <TeamSection db={db} host={host} prefs={prefs} notify={notify} />

      <StorageInfo />
      <BackupSection db={db} host={host} notify={notify} />
    </main>
  )
}
