/**
 * The one place an error becomes words for the user. Every CritiqueError has
 * a code from one typed union (shared/error-codes.ts), and the catalog has a
 * message for each code in every language under `errors.<code>`; the key is
 * checked against the English catalog at compile time (i18next's typed keys,
 * i18n/i18next.d.ts). In English the error's own message is shown: it is
 * written in English where the error is thrown, with every specific (file
 * name, limit, item). In another language the code picks the message, with the
 * file name filled in, and the English specifics follow in brackets where they
 * matter (which item, which assertion).
 */
import type { TFunction } from 'i18next'
import type { ErrorCode } from '../../../shared/error-codes'
import { CritiqueError, ImportRefusedError, StorageError, userMessageOf } from '../../../shared/errors'
import { appI18n } from './index'

/** The catalog key of a code's message. */
export type ErrorMessageKey = `errors.${ErrorCode}`

// Codes whose English message carries specifics worth keeping (an item index, a parser complaint).
const WITH_DETAIL: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['not-json', 'wrong-shape', 'unknown-selectors', 'not-w3c', 'bad-backup', 'invalid-cue', 'storage-open-failed', 'storage-write-failed', 'storage-read-failed'])

/** The English message without the leading `"file": ` a parser puts in front. */
function detailOf(message: string, fileName: string): string {
  if (!fileName) return message
  for (const prefix of [`"${fileName}": `, `“${fileName}”: `]) if (message.startsWith(prefix)) return message.slice(prefix.length)
  return message
}

/**
 * The message for the code `code` in the language of `t`: `english` (the
 * thrower's own text) when that language is English, else the catalog's,
 * naming `fileName`. Never throws.
 */
export function codeMessage(code: ErrorCode, english: string, t: TFunction, language: string, fileName = ''): string {
  if (language === 'en') return english
  const message = t(`errors.${code}` satisfies ErrorMessageKey, { name: fileName })
  return WITH_DETAIL.has(code) ? t('errorFormat.withDetail', { message, detail: detailOf(english, fileName) }) : message
}

/**
 * `error` as the user should read it in the language of `t`. A value that is
 * not a CritiqueError (a bug, a browser failure) says so in that language,
 * with its own text as the detail. Never throws.
 */
export function errorMessage(error: unknown, t: TFunction, language: string): string {
  if (error instanceof CritiqueError) {
    const fileName = error instanceof ImportRefusedError || error instanceof StorageError ? (error.fileName ?? '') : ''
    return codeMessage(error.code, error.userMessage, t, language, fileName)
  }
  return language === 'en' ? userMessageOf(error) : t('errorFormat.unexpected', { detail: userMessageOf(error) })
}

/** {@link errorMessage} in the app's current language, for code outside components. */
export function errorText(error: unknown): string {
  const i18n = appI18n()
  return errorMessage(error, i18n.t, i18n.language)
}
