/**
 * Refused imports and failed exports as the analyst reads them, in the UI
 * language. The parser (shared/w3c) and the import steps write their messages
 * in English, naming the file and the exact problem; in English that message
 * is shown as it is. In another language the error's `code` picks a
 * translated sentence from the catalog (`exchange.refused.<code>`), and for
 * problems whose specifics matter (which item, which assertion) the English
 * specifics follow in brackets.
 */
import { CATALOGS, messageAt, translate, type Locale } from '../../../shared/i18n/catalog'
import { CritiqueError, ImportRefusedError, userMessageOf } from '../../../shared/errors'
import { MAX_ANNOTATION_FILE_BYTES } from '../../../shared/w3c/json-guard'

// Codes whose English message carries specifics worth keeping (an item index, a parser complaint).
const WITH_DETAIL = new Set(['not-json', 'wrong-shape', 'unsafe-url', 'unknown-selectors', 'not-w3c'])

/** The English message without the leading `"file": ` the parser puts in front. */
function detailOf(error: CritiqueError): string {
  const name = error instanceof ImportRefusedError ? error.fileName : undefined
  const message = error.userMessage
  if (!name) return message
  for (const prefix of [`"${name}": `, `“${name}”: `]) if (message.startsWith(prefix)) return message.slice(prefix.length)
  return message
}

/**
 * The message to show for `error` from importing or exporting annotations,
 * in `locale`. English, and any error without a translated code, gives
 * `userMessageOf(error)` unchanged. Never throws.
 */
export function exchangeErrorMessage(error: unknown, locale: Locale): string {
  if (locale === 'en' || !(error instanceof CritiqueError)) return userMessageOf(error)
  const key = `exchange.refused.${error.code}`
  if (messageAt(CATALOGS[locale], key) === null) return userMessageOf(error)
  const name = error instanceof ImportRefusedError ? (error.fileName ?? '') : ''
  const message = translate(locale, key, { name, limit: MAX_ANNOTATION_FILE_BYTES / (1024 * 1024) })
  return WITH_DETAIL.has(error.code) ? translate(locale, 'exchange.refused.withDetail', { message, detail: detailOf(error) }) : message
}
