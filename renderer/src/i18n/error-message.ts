/**
 * An error as the user should read it, in the UI language. The importers in
 * shared/ write their messages in English with every specific (file name,
 * size, encoding); in another language the message is chosen by the error's
 * code from the catalog, with the file name filled in, and falls back to the
 * English text where the catalog has no entry.
 */
import type { i18n as I18n, TFunction } from 'i18next'
import { CritiqueError, ImportRefusedError, StorageError, userMessageOf } from '../../../shared/errors'

export function localizedErrorMessage(error: unknown, t: TFunction, i18n: Pick<I18n, 'language' | 'exists'>): string {
  if (i18n.language === 'en' || !(error instanceof CritiqueError)) return userMessageOf(error)
  const key = error instanceof ImportRefusedError ? `importErrors.${error.code}` : `storageErrors.${error.code}`
  if (!i18n.exists(key)) return userMessageOf(error)
  const name = error instanceof ImportRefusedError || error instanceof StorageError ? (error.fileName ?? '') : ''
  return t(key, { name })
}
