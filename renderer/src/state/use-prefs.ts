/**
 * All preferences, live: changes from the Preferences view (or another
 * window) apply at once. Also applies the ones that style the whole page:
 * theme, language, reader typography.
 */
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkbenchDb } from '../storage/database'
import { getAllPrefs, PREF_DEFAULTS, type Prefs } from '../storage/prefs-repo'
import { localeFor } from '../i18n'
import { useLiveQuery } from './use-live-query'

export function usePrefs(db: WorkbenchDb): { prefs: Prefs; loaded: boolean } {
  const result = useLiveQuery(() => getAllPrefs(db), [db])
  const prefs = result.status === 'ready' ? result.value : PREF_DEFAULTS
  const { i18n } = useTranslation()
  const loaded = result.status !== 'loading'

  useEffect(() => {
    const root = document.documentElement
    root.dataset.theme = prefs.theme
    root.style.setProperty('--reader-size', `${prefs.readerFontSize}px`)
    root.style.setProperty('--reader-leading', String(prefs.readerLineHeight))
  }, [prefs.theme, prefs.readerFontSize, prefs.readerLineHeight])

  useEffect(() => {
    if (!loaded) return
    const locale = localeFor(prefs.language)
    if (i18n.language !== locale) void i18n.changeLanguage(locale)
  }, [loaded, prefs.language, i18n])

  return { prefs, loaded }
}
