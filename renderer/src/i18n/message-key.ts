/**
 * A key of the message catalog, as i18next's typed keys know them
 * (i18n/i18next.d.ts). Keys written out in code are checked by the compiler;
 * keys built at run time (`compare.outcome.${kind}`) are declared with
 * {@link messageKey} and checked by a test against the catalog instead
 * (compare/catalog-keys.test.ts and the like).
 */
import type { ParseKeys } from 'i18next'

export type MessageKey = ParseKeys

/** Declare a key built at run time as a catalog key (a test must check it exists). */
export function messageKey(key: string): MessageKey {
  return key as MessageKey
}
