/**
 * i18next's typed keys: `t('…')` accepts only keys of the English catalog, so a
 * missing message (an error code without its `errors.<code>`) fails the
 * type-check instead of showing a raw key.
 */
import type en from '../../../shared/i18n/locales/en.json'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}
