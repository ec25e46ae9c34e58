import { describe, expect, it } from 'vitest'
import { CATALOGS, LOCALES, baseKey, catalogKeys, messageAt, placeholdersOf, resolveLocale, translate } from './catalog'

describe('message catalogs', () => {
  const english = catalogKeys(CATALOGS.en)
  // Languages differ in plural forms (Japanese has one), so compare keys without plural suffixes.
  const bases = (keys: string[]) => [...new Set(keys.map(baseKey))].sort()

  it.each(LOCALES)('%s has exactly the keys English has', (locale) => {
    const keys = bases(catalogKeys(CATALOGS[locale]))
    const english = bases(catalogKeys(CATALOGS.en))
    expect(english.filter((k) => !keys.includes(k)), `missing in ${locale}`).toEqual([])
    expect(keys.filter((k) => !english.includes(k)), `only in ${locale}`).toEqual([])
  })

  it.each(LOCALES)('%s has no empty message and the same placeholders as English', (locale) => {
    for (const key of catalogKeys(CATALOGS[locale])) {
      const message = messageAt(CATALOGS[locale], key)!
      expect(message.trim(), `${locale}:${key}`).not.toBe('')
      const reference = messageAt(CATALOGS.en, key) ?? messageAt(CATALOGS.en, `${baseKey(key)}_other`) ?? messageAt(CATALOGS.en, baseKey(key))
      expect(placeholdersOf(message), `${locale}:${key}`).toEqual(placeholdersOf(reference!))
    }
  })

  it('Japanese is actually Japanese, not copied English', () => {
    const same = english.filter((k) => messageAt(CATALOGS.ja, k) === messageAt(CATALOGS.en, k) && /[a-z]{3}/i.test(messageAt(CATALOGS.en, k)!))
    // A few labels are the same in both (product names, format names like "CSV").
    expect(same.length, same.join(', ')).toBeLessThan(english.length * 0.05)
  })

  it('fills placeholders and refuses unknown keys', () => {
    expect(translate('en', 'claims.count', { count: 3 })).toBe('3 claims')
    expect(translate('en', 'claims.count', { count: 1 })).toBe('1 claim')
    expect(translate('ja', 'claims.count', { count: 1 })).toBe('主張 1 件')
    expect(() => translate('en', 'no.such.key')).toThrow(RangeError)
  })

  it('picks the first preferred language it has', () => {
    expect(resolveLocale(['ja-JP', 'en-US'])).toBe('ja')
    expect(resolveLocale(['fr-FR', 'en-GB'])).toBe('en')
    expect(resolveLocale(['de'])).toBe('en')
    expect(resolveLocale([])).toBe('en')
  })
})
