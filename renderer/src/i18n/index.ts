/**
 * The renderer's i18next instance over the shared catalogs. The language
 * follows the preference, or the browser's preferred languages when the
 * preference is "system"; `<html lang>` follows it so screen readers and
 * CJK line breaking pick the right rules.
 */
import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { CATALOGS, resolveLocale, type Locale } from '../../../shared/i18n/catalog'

/** The locale for a language preference. */
export function localeFor(preference: 'system' | Locale): Locale {
  return preference === 'system' ? resolveLocale(navigator.languages ?? [navigator.language]) : preference
}

let instance: i18n | null = null

/** The app's i18n instance, initialised once (synchronously: the catalogs are bundled). */
export function appI18n(): i18n {
  if (instance) return instance
  instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources: { en: { translation: CATALOGS.en }, ja: { translation: CATALOGS.ja } },
    lng: localeFor('system'),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  })
  document.documentElement.lang = instance.language
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng
  })
  return instance
}
